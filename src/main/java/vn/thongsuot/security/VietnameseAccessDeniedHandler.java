package vn.thongsuot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 from Spring Security's rules (metrics for anyone but the administrator and monitoring), in Vietnamese. */
@Component
class VietnameseAccessDeniedHandler implements AccessDeniedHandler {

  private final ObjectMapper json;

  VietnameseAccessDeniedHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), Refusals.body(403, "Forbidden", "Không có quyền", Refusals.NOT_ALLOWED));
  }
}
