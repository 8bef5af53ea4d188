package vn.thongsuot.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST resources report every engine failure of a task completion or a process start as
 * a 500. Two of them are the caller's, not the server's: the check of what they submitted (400,
 * with its Vietnamese message) and a task someone else has just completed (409). A database that
 * cannot be reached is nobody's fault and passes: 503 with a Vietnamese message, instead of a 500
 * whose message quotes the failed SQL. Everything else keeps Camunda's own answer.
 */
@Configuration
class EngineRestErrors {

  static final String ALREADY_DONE = "Nhiệm vụ đã được người khác xử lý; hãy tải lại danh sách việc.";
  private static final Pattern MISSING_TASK = Pattern.compile("Cannot find task with id (\\S+?):");

  @Bean
  ResourceConfigCustomizer engineRestErrorMapper(ProcessEngineConfigurationImpl engine) {
    return config -> config.register(new Mapper(engine))
        .register(new PersistenceFailureMapper());
  }

  /**
   * Persistence failures outside a completion or start (a query, a read): 503 when the database is
   * down. Mapped by their own type, which is nearer than Camunda's mapper of ProcessEngineException.
   */
  static class PersistenceFailureMapper implements ExceptionMapper<ProcessEnginePersistenceException> {
    @Override
    public Response toResponse(ProcessEnginePersistenceException exception) {
      return DatabaseUnavailable.causes(exception) ? unavailable()
          : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  static Response unavailable() {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER)
        .entity(Map.of("type", "DatabaseUnavailable", "message", DatabaseUnavailable.MESSAGE)).build();
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
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    /** "Cannot find task with id X" for a task that exists in history and has ended. */
    private boolean completedMeanwhile(String message) {
      if (message == null) {
        return false;
      }
      Matcher matcher = MISSING_TASK.matcher(message);
      if (!matcher.find()) {
        return false;
      }
      String taskId = matcher.group(1);
      // The caller may not read the task's history; this lookup only decides the status code.
      return engine.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try {
          HistoricTaskInstance task = engine.getHistoryService().createHistoricTaskInstanceQuery()
              .taskId(taskId).singleResult();
          return task != null && task.getEndTime() != null;
        } finally {
          context.enableAuthorizationCheck();
        }
      });
    }

    private static Response json(Response.Status status, String type, String message) {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", type, "message", message)).build();
    }
  }
}
