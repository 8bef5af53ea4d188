package vn.thongsuot.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A 503 for a database outage that escapes every handler: above all the password checks, which
 * run in filters before any controller (Spring Security for {@code /api}, Camunda's
 * authentication filter for {@code /engine-rest}) and would otherwise end in a 500. Runs first,
 * so it sees what every later filter throws; anything else passes through unchanged. Registered
 * in {@link SecurityConfiguration}.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final ObjectMapper json;

  DatabaseUnavailableFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(),
          e.getClass().getSimpleName());
      response.reset();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      // The same problem detail as ApiErrors' answer when a controller meets the outage.
      json.writeValue(response.getOutputStream(),
          ApiErrors.problem(HttpStatus.SERVICE_UNAVAILABLE, List.of(DatabaseUnavailable.MESSAGE)));
    }
  }
}
