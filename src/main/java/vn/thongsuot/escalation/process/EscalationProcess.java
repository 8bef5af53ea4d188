package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineCommands;
import vn.thongsuot.escalation.IssueProcess;
import vn.thongsuot.escalation.ValidFiling;

/** {@link IssueProcess} on Camunda: the models {@code CommuneIssueEscalation} and {@code EscalationLevel}. */
@Component
class EscalationProcess implements IssueProcess {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final EngineCommands commands;

  EscalationProcess(RuntimeService runtime, TaskService tasks, ManagementService management, EngineCommands commands) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.commands = commands;
  }

  @Override
  public boolean isEscalation(String processDefinitionKey) {
    return CommuneIssueEscalationModel.PROCESS_ID.equals(processDefinitionKey);
  }

  @Override
  public String start(ValidFiling filing, String filedBy) {
    return runtime.startProcessInstanceByKey(CommuneIssueEscalationModel.PROCESS_ID, Variables.createVariables()
        .putValue(COMMUNE_CODE, filing.commune().code())
        .putValue(FIELD, filing.routing().field())
        .putValue(TITLE, filing.title())
        .putValue(DESCRIPTION, filing.description())
        .putValue(ATTEMPTED, filing.attempted())
        .putValue(REGULATION, filing.regulation())
        .putValue(URGENCY, filing.urgency().name())
        .putValue(FILED_BY, filedBy)).getBusinessKey();
  }

  @Override
  public void withdraw(String issueInstanceId, String reason, String withdrawnBy) {
    runtime.createMessageCorrelation(CommuneIssueEscalationModel.MESSAGE_ISSUE_WITHDRAWN)
        .processInstanceId(issueInstanceId)
        .setVariable(WITHDRAWAL_REASON, reason)
        .setVariable(WITHDRAWN_BY, withdrawnBy)
        .correlateWithResult();
  }

  @Override
  public Optional<OpenLevel> openLevel(String issueNumber) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(issueNumber)
        .taskDefinitionKey(EscalationLevelModel.TASK_HANDLE_AT_LEVEL).active().singleResult();
    if (task == null) {
      return Optional.empty();
    }
    Map<String, Object> variables = runtime.getVariables(task.getProcessInstanceId());
    return Optional.of(new OpenLevel(task.getProcessInstanceId(), ((Date) variables.get(DEADLINE)).toInstant(),
        ((Number) variables.get(REMINDER_DAYS)).intValue(), (Integer) variables.get(ESCALATION_DAYS)));
  }

  @Override
  public void move(OpenLevel level, Instant reminderAt, Instant deadline, Instant escalateAt, String by) {
    commands.runAs(by, () -> {
      String instance = level.levelInstanceId();
      runtime.setVariable(instance, DEADLINE, Date.from(deadline));
      runtime.setVariable(instance, REMINDER_AT, Date.from(reminderAt));
      runtime.setVariable(instance, ESCALATE_AT, Date.from(escalateAt));
      Task task = tasks.createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey(EscalationLevelModel.TASK_HANDLE_AT_LEVEL).singleResult();
      task.setDueDate(Date.from(deadline));
      task.setFollowUpDate(Date.from(reminderAt));
      tasks.saveTask(task);
      moveTimer(instance, EscalationLevelModel.BOUNDARY_REMINDER_DUE, reminderAt);
      moveTimer(instance, EscalationLevelModel.BOUNDARY_DEADLINE_PASSED, deadline);
      moveTimer(instance, EscalationLevelModel.BOUNDARY_NO_ANSWER, escalateAt);
    });
  }

  /** A timer that already fired (a reminder sent) has no job left: nothing to move. */
  private void moveTimer(String processInstanceId, String activityId, Instant at) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
        .timers().list()) {
      management.setJobDuedate(job.getId(), Date.from(at));
    }
  }
}
