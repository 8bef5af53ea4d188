package vn.thongsuot.escalation;

import vn.thongsuot.monitoring.LevelVisits;
import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.process.EscalationLevelModel;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.PlainText;
import vn.thongsuot.system.RejectedRequest;

/**
 * A supervisor in scope moves the current level's deadline by some working days, with a reason:
 * the task's due date, its pending timers and the issue's row move together, and the timeline
 * keeps who did it and why.
 */
@Service
public class DeadlineExtension {

  static final int MAX_DAYS = 60;
  static final int REASON_MAX = 1000;

  private final IssueQueries queries;
  private final IssueAccessRules access;
  private final IssueRecords records;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final WorkingDayCalendar calendar;
  private final LevelVisits visits;
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;

  DeadlineExtension(IssueQueries queries, IssueAccessRules access, IssueRecords records,
      TaskService tasks, RuntimeService runtime, ManagementService management,
      WorkingDayCalendar calendar, LevelVisits visits, IdentityService identity,
      ProcessEngineConfigurationImpl engine) {
    this.visits = visits;
    this.identity = identity;
    this.engine = engine;
    this.queries = queries;
    this.access = access;
    this.records = records;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.calendar = calendar;
  }

  /** @return the new deadline */
  @Transactional
  public Instant extend(String number, Integer workingDays, String reason, CurrentOfficial official) {
    IssueRecord issue = queries.find(number);
    access.checkSupervisor(issue, official);
    String trimmed = reason == null ? "" : reason.strip();
    if (workingDays == null || workingDays < 1 || workingDays > MAX_DAYS) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Số ngày gia hạn phải từ 1 đến " + MAX_DAYS + " ngày làm việc.");
    }
    if (trimmed.isEmpty() || trimmed.length() > REASON_MAX) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Cần nêu lý do gia hạn (tối đa " + REASON_MAX + " ký tự).");
    }
    if (!PlainText.isPlain(trimmed)) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, PlainText.problem("Lý do gia hạn"));
    }
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(EscalationLevelModel.TASK_HANDLE_AT_LEVEL).active().singleResult();
    if (issue.status() != IssueStatus.OPEN || task == null) {
      throw new RejectedRequest(RejectedRequest.Reason.CONFLICT, "Vướng mắc " + number
          + " hiện không chờ đơn vị nào trả lời, nên không có thời hạn để gia hạn.");
    }
    String level = task.getProcessInstanceId();
    Map<String, Object> variables = runtime.getVariables(level);
    Instant oldDeadline = ((Date) variables.get(DEADLINE)).toInstant();
    Instant deadline = calendar.addWorkingDays(oldDeadline, workingDays);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant reminder = calendar.addWorkingDays(deadline, -((Number) variables.get(REMINDER_DAYS)).intValue());
    if (reminder.isBefore(now)) {
      reminder = now;
    }
    Instant escalate = calendar.deadline(deadline, ((Number) variables.get(ESCALATION_DAYS)).intValue());

    Instant newReminder = reminder;
    asSupervisor(official, () -> {
      runtime.setVariable(level, DEADLINE, Date.from(deadline));
      runtime.setVariable(level, REMINDER_AT, Date.from(newReminder));
      runtime.setVariable(level, ESCALATE_AT, Date.from(escalate));
      task.setDueDate(Date.from(deadline));
      task.setFollowUpDate(Date.from(newReminder));
      tasks.saveTask(task);
      moveTimer(level, EscalationLevelModel.BOUNDARY_REMINDER_DUE, newReminder);
      moveTimer(level, EscalationLevelModel.BOUNDARY_DEADLINE_PASSED, deadline);
      moveTimer(level, EscalationLevelModel.BOUNDARY_NO_ANSWER, escalate);
    });

    records.extend(number, reminder, deadline, escalate, now);
    visits.moveDeadline(number, issue.currentGroup(), deadline);
    records.append(new TimelineEvent(number, now, EventType.DEADLINE_EXTENDED, issue.currentLevel(),
        issue.currentGroup(), official.userId(), null, "Gia hạn thêm " + workingDays
            + " ngày làm việc (từ " + VietnameseDates.dateTime(oldDeadline) + "). Lý do: " + trimmed,
        deadline));
    return deadline;
  }

  /**
   * Runs the engine changes as the supervisor, so Camunda's user operation log (the audit log
   * Cockpit shows) names them, in one command whose authorization checks are off: our scope check
   * above decided, and supervisors have no UPDATE right on tasks and jobs in the engine.
   */
  private void asSupervisor(CurrentOfficial official, Runnable changes) {
    identity.setAuthenticatedUserId(official.userId());
    try {
      engine.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try {
          changes.run();
          return null;
        } finally {
          context.enableAuthorizationCheck();
        }
      });
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A timer that already fired (a reminder sent) has no job left: nothing to move. */
  private void moveTimer(String processInstanceId, String activityId, Instant at) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).timers().list()) {
      management.setJobDuedate(job.getId(), Date.from(at));
    }
  }
}
