package vn.thongsuot.directory;

import java.time.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

  ProbeIssues(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    repositoryService.createDeployment().name("directory-test")
        .addClasspathResource("directory/" + PROCESS + ".bpmn")
        .addClasspathResource("directory/" + CALLER + ".bpmn")
        .addClasspathResource("directory/" + LEVEL + ".bpmn")
        .enableDuplicateFiltering(true).deploy();
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
