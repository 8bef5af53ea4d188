package vn.thongsuot.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors of {@code /api/**} that never reach a controller (no such address, a method the address
 * does not take, a request the firewall refuses) are answered by Spring Boot's error page. For our
 * API it answers like {@link ApiErrors}: the problem-detail fields with a Vietnamese {@code detail}.
 * Every other path keeps Spring Boot's answer.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
    if (!(path instanceof String uri) || !uri.startsWith("/api/")) {
      return attributes;
    }
    HttpStatus status = HttpStatus.resolve(attributes.get("status") instanceof Integer code ? code : 500);
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String method = request instanceof ServletWebRequest servlet
        ? servlet.getNativeRequest(HttpServletRequest.class).getMethod() : "";
    ProblemDetail problem = ApiErrors.problem(status, List.of(detail(status, method)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("type", "about:blank");
    answer.put("title", problem.getTitle());
    answer.put("status", status.value());
    answer.put("detail", problem.getDetail());
    answer.put("instance", uri);
    answer.put("errors", problem.getProperties().get("errors"));
    return answer;
  }

  private static String detail(HttpStatus status, String method) {
    return switch (status) {
      case BAD_REQUEST -> "Yêu cầu không hợp lệ: địa chỉ hoặc tham số có ký tự không được phép.";
      case UNAUTHORIZED -> "Cần đăng nhập bằng tài khoản cán bộ để dùng chức năng này.";
      case FORBIDDEN -> "Anh/chị không có quyền dùng chức năng này.";
      case NOT_FOUND -> "Không có địa chỉ này.";
      case METHOD_NOT_ALLOWED -> "Phương thức " + method + " không dùng được cho địa chỉ này.";
      case PAYLOAD_TOO_LARGE -> "Nội dung yêu cầu quá lớn.";
      case UNSUPPORTED_MEDIA_TYPE -> "Nội dung yêu cầu phải là JSON (Content-Type: application/json).";
      default -> status.is4xxClientError()
          ? "Yêu cầu không thực hiện được (mã " + status.value() + ")."
          : "Lỗi hệ thống ngoài dự kiến; yêu cầu chưa được thực hiện. Xin báo quản trị viên.";
    };
  }
}
