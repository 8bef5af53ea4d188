package vn.thongsuot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedHeaders;

/**
 * Who may call what. Three doors, each authenticated against Camunda's identity service:
 * <ul>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin log users in themselves (session);
 *   <li>{@code /engine-rest/**}: HTTP Basic through Camunda's own {@link ProcessEngineAuthenticationFilter},
 *       so the engine's authorizations apply to every call;
 *   <li>{@code /api/**}, {@code /actuator/**}, the API description, the board's and the unit issues' pages: Spring
 *       Security, HTTP Basic with the same accounts, or the Tasklist/Cockpit login of the same browser
 *       session (the board's page uses it).
 * </ul>
 * Both engine REST mounts then pass {@link EngineApiDoor}; every password check passes
 * {@link LoginThrottle} first. docs/security.md describes the whole.
 */
@Configuration
class SecurityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
  static final String ADMIN_AUTHORITY = CurrentOfficial.GROUP_PREFIX + Role.ADMIN_GROUP;
  static final String MONITORING_AUTHORITY = CurrentOfficial.GROUP_PREFIX + Role.MONITORING_GROUP;

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

  /** The webapps' own APIs (Cockpit's and Admin's plugins, setup): deny by default. */
  @Bean
  FilterRegistrationBean<WebappApiDoor> webappApiDoor(UnitDirectory directory, ObjectMapper json) {
    FilterRegistrationBean<WebappApiDoor> registration = new FilterRegistrationBean<>(new WebappApiDoor(directory, json));
    registration.setName("webapp-api-door");
    registration.addUrlPatterns(WebappApiDoor.PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Before every password check (Spring Security is at -100, Camunda's at 101 and in the webapps). */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json));
    registration.setName("login-throttle");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /**
   * A request Spring Security's firewall refuses (a double slash, an encoded slash, a header value
   * it will not pass on...) is the caller's fault: 400 with the problem in Vietnamese, and a log line
   * that names the kind of refusal but never a header's or cookie's value.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, rejected) -> {
      LOG.info("Refused a malformed request {} {}: {}", request.getMethod(), printablePath(request.getRequestURI()),
          RejectedHeaders.kindOf(rejected.getMessage()));
      response.setStatus(400);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), Refusals.body(400, "RequestRejected", "Yêu cầu không hợp lệ",
          RejectedHeaders.MESSAGE));
    };
  }

  static String printablePath(String path) {
    String shown = path == null ? "" : path.replaceAll("[^\\x21-\\x7e]", "?");
    return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, VietnameseAuthenticationEntryPoint entryPoint,
      VietnameseAccessDeniedHandler denied) throws Exception {
    http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs.*", "/v3/api-docs/**",
            "/board/**", "/board", "/unit-issues/**", "/unit-issues")
        .authorizeHttpRequests(requests -> requests
            // Load balancers and compose health checks probe this without an account; it shows
            // only UP/DOWN unless the caller is an administrator or a monitoring account.
            .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
            .permitAll()
            .requestMatchers("/actuator/**").hasAnyAuthority(ADMIN_AUTHORITY, MONITORING_AUTHORITY)
            // The board's and "Hồ sơ của đơn vị"'s pages and scripts hold no data; everything they
            // show comes from /api.
            .requestMatchers("/board", "/board/**", "/unit-issues", "/unit-issues/**").permitAll()
            .anyRequest().authenticated())
        .addFilterBefore(new CamundaSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                + " frame-ancestors 'none'; form-action 'self'")))
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
        // No session of its own, and none touched: the board reuses the webapps' session as it is.
        // (Spring Security's session fixation protection changed the webapps' session id on every
        // call that reused it, and concurrent calls of the board then lost their login.)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // A stateless JSON API authenticated per request; a change sent with the session cookie must
        // carry X-Requested-With (CamundaSessionAuthenticationFilter), which no other site can send.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
