package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.engine.EngineCommands;
import vn.thongsuot.escalation.IssueProcess;
import vn.thongsuot.escalation.ValidFiling;

/** {@link IssueProcess} on Camunda: the models {@code CommuneIssueEscalation} and {@code EscalationLevel}. */
@Component
class EscalationProcess implements IssueProcess {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineCommands commands;
  private final LevelTimers timers;

  EscalationProcess(RuntimeService runtime, TaskService tasks, EngineCommands commands, LevelTimers timers) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.commands = commands;
    this.timers = timers;
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
    return levelTask(issueNumber).map(task -> {
      Map<String, Object> variables = runtime.getVariables(task.getProcessInstanceId());
      return new OpenLevel(task.getProcessInstanceId(), ((Date) variables.get(DEADLINE)).toInstant(),
          ((Number) variables.get(REMINDER_DAYS)).intValue(), (Integer) variables.get(ESCALATION_DAYS),
          variables.get(DEADLINE_FROM) instanceof Date from ? from.toInstant() : null,
          variables.get(DEADLINE_WORKING_DAYS) instanceof Number days ? days.intValue() : null);
    });
  }

  @Override
  public void move(OpenLevel level, Move move, String by) {
    commands.runAs(by, () -> {
      if (move.countedWorkingDays() != null) {
        runtime.setVariable(level.levelInstanceId(), DEADLINE_WORKING_DAYS, move.countedWorkingDays());
      }
      Task task = tasks.createTaskQuery().processInstanceId(level.levelInstanceId())
          .taskDefinitionKey(EscalationLevelModel.TASK_HANDLE_AT_LEVEL).singleResult();
      timers.moveLevel(task, move.deadline(), move.reminderAt(), move.escalateAt(), move.provisional(),
          EngineClock.now());
    });
  }

  private Optional<Task> levelTask(String issueNumber) {
    return Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(issueNumber)
        .taskDefinitionKey(EscalationLevelModel.TASK_HANDLE_AT_LEVEL).active().singleResult());
  }
}
