package vn.thongsuot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.thongsuot.directory.UnitDirectory;

/**
 * The webapps' own APIs beside the engine's ({@code /camunda/api/cockpit}, {@code /admin},
 * {@code /tasklist}, {@code /welcome}): Camunda lets any signed-in account call Cockpit's and
 * Admin's plugin queries (country-wide statistics among them). Deny by default here too: the login
 * and the plugins' static files for anyone, Cockpit's queries for the central supervisor, everything
 * else (Admin's plugins, the first-administrator setup, which this service never needs) for the
 * administrator. Paths are matched as the servlet container decoded and normalised them.
 */
final class WebappApiDoor extends OncePerRequestFilter {

  static final String PATTERN = "/camunda/api/*";
  private static final Logger LOG = LoggerFactory.getLogger(WebappApiDoor.class);
  private static final Pattern STATIC = Pattern.compile("^/camunda/api/(cockpit|admin|tasklist|welcome)/plugin/[^/]+/static/.*");
  private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+(/.*)?$");
  private static final Pattern COCKPIT = Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/[^/]+(/.*)?$");
  private static final Set<String> SAFE = Set.of("GET", "HEAD");

  private final UnitDirectory directory;
  private final ObjectMapper json;

  WebappApiDoor(UnitDirectory directory, ObjectMapper json) {
    this.directory = directory;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.startsWith("/camunda/api/engine/") || path.equals("/camunda/api/engine")
        || LOGIN.matcher(path).matches() || SAFE.contains(request.getMethod()) && STATIC.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    UserAuthentication user = signedIn(request.getSession(false));
    Set<Role> roles = user == null ? Set.of()
        : Role.of(user.getGroupIds() == null ? List.of() : user.getGroupIds(), directory);
    boolean allowed = roles.contains(Role.ADMIN) || roles.contains(Role.COCKPIT) && COCKPIT.matcher(path).matches();
    if (allowed) {
      chain.doFilter(request, response);
      return;
    }
    LOG.info("Refused {} {} for {} {}", request.getMethod(), path, user == null ? "(anonymous)" : user.getIdentityId(),
        roles);
    int status = user == null ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN;
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), status == 401
        ? Refusals.body(401, "Unauthorized", "Chưa đăng nhập", Refusals.SIGN_IN)
        : Refusals.body(403, "Forbidden", "Không có quyền", Refusals.NOT_ALLOWED));
  }

  private static UserAuthentication signedIn(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null
        && authentications.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user ? user : null;
  }
}
