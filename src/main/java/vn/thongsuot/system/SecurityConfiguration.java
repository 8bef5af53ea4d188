package vn.thongsuot.system;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Three doors, each authenticated against Camunda's identity service:
 * <ul>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin log users in themselves (session);
 *   <li>{@code /engine-rest/**}: HTTP Basic through Camunda's own {@link ProcessEngineAuthenticationFilter},
 *       so the engine's authorizations apply to every call;
 *   <li>{@code /api/**} and {@code /actuator/**}: Spring Security, HTTP Basic with the same accounts.
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

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, VietnameseAuthenticationEntryPoint entryPoint)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(requests -> requests
            // Load balancers and compose health checks probe this without an account; it shows
            // only UP/DOWN unless the caller is authenticated.
            .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
            .permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // A stateless JSON API authenticated per request: no session cookie to forge.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
