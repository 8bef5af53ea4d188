package vn.thongsuot.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Three doors, each authenticated against Camunda's identity service:
 * <ul>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin log users in themselves (session);
 *   <li>{@code /engine-rest/**}: HTTP Basic through Camunda's own {@link ProcessEngineAuthenticationFilter},
 *       so the engine's authorizations apply to every call;
 *   <li>{@code /api/**} and {@code /actuator/**}: Spring Security, HTTP Basic with the same accounts,
 *       or the Tasklist/Cockpit login of the same browser session (the board's page uses it).
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication(
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("camunda-auth");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns(restPath + "/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, restPath);
    registration.setOrder(101);
    return registration;
  }

  /** Ahead of both authentication filters: a password check that finds the database down is a 503. */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable(ObjectMapper json) {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
    registration.setName("database-unavailable");
    // Right after Spring's character encoding filter (HIGHEST_PRECEDENCE).
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, VietnameseAuthenticationEntryPoint entryPoint)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/board/**", "/board")
        .authorizeHttpRequests(requests -> requests
            // Load balancers and compose health checks probe this without an account; it shows
            // only UP/DOWN unless the caller is authenticated.
            .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
            .permitAll()
            // The board's page and scripts hold no data; everything they show comes from /api.
            .requestMatchers("/board", "/board/**").permitAll()
            .anyRequest().authenticated())
        .addFilterBefore(new CamundaSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                + " frame-ancestors 'none'; form-action 'self'")))
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // A stateless JSON API authenticated per request: no session cookie to forge.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
