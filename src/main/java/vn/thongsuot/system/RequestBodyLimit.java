package vn.thongsuot.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every door takes small documents (the longest filing or answer is about 10,000 characters): a body
 * over {@code thongsuot.api.max-body-size} (1 MiB) is refused with 413 and a Vietnamese problem
 * detail before anything reads it, on every path ({@code /api}, {@code /engine-rest}, the webapps),
 * also when its length is not announced (chunked), and before the account is checked, so nobody
 * makes the server buffer megabytes. A deployment (the administrator's models and forms) may be up
 * to {@code thongsuot.api.deployment-max-body-size}.
 */
@Configuration
class RequestBodyLimit {

  /** Where a deployment is created, on both engine REST mounts. */
  static final java.util.regex.Pattern DEPLOYMENT = java.util.regex.Pattern.compile(
      "^/(engine-rest|camunda/api/engine)(/engine/[^/]+)?/deployment/create/?$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiBodyLimit(
      @Value("${thongsuot.api.max-body-size:1MB}") DataSize limit,
      @Value("${thongsuot.api.deployment-max-body-size:20MB}") DataSize deploymentLimit, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(limit.toBytes(), deploymentLimit.toBytes(), json));
    registration.setName("request-body-limit");
    registration.addUrlPatterns("/*");
    // Before Spring Security (order -100).
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Thrown by the counting stream: the body went past the limit while being read. */
  static class BodyTooLarge extends IOException {

    final long limit;

    BodyTooLarge(long limit) {
      super("request body over " + limit + " bytes");
      this.limit = limit;
    }
  }

  static String message(long limit) {
    return "Nội dung yêu cầu quá lớn: tối đa " + (limit >= 1024 * 1024 && limit % (1024 * 1024) == 0
        ? limit / (1024 * 1024) + " MiB" : limit + " byte") + ". Hãy rút gọn nội dung.";
  }

  static final class Filter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final long deploymentLimit;
    private final ObjectMapper json;

    Filter(long limit, long deploymentLimit, ObjectMapper json) {
      this.defaultLimit = limit;
      this.deploymentLimit = deploymentLimit;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      long limit = DEPLOYMENT.matcher(path).matches() ? deploymentLimit : defaultLimit;
      if (request.getContentLengthLong() > limit) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Tell the client the connection ends: the unread body is not worth swallowing.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(),
            ApiErrors.problem(HttpStatus.PAYLOAD_TOO_LARGE, List.of(message(limit))));
        return;
      }
      chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }
  }

  /** A request whose body stream fails with {@link BodyTooLarge} past the limit. */
  static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
