package vn.thongsuot.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet filters of the system feature that sit in front of everything else. */
@Configuration
class SystemFilters {

  /**
   * Spring Boot's error page lives at {@code /error} for errors forwarded to it; asked for directly
   * it has no error to show and answered 500. A request for it is a request for a page that does
   * not exist. (The filter sees requests only, not the error forwards.)
   */
  @Bean
  FilterRegistrationBean<jakarta.servlet.Filter> noDirectErrorPage() {
    FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
        (request, response, chain) -> ApiErrors.writeDirectly((jakarta.servlet.http.HttpServletResponse) response,
            ApiErrors.problem(org.springframework.http.HttpStatus.NOT_FOUND, java.util.List.of("Không có địa chỉ này."))));
    registration.setName("no-direct-error-page");
    registration.addUrlPatterns("/error", "/error/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  /** Ahead of every authentication filter: a password check that finds the database down is a 503. */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable(ObjectMapper json) {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
    registration.setName("database-unavailable");
    // Right after Spring's character encoding filter (HIGHEST_PRECEDENCE).
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
