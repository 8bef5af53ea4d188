package vn.thongsuot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.thongsuot.system.CurrentOfficial;

/**
 * Lets pages served by the application (the supervisors' board) call our API with the login an
 * official already made in Tasklist or Cockpit: the same HTTP session, no second password.
 * A request that changes something must also carry {@code X-Requested-With: XMLHttpRequest}, which
 * a form on another site cannot send, so a session cookie alone never authorizes a change (CSRF).
 */
class CamundaSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String XHR_HEADER = "X-Requested-With";
  static final String XHR = "XMLHttpRequest";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null
        && (SAFE_METHODS.contains(request.getMethod()) || XHR.equals(request.getHeader(XHR_HEADER)))) {
      Authentication login = AuthenticationUtil.getAuthsFromSession(session)
          .getAuthenticationForProcessEngine(ENGINE);
      if (login instanceof UserAuthentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
            .authenticated(user.getIdentityId(), null, groups.stream()
                .map(g -> new SimpleGrantedAuthority(CurrentOfficial.GROUP_PREFIX + g)).toList()));
      }
    }
    chain.doFilter(request, response);
  }
}
