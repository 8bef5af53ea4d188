package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

/** What Tasklist gets back when Camunda fails a submission with a NullPointerException. */
class EngineRestErrorsTest {

  private final EngineRestErrors.CompletionRace mapper = new EngineRestErrors.CompletionRace();

  @Test
  void theLoserOfACompletionRaceIsToldSomeoneElseHandledTheTask() {
    NullPointerException race = new NullPointerException("Cannot invoke \"ExecutionEntity.removeTask(TaskEntity)\""
        + " because \"execution\" is null");
    race.setStackTrace(new StackTraceElement[] {
        new StackTraceElement(TaskEntity.class.getName(), "complete", "TaskEntity.java", 347),
        new StackTraceElement("org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd", "execute", "SubmitTaskFormCmd.java", 94)});

    Response response = mapper.toResponse(race);

    assertThat(response.getStatus()).isEqualTo(409);
    Map<?, ?> body = (Map<?, ?>) response.getEntity();
    assertThat(body.get("type")).isEqualTo("TaskAlreadyCompleted");
    assertThat(body.get("message")).isEqualTo(EngineRestErrors.ALREADY_DONE);
  }

  @Test
  void anyOtherNullPointerExceptionStaysAServerError() {
    NullPointerException bug = new NullPointerException("something else");
    bug.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("org.camunda.bpm.engine.impl.cmd.SomeCmd", "execute", "SomeCmd.java", 10)});

    assertThat(mapper.toResponse(bug).getStatus()).isEqualTo(500);
  }
}
