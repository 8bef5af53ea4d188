package vn.thongsuot.security;

import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The door's answers, in Vietnamese. Problem details (RFC 9457) that also carry Camunda's
 * {@code type} and {@code message}, which Tasklist and Cockpit show to the official.
 */
final class Refusals {

  static final String PROBLEM_JSON = "application/problem+json";

  static final String NOT_ALLOWED = "Anh/chị không có quyền dùng chức năng này của hệ thống; không có gì thay đổi.";
  static final String NOT_HOLDER = "Nhiệm vụ này không thuộc đơn vị của anh/chị; chỉ đơn vị được giao mới xử lý được.";
  static final String NO_SUCH_TASK = "Không có nhiệm vụ này (hoặc anh/chị không được xem); hãy tải lại danh sách việc.";
  static final String CLAIM_FOR_ONESELF = "Chỉ nhận được việc cho chính mình; muốn giao cho đồng nghiệp,"
      + " hãy trả việc về đơn vị để người đó tự nhận.";
  static final String OWN_ACCOUNT = "Chỉ xem hoặc đổi được thông tin của tài khoản của chính mình.";
  static final String OWN_UNITS = "Chỉ xem được danh sách các đơn vị mà chính mình là thành viên (tham số member).";
  static final String NOT_JSON = "Nội dung yêu cầu không đọc được: cần JSON hợp lệ với đúng kiểu dữ liệu của từng trường.";
  static final String SIGN_IN = "Cần đăng nhập bằng tài khoản cán bộ để dùng chức năng này.";

  private Refusals() {}

  static String foreignKey(String key) {
    return "Yêu cầu có mục '" + key + "' mà biểu mẫu không có; chỉ gửi các trường của biểu mẫu. Không có gì được lưu.";
  }

  static String foreignFields(Collection<String> foreign, Collection<String> allowed) {
    return "Biểu mẫu của nhiệm vụ không có trường " + String.join(", ", foreign)
        + (allowed.isEmpty() ? "" : "; chỉ gửi các trường cán bộ điền: " + String.join(", ", allowed))
        + ". Không có gì được lưu.";
  }

  static String notAText(String field) {
    return "Trường " + field + " phải là văn bản (kiểu String); không có gì được lưu.";
  }

  static Response forbidden(String message) {
    return answer(Response.Status.FORBIDDEN, "Forbidden", "Không có quyền", message);
  }

  static Response notFound(String message) {
    return answer(Response.Status.NOT_FOUND, "NotFound", "Không tìm thấy", message);
  }

  static Response badRequest(String message) {
    return answer(Response.Status.BAD_REQUEST, "InvalidRequest", "Yêu cầu không hợp lệ", message);
  }

  static Response unauthorized() {
    return answer(Response.Status.UNAUTHORIZED, "Unauthorized", "Chưa đăng nhập", SIGN_IN);
  }

  static Response conflict(String message) {
    return answer(Response.Status.CONFLICT, "Conflict", "Xung đột", message);
  }

  static Response answer(Response.Status status, String type, String title, String message) {
    return Response.status(status).type(PROBLEM_JSON).entity(body(status.getStatusCode(), type, title, message)).build();
  }

  static Map<String, Object> body(int status, String type, String title, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", message);
    body.put("message", message);
    return body;
  }
}
