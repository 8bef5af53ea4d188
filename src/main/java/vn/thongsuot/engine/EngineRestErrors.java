package vn.thongsuot.engine;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.xml.sax.SAXException;
import vn.thongsuot.system.DatabaseUnavailable;
import vn.thongsuot.system.RejectedHeaders;
import vn.thongsuot.system.StringVariables;

/**
 * Camunda's REST resources report every engine failure of a task completion or a process start as
 * a 500. Two of them are the caller's, not the server's: the check of what they submitted (400,
 * with its Vietnamese message) and a task someone else has just completed (409). A database that
 * cannot be reached is nobody's fault and passes: 503 with a Vietnamese message, instead of a 500
 * whose message quotes the failed SQL. Everything else keeps Camunda's own answer.
 */
@Configuration
public class EngineRestErrors {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineRestErrors.class);

  static final String TOO_LONG = "Một giá trị gửi kèm dài quá " + StringVariables.MAX_LENGTH
      + " ký tự (giới hạn của một biến văn bản); không có gì được lưu.";
  static final String NO_SUCH_TASK = "Không có nhiệm vụ này (hoặc anh/chị không được xem); hãy tải lại danh sách việc.";
  public static final String ALREADY_DONE = "Nhiệm vụ đã được người khác xử lý; hãy tải lại danh sách việc.";

  @Bean
  ResourceConfigCustomizer engineRestErrorMapper(ProcessEngineConfigurationImpl engine) {
    return config -> {
      config.register(new Mapper(engine));
      config.register(new VietnameseMessages());
      config.register(new UnreadableJson());
      config.register(new UnmappableJson());
      config.register(new UnreadableModel());
      config.register(new PersistenceFailureMapper());
      config.register(new CompletionRace(taskId -> Mapper.taskEnded(engine, taskId)));
      config.register(new RejectedHeader());
      config.register(new MissingValue());
    };
  }

  /**
   * Persistence failures outside a completion or start (a query, a read): 503 when the database is
   * down; a value too long for its column as {@link UnreadableModel} answers it. Mapped by their own
   * type, which is nearer than the mappers of ProcessEngineException.
   */
  @Priority(1)
  static class PersistenceFailureMapper implements ExceptionMapper<ProcessEnginePersistenceException> {
    @Override
    public Response toResponse(ProcessEnginePersistenceException exception) {
      if (DatabaseUnavailable.causes(exception)) {
        return unavailable();
      }
      Response refused = unreadableModel(exception);
      return refused != null ? refused : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** A header value Spring Security's firewall refuses when Camunda reads it: 400, logged without its value. */
  @Priority(1)
  static class RejectedHeader implements ExceptionMapper<RequestRejectedException> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RejectedHeader.class);

    @Override
    public Response toResponse(RequestRejectedException exception) {
      LOG.info("Refused an engine request with a header value that may not pass: {}",
          RejectedHeaders.kindOf(exception.getMessage()));
      return json(Response.Status.BAD_REQUEST, "RequestRejected", RejectedHeaders.MESSAGE);
    }
  }

  static Response unavailable() {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER)
        .entity(Map.of("type", "DatabaseUnavailable", "message", DatabaseUnavailable.MESSAGE)).build();
  }

  static final String NOT_JSON = "Nội dung yêu cầu không đọc được: cần JSON hợp lệ với đúng kiểu dữ liệu của từng trường.";

  /** Malformed JSON: 400 in Camunda's shape, instead of the JSON library's plain-text answer. */
  @Priority(1)
  static class UnreadableJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return json(Response.Status.BAD_REQUEST, "JsonParseException", NOT_JSON + " " + exception.getOriginalMessage());
    }
  }

  /** JSON of the wrong shape (a list where an object belongs). */
  @Priority(1)
  static class UnmappableJson implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return json(Response.Status.BAD_REQUEST, "JsonMappingException", NOT_JSON + " " + exception.getOriginalMessage());
    }
  }

  /**
   * Two officials submit the same task at once on two nodes. Camunda notices the loser only when it
   * writes (optimistic locking, 409 above), but a loser that read some rows before the winner's
   * commit and some after fails earlier, wherever the missing row is first needed: a
   * NullPointerException in {@code TaskEntity.complete} (the execution is gone), our delegate's
   * "unknown level null" (the variables are gone), a 403 from the authorization check (the task's
   * grants went with it)... and Camunda's REST layer answers 500 or 403. Whatever
   * the failure, the loser's transaction rolled back as a whole; if the task it submitted has ended
   * meanwhile, someone else handled it: 409, as for the locking error. Any other 500 or 403 stays.
   */
  static class CompletionRace implements ContainerResponseFilter {

    private static final Pattern SUBMISSION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form)/?$");

    private final Predicate<String> taskEnded;

    CompletionRace(Predicate<String> taskEnded) {
      this.taskEnded = taskEnded;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() != 500 && response.getStatus() != 403 || !"POST".equalsIgnoreCase(request.getMethod())) {
        return;
      }
      Matcher submission = SUBMISSION.matcher(request.getUriInfo().getPath());
      if (submission.find() && taskEnded.test(submission.group(1))) {
        response.setStatus(Response.Status.CONFLICT.getStatusCode());
        response.setEntity(Map.of("type", "TaskAlreadyCompleted", "message", ALREADY_DONE),
            response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
      }
    }
  }

  /**
   * A deployment whose file is not even XML: Camunda answers 500 (ENGINE-09003), though the file is
   * the caller's. 400, like a model that is XML but not valid BPMN; everything else as Camunda does.
   */
  @Priority(1)
  static class UnreadableModel implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response unreadable = unreadableModel(exception);
      return unreadable != null ? unreadable : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  static final String ALREADY_CLAIMED = "Nhiệm vụ đã có cán bộ khác nhận; hãy tải lại danh sách việc.";

  /**
   * Camunda's answer to a request that names something missing or leaves a required value out is
   * often a 500: a NullValueException (its {@code ensureNotNull} of a value the caller sent or an
   * entity the caller named), an InvalidRequestException with status 500, a NullPointerException
   * from a resource reading a field the body does not have, a condition with no subscription. These
   * are the caller's faults: 404 for what does not exist, 400 for what is missing. Camunda's English
   * text stays after a Vietnamese sentence; the texts read are in {@link EngineTexts}.
   */
  static final String NOT_FOUND = "Không tìm thấy (không có, hoặc anh/chị không được xem)";
  static final String MISSING_VALUE = "Yêu cầu thiếu một giá trị bắt buộc hoặc có giá trị không hợp lệ";

  static Response clientFault(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      if (cause instanceof NullValueException) {
        return EngineTexts.saysNotFound(message)
            ? json(Response.Status.NOT_FOUND, "NotFound", NOT_FOUND + ". " + message)
            : json(Response.Status.BAD_REQUEST, "MissingValue", MISSING_VALUE + ". " + message);
      }
      if (cause instanceof InvalidRequestException invalid && invalid.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
          && EngineTexts.saysNotFound(message)) {
        return json(Response.Status.NOT_FOUND, "NotFound", NOT_FOUND + ". " + message);
      }
      if (cause instanceof NullPointerException) {
        LOG.warn("A request without a value Camunda's resource needed answered 400 (a NullPointerException)", cause);
        return json(Response.Status.BAD_REQUEST, "MissingValue", MISSING_VALUE + ".");
      }
      if (cause instanceof ProcessEngineException && EngineTexts.saysNoMessageSubscription(message)) {
        return json(Response.Status.NOT_FOUND, "NotFound", NOT_FOUND + ". " + message);
      }
      if (cause instanceof ProcessEngineException && EngineTexts.saysNoConditionSubscription(message)) {
        return json(Response.Status.BAD_REQUEST, "NoSubscription", MISSING_VALUE + ". " + message);
      }
    }
    return null;
  }


  /** A resource of Camunda's that reads a field the body does not have: the caller's fault, 400. */
  @Priority(1)
  static class MissingValue implements ExceptionMapper<NullPointerException> {
    @Override
    public Response toResponse(NullPointerException exception) {
      return clientFault(exception);
    }
  }

  static Response unreadableModel(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskAlreadyClaimedException) {
        return json(Response.Status.CONFLICT, "TaskAlreadyClaimed", ALREADY_CLAIMED);
      }
      if (cause instanceof SAXException) {
        return json(Response.Status.BAD_REQUEST, "ParseException",
            "Mô hình không hợp lệ, không được triển khai: tệp không phải XML đọc được. " + exception.getMessage());
      }
      if (Mapper.tooLong(cause)) {
        return json(Response.Status.BAD_REQUEST, "VariableTooLong", TOO_LONG);
      }
    }
    return clientFault(exception);
  }

  /**
   * Camunda's own refusals (no right, unknown id, malformed JSON, an invalid model) carry an English
   * message; Tasklist shows it to officials. Put a Vietnamese sentence in front of it, keeping
   * Camunda's text (the administrator needs the parser's details) and the response's shape.
   */
  static class VietnameseMessages implements ContainerResponseFilter {

    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưạ-ỹ]", Pattern.CASE_INSENSITIVE);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      int status = response.getStatus();
      if (status < 400 || status >= 500 || !(response.getEntity() instanceof ExceptionDto problem)
          || problem.getMessage() != null && VIETNAMESE.matcher(problem.getMessage()).find()) {
        return;
      }
      String sentence = "ParseException".equals(problem.getType())
          ? "Mô hình không hợp lệ, không được triển khai"
          : switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Cần đăng nhập";
            case 403 -> "Anh/chị không có quyền thực hiện thao tác này";
            case 404 -> "Không tìm thấy (không có, hoặc anh/chị không được xem)";
            case 409 -> "Xung đột: dữ liệu vừa được người khác thay đổi";
            default -> "Yêu cầu không thực hiện được";
          };
      problem.setMessage(sentence + ". " + (problem.getMessage() == null ? "" : problem.getMessage()));
    }
  }

  @Priority(1)
  static class Mapper implements ExceptionMapper<RestException> {

    private final ProcessEngineConfigurationImpl engine;

    Mapper(ProcessEngineConfigurationImpl engine) {
      this.engine = engine;
    }

    @Override
    public Response toResponse(RestException exception) {
      if (DatabaseUnavailable.causes(exception)) {
        return unavailable();
      }
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException) {
          return json(Response.Status.BAD_REQUEST, cause.getClass().getSimpleName(), cause.getMessage());
        }
        if (cause instanceof OptimisticLockingException || completedMeanwhile(cause.getMessage())) {
          return json(Response.Status.CONFLICT, "TaskAlreadyCompleted", ALREADY_DONE);
        }
        if (tooLong(cause)) {
          return json(Response.Status.BAD_REQUEST, "VariableTooLong", TOO_LONG);
        }
        if (EngineTexts.missingTask(cause.getMessage()).isPresent()) {
          // Never existed (or was deleted): the caller's mistake, not the server's.
          return json(Response.Status.NOT_FOUND, "TaskNotFound", NO_SUCH_TASK);
        }
      }
      Response unreadable = unreadableModel(exception);
      return unreadable != null ? unreadable : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    /**
     * A text variable longer than Camunda's column (4000 characters) fails only when the engine
     * writes it: SQL state 22001, "string data, right truncation", on H2 and PostgreSQL alike.
     */
    static boolean tooLong(Throwable cause) {
      for (SQLException e = cause instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
        if ("22001".equals(e.getSQLState()) || e.getCause() instanceof SQLException inner
            && "22001".equals(inner.getSQLState())) {
          return true;
        }
      }
      return false;
    }

    /** The task exists in history and has ended (the caller may not read its history). */
    static boolean taskEnded(ProcessEngineConfigurationImpl engine, String taskId) {
      return AsTheSystem.call(engine.getIdentityService(), () -> engine.getHistoryService()
          .createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
    }

    /** "Cannot find task with id X" for a task that exists in history and has ended. */
    private boolean completedMeanwhile(String message) {
      if (message == null) {
        return false;
      }
      return EngineTexts.missingTask(message).map(taskId -> taskEnded(engine, taskId)).orElse(false);
    }
  }

  static Response json(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
