package vn.thongsuot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of every door where a password is checked: HTTP Basic on
 * {@code /engine-rest}, {@code /api}, {@code /actuator}, the API description and the board (Spring
 * Security checks a Basic header there on every path), and the webapps' login form. A caller who
 * must wait gets 429 with {@code Retry-After} before any password is checked; afterwards a 401 counts
 * as a failed login, anything else as a successful one.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  /** Paths whose HTTP Basic header is checked (elsewhere it is ignored, so it proves nothing). */
  private static final Pattern BASIC_CHECKED = Pattern.compile("^/(engine-rest|api|actuator|v3/api-docs|board)(/.*|\\.\\w+)?$");
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");
  private static final int MAX_LOGIN_FORM = 8 * 1024;

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    HttpServletRequest forward = request;
    String userId = null;
    if (BASIC_CHECKED.matcher(path).matches()) {
      userId = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
    } else if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      BufferedBody body = BufferedBody.of(request, MAX_LOGIN_FORM);
      forward = body;
      userId = formField(body.text(), "username");
    }
    if (userId == null || userId.isEmpty()) {
      chain.doFilter(forward, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitBefore(userId, address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String message = "Đăng nhập sai nhiều lần liên tiếp; xin chờ " + seconds + " giây rồi thử lại.";
      json.writeValue(response.getOutputStream(), Refusals.body(429, "TooManyRequests", "Chờ rồi thử lại", message));
      return;
    }
    chain.doFilter(forward, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(userId, address);
    } else if (response.getStatus() < 500) {
      throttle.succeeded(userId, address);
    }
  }

  /** The user id of a Basic header; null when there is none or it cannot be read. */
  static String basicUser(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && name.equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
        try {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return null;
        }
      }
    }
    return null;
  }
}
