package vn.thongsuot.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 with a message an official can read, in the problem-detail shape of every other error. */
@Component
class VietnameseAuthenticationEntryPoint implements AuthenticationEntryPoint {

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException authException) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    // The board's own requests get no Basic challenge: the page shows its login link instead of
    // the browser's password dialog.
    if (!CamundaSessionAuthenticationFilter.XHR.equals(
        request.getHeader(CamundaSessionAuthenticationFilter.XHR_HEADER))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"thongsuot\", charset=\"UTF-8\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"status\":401,\"title\":\"Chưa đăng nhập\",\"detail\":"
        + "\"Cần đăng nhập bằng tài khoản cán bộ (tên đăng nhập và mật khẩu) để dùng chức năng này.\"}");
  }
}
