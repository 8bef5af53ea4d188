package vn.thongsuot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Tasklist gets back when Camunda fails a task submission with a 500. */
class EngineRestErrorsTest {

  private final Set<String> ended = Set.of("task-done");
  private final EngineRestErrors.CompletionRace filter = new EngineRestErrors.CompletionRace(ended::contains);

  @Test
  void theLoserOfACompletionRaceIsToldSomeoneElseHandledTheTask() {
    for (String path : new String[] {"task/task-done/submit-form", "/task/task-done/complete"}) {
      for (int status : new int[] {500, 403}) {
      ContainerResponseContext response = response(status);

      filter.filter(request("POST", path), response);

      verify(response).setStatus(409);
      verify(response).setEntity(eq(Map.of("type", "TaskAlreadyCompleted", "message", EngineRestErrors.ALREADY_DONE)),
          any(), eq(MediaType.APPLICATION_JSON_TYPE));
      }
    }
  }

  @Test
  void aServerErrorOnATaskStillOpenOrOnAnythingElseStays() {
    for (String path : new String[] {"task/task-open/submit-form", "task/task-done/variables", "process-definition/x/start"}) {
      ContainerResponseContext response = response(500);
      filter.filter(request("POST", path), response);
      verify(response, never()).setStatus(409);
    }
    ContainerResponseContext forbidden = response(403);
    filter.filter(request("POST", "task/task-open/complete"), forbidden);
    verify(forbidden, never()).setStatus(409);
    ContainerResponseContext ok = response(204);
    filter.filter(request("POST", "task/task-done/complete"), ok);
    verify(ok, never()).setStatus(409);
  }

  /** Each English text of Camunda 7.24 this class reads, as the engine writes it (see the security sweep). */
  @Test
  void camundasRefusalsOfMissingThingsAndValuesAreTheCallersFaultNot500() {
    Map<String, Integer> texts = new java.util.LinkedHashMap<>();
    texts.put("Cannot find task with id x: task is null", 404);
    texts.put("task x doesn't exist: task is null", 404);
    texts.put("execution x doesn't exist: execution is null", 404);
    texts.put("No tenant found with id 'x'.: tenant is null", 404);
    texts.put("No user found with id 'x'.: user is null", 404);
    texts.put("no deployed decision requirements definition found with id 'x': decisionRequirementsDefinition is null", 404);
    texts.put("no deployed process definition found with id 'x': processDefinition is null", 404);
    texts.put("no resource found with id 'x' in deployment 'y': resourceStream is null", 404);
    texts.put("workerId is null", 400);
    texts.put("tenantId is null", 400);
    texts.put("groupId is null", 400);
    texts.forEach((text, status) -> {
      jakarta.ws.rs.core.Response answer = EngineRestErrors.clientFault(
          new org.camunda.bpm.engine.exception.NullValueException(text));
      assertThat(answer.getStatus()).as(text).isEqualTo(status);
      assertThat(answer.getEntity().toString()).as(text).contains(status == 404 ? "Không tìm thấy" : "thiếu");
    });
    jakarta.ws.rs.core.Response job = EngineRestErrors.clientFault(new org.camunda.bpm.engine.rest.exception
        .InvalidRequestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR, "No job found with id 'x'."));
    assertThat(job.getStatus()).isEqualTo(404);
    assertThat(EngineRestErrors.clientFault(new org.camunda.bpm.engine.ProcessEngineException(
        "ENGINE-13043 No subscriptions were found during evaluation of the conditional start events.")).getStatus())
        .isEqualTo(400);
    assertThat(EngineRestErrors.clientFault(new org.camunda.bpm.engine.ProcessEngineException("Execution with id 'x'"
        + " does not have a subscription to a message event with name 'y': eventSubscriptions is empty")).getStatus())
        .isEqualTo(404);
    assertThat(EngineRestErrors.clientFault(new NullPointerException("Cannot invoke Integer.intValue()")).getStatus())
        .isEqualTo(400);
    assertThat(EngineRestErrors.clientFault(new IllegalStateException("a fault of ours"))).as("stays a 500").isNull();
  }

  private static ContainerRequestContext request(String method, String path) {
    ContainerRequestContext request = mock(ContainerRequestContext.class);
    UriInfo uri = mock(UriInfo.class);
    when(uri.getPath()).thenReturn(path);
    when(request.getMethod()).thenReturn(method);
    when(request.getUriInfo()).thenReturn(uri);
    return request;
  }

  private static ContainerResponseContext response(int status) {
    ContainerResponseContext response = mock(ContainerResponseContext.class);
    when(response.getStatus()).thenReturn(status);
    return response;
  }
}
