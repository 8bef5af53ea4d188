package vn.thongsuot.system;

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
