package vn.thongsuot.notification;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The open task a unit has on an issue: who claimed it, until when, and its id for the link. */
@Component
class OpenTasks {

  private final TaskService tasks;

  OpenTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  record OpenTask(String id, String definitionKey, String assignee, Instant due) {}

  /** The newest active task of the issue offered to the group (claimed ones included). */
  Optional<OpenTask> of(String issueNumber, String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(issueNumber).taskCandidateGroup(groupId)
        .includeAssignedTasks().active().orderByTaskCreateTime().desc().listPage(0, 1).stream()
        .findFirst().map(OpenTasks::open);
  }

  private static OpenTask open(Task task) {
    return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getAssignee(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }
}
