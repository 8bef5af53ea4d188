package vn.thongsuot.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of our API as an RFC 9457 problem detail with a Vietnamese {@code detail} an official
 * can act on, and {@code errors} listing each problem. Never a stack trace or SQL in the body.
 */
@RestControllerAdvice(basePackages = "vn.thongsuot")
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(RejectedRequest.class)
  ProblemDetail rejected(RejectedRequest rejected) {
    HttpStatus status = switch (rejected.reason()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
    return problem(status, rejected.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, List.of(RequestBodyLimit.message(tooLarge.limit)));
      }
    }
    return problem(HttpStatus.BAD_REQUEST, List.of(
        "Nội dung yêu cầu không đọc được: cần JSON hợp lệ với đúng kiểu dữ liệu của từng trường."));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, List.of("Giá trị '" + e.getValue() + "' của tham số '"
        + e.getName() + "' không hợp lệ."));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ProblemDetail missingHeader(MissingRequestHeaderException e) {
    return problem(HttpStatus.BAD_REQUEST, List.of("Thiếu tiêu đề (header) " + e.getHeaderName() + "."));
  }

  /**
   * The caller accepts no type this address answers in (or sent an Accept header that cannot be
   * read): 406, checked before the request is carried out. Written directly, since the problem
   * detail itself is of a type the caller said it does not accept.
   */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  void notAcceptable(HttpServletResponse response) throws IOException {
    writeDirectly(response, problem(HttpStatus.NOT_ACCEPTABLE, List.of(
        "Địa chỉ này trả lời bằng JSON (application/json): hãy gửi tiêu đề Accept phù hợp.")));
  }

  /** Writes a problem detail without content negotiation. */
  static void writeDirectly(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), problem);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Spring Security's firewall refuses some header values only when they are read (outside ASCII,
   * control characters): the caller's fault, 400. Logged without the value, which could be a
   * cookie or a password.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejectedByFirewall(RequestRejectedException e) {
    LOG.info("Refused a request with a header value that may not pass: {}", RejectedHeaders.kindOf(e.getMessage()));
    return problem(HttpStatus.BAD_REQUEST, List.of(RejectedHeaders.MESSAGE));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        List.of("Nội dung yêu cầu phải là JSON (Content-Type: application/json)."));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED,
        List.of("Phương thức " + e.getMethod() + " không dùng được cho địa chỉ này."));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail notFound(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, List.of("Không có địa chỉ này."));
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrent(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, List.of(
        "Hồ sơ vừa được người khác xử lý cùng lúc (đã được người khác xử lý); hãy tải lại và kiểm tra."));
  }

  @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
      DataAccessResourceFailureException.class})
  ResponseEntity<ProblemDetail> databaseDown(Exception e) {
    LOG.warn("Database unavailable: {}", e.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, List.of(DatabaseUnavailable.MESSAGE)));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // The engine wraps a connection lost mid-transaction in its own exceptions.
    if (DatabaseUnavailable.causes(e)) {
      return databaseDown(e);
    }
    LOG.error("Unexpected error in API call", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        List.of("Lỗi hệ thống ngoài dự kiến; yêu cầu chưa được thực hiện. Xin báo quản trị viên.")));
  }

  static ProblemDetail problem(HttpStatus status, List<String> problems) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, String.join(" ", problems));
    detail.setTitle(switch (status) {
      case BAD_REQUEST -> "Yêu cầu không hợp lệ";
      case FORBIDDEN -> "Không có quyền";
      case NOT_FOUND -> "Không tìm thấy";
      case CONFLICT -> "Xung đột";
      case METHOD_NOT_ALLOWED -> "Phương thức không dùng được";
      case PAYLOAD_TOO_LARGE -> "Nội dung quá lớn";
      case UNSUPPORTED_MEDIA_TYPE -> "Kiểu nội dung không được hỗ trợ";
      case NOT_ACCEPTABLE -> "Không trả lời được theo kiểu yêu cầu";
      case INTERNAL_SERVER_ERROR -> "Lỗi hệ thống";
      case SERVICE_UNAVAILABLE -> "Tạm thời không phục vụ được";
      default -> status.getReasonPhrase();
    });
    detail.setProperty("errors", problems);
    return detail;
  }
}
