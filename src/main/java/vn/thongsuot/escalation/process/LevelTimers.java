package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.thongsuot.escalation.Holding;

/**
 * Moves the deadlines of a step that is already waiting: its variables, its task's due and
 * follow-up dates (and the deadline its form shows), and its pending timer jobs. One code path for
 * a supervisor's extension and for a change of the working-day calendar. A timer that already fired
 * has no job left and stays fired. When the new deadline has already passed, the reminder still
 * pending is dropped (it would announce a deadline that is behind us): the deadline's own timer,
 * due at once, takes the normal overdue path.
 */
@Component
class LevelTimers {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskPresentation presentation;

  LevelTimers(TaskService tasks, RuntimeService runtime, ManagementService management,
      TaskPresentation presentation) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.presentation = presentation;
  }

  /** Which of a step's timers were still pending after the move, in firing order. */
  record Pending(boolean reminder, boolean deadline, boolean escalation) {

    /** The next timer the board shows, and when it fires. */
    public Holding.TimerKind next() {
      return reminder ? Holding.TimerKind.REMINDER : deadline ? Holding.TimerKind.DEADLINE
          : escalation ? Holding.TimerKind.ESCALATION : null;
    }

    public Instant nextAt(Instant reminderAt, Instant deadlineAt, Instant escalateAt) {
      return reminder ? reminderAt : deadline ? deadlineAt : escalation ? escalateAt : null;
    }
  }

  /** The level task ({@code Task_HandleAtLevel}) and its three boundary timers. */
  Pending moveLevel(Task task, Instant deadline, Instant reminder, Instant escalate, boolean provisional,
      Instant now) {
    String level = task.getProcessInstanceId();
    runtime.setVariable(level, DEADLINE, Date.from(deadline));
    runtime.setVariable(level, REMINDER_AT, Date.from(reminder));
    runtime.setVariable(level, ESCALATE_AT, Date.from(escalate));
    moveTask(task, deadline, reminder, provisional, now);
    boolean reminderPending = deadline.isAfter(now)
        ? moveTimer(level, EscalationLevelModel.BOUNDARY_REMINDER_DUE, reminder)
        : dropTimer(level, EscalationLevelModel.BOUNDARY_REMINDER_DUE);
    boolean deadlinePending = moveTimer(level, EscalationLevelModel.BOUNDARY_DEADLINE_PASSED, deadline);
    boolean escalationPending = moveTimer(level, EscalationLevelModel.BOUNDARY_NO_ANSWER, escalate);
    return new Pending(reminderPending, deadlinePending, escalationPending);
  }

  /**
   * A commune task (supply information, assess an answer): its due date and its reminder timer.
   *
   * @return whether its reminder is still pending
   */
  boolean moveCommuneTask(Task task, String reminderActivityId, Instant due, Instant reminder,
      boolean provisional, Instant now) {
    if (EscalationLevelModel.TASK_SUPPLY_INFO.equals(task.getTaskDefinitionKey())) {
      runtime.setVariable(task.getProcessInstanceId(), INFO_DEADLINE, Date.from(due));
      runtime.setVariable(task.getProcessInstanceId(), INFO_REMINDER_AT, Date.from(reminder));
    }
    moveTask(task, due, reminder, provisional, now);
    return due.isAfter(now) ? moveTimer(task.getProcessInstanceId(), reminderActivityId, reminder)
        : dropTimer(task.getProcessInstanceId(), reminderActivityId);
  }

  /** A timer the process waits on (a roadmap's progress report), with the variable its definition reads. */
  boolean moveWait(String processInstanceId, String timerActivityId, String variable, Instant at) {
    runtime.setVariable(processInstanceId, variable, Date.from(at));
    return moveTimer(processInstanceId, timerActivityId, at);
  }

  private void moveTask(Task task, Instant due, Instant followUp, boolean provisional, Instant now) {
    task.setDueDate(Date.from(due));
    task.setFollowUpDate(Date.from(followUp));
    tasks.saveTask(task);
    tasks.setVariableLocal(task.getId(), DEADLINE_TEXT, presentation.deadlineText(due, provisional, now));
  }

  /** @return whether the timer was still pending (a fired one has no job left: nothing to move) */
  private boolean moveTimer(String processInstanceId, String activityId, Instant at) {
    List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).timers().list();
    for (Job job : jobs) {
      management.setJobDuedate(job.getId(), Date.from(at));
    }
    return !jobs.isEmpty();
  }

  private boolean dropTimer(String processInstanceId, String activityId) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).timers().list()) {
      management.deleteJob(job.getId());
    }
    return false;
  }
}
