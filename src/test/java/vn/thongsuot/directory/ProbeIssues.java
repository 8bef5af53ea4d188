package vn.thongsuot.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Starts the test-only process DirectoryAccessProbe, which calls {@link vn.thongsuot.escalation.IssueAccess} as the
 * escalation process does: grantOnFiling, then grantToUnit for the unit that gets the first task.
 */
final class ProbeIssues {

  static final String PROCESS = "DirectoryAccessProbe";
  static final String ANSWER = "UserTask_Answer";
  static final String CONFIRM = "UserTask_Confirm";
  /** An issue whose level runs in a called process, as CommuneIssueEscalation calls EscalationLevel. */
  static final String CALLER = "DirectoryAccessProbeCaller";
  static final String LEVEL = "DirectoryAccessProbeLevel";

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  ProbeIssues(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
      AuthorizationService authorizations) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    repositoryService.createDeployment().name("directory-test")
        .addClasspathResource("directory/" + PROCESS + ".bpmn")
        .addClasspathResource("directory/" + CALLER + ".bpmn")
        .addClasspathResource("directory/" + LEVEL + ".bpmn")
        .enableDuplicateFiltering(true).deploy();
    // As the seeding lets every unit read the escalation process's definition (Tasklist shows its
    // name), everyone may read the probes'; the process coverage recorder of @AppTest reads the
    // definition of a task an official completes, as that official.
    for (String key : new String[] {PROCESS, CALLER, LEVEL}) {
      if (authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId(key)
          .userIdIn(Authorization.ANY).count() == 0) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setUserId(Authorization.ANY);
        read.setResource(Resources.PROCESS_DEFINITION);
        read.setResourceId(key);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
  }

  /** A filed issue waiting at {@code unitGroup}, due in {@code dueIn} (negative: overdue). */
  String file(String communeCode, String unitGroup, Duration dueIn, boolean escalated) {
    return runtimeService.startProcessInstanceByKey(PROCESS, Map.of(
        "communeCode", communeCode,
        "unitGroup", unitGroup,
        "dueDate", Date.from(ClockUtil.getCurrentTime().toInstant().plus(dueIn)),
        "escalated", escalated)).getId();
  }

  String file(String communeCode, String unitGroup) {
    return file(communeCode, unitGroup, Duration.ofDays(5), false);
  }

  /** A filed issue whose level (a called instance, returned) waits at {@code unitGroup}. */
  String fileWithCalledLevel(String communeCode, String unitGroup) {
    String issue = runtimeService.startProcessInstanceByKey(CALLER,
        Map.of("communeCode", communeCode, "unitGroup", unitGroup)).getId();
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(issue).singleResult().getId();
  }

  Task openTask(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
