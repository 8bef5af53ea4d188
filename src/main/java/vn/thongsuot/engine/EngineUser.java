package vn.thongsuot.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is signed in on the current engine call (Tasklist, the engine REST API), if anyone. */
public record EngineUser(String userId, List<String> groupIds) {

  /** Who completed a task: the signed-in official, else (the application completing it) its assignee. */
  public static String actorOf(org.camunda.bpm.engine.delegate.DelegateTask task) {
    return current(task.getProcessEngineServices().getIdentityService()).map(EngineUser::userId)
        .orElse(task.getAssignee());
  }

  /** Empty for the application's own calls (our API, the job executor). */
  public static Optional<EngineUser> current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new EngineUser(authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds())));
  }
}
