package vn.thongsuot.escalation.process;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the current engine command: the logged-in official, if any. */
final class Officials {

  private Officials() {}

  /** The authenticated user (Tasklist, engine REST), else null for trusted system code. */
  static Authentication current(IdentityService identity) {
    return identity.getCurrentAuthentication();
  }

  static Set<String> groupsOf(Authentication authentication) {
    return authentication == null || authentication.getGroupIds() == null
        ? Set.of() : new HashSet<>(authentication.getGroupIds());
  }

  /** Who completed a task: the logged-in user, else its assignee. */
  static String actorOf(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }
}
