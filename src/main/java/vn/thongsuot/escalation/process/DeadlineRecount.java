package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.thongsuot.calendar.CalendarVersions;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.Holding;
import vn.thongsuot.escalation.IssueJournal;
import vn.thongsuot.escalation.IssueRecord;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.IssueStatus;
import vn.thongsuot.escalation.LadderSteps;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.escalation.TimelineEvent;
import vn.thongsuot.escalation.VietnameseDates;

/**
 * Counts one open issue's current step again with a new working-day calendar, from the moment its
 * count started and with the same number of working days: a level's task (its due and follow-up
 * dates, reminder, deadline and escalation timers), a commune task (due date and reminder), or a
 * roadmap's next progress report. The read model ({@code ts_issue}, the board's visit) follows, and
 * the timeline says what moved and why. A paused clock has nothing to count: its working days left
 * are a number, and the level gets exactly that many under the calendar of the day the commune
 * answers. A session end of the National Assembly is a date, not a count.
 *
 * <p>Idempotent: counting again with the same calendar gives the same instants, which change
 * nothing and write no timeline line.
 */
@Component
class DeadlineRecount {

  private final IssueRecords records;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final LevelTimers timers;
  private final EscalationLadder ladder;
  private final IssueJournal journal;
  private final CalendarVersions versions;

  DeadlineRecount(IssueRecords records, TaskService tasks, RuntimeService runtime, LevelTimers timers,
      EscalationLadder ladder, IssueJournal journal, CalendarVersions versions) {
    this.records = records;
    this.tasks = tasks;
    this.runtime = runtime;
    this.timers = timers;
    this.ladder = ladder;
    this.journal = journal;
    this.versions = versions;
  }

  /**
   * @return whether the issue's deadline moved or became final (it got a timeline line, and
   *     {@code ts_issue} the counting version); false: the caller marks it counted
   */
  boolean recount(String number, WorkingDayCalendar counting, String source, Instant now) {
    IssueRecord issue = records.find(number).orElse(null);
    if (issue == null || issue.status() != IssueStatus.OPEN) {
      return false;
    }
    boolean changed = false;
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(number).active().list()) {
      changed |= switch (task.getTaskDefinitionKey()) {
        case EscalationLevelModel.TASK_HANDLE_AT_LEVEL -> level(issue, task, counting, source, now);
        case EscalationLevelModel.TASK_SUPPLY_INFO -> communeTask(issue, task, Stage.COMMUNE_INFO,
            EscalationLevelModel.BOUNDARY_INFO_REMINDER_DUE, counting, source, now);
        case CommuneIssueEscalationModel.TASK_ASSESS_ANSWER -> communeTask(issue, task, Stage.COMMUNE_ASSESSMENT,
            CommuneIssueEscalationModel.BOUNDARY_ASSESSMENT_REMINDER, counting, source, now);
        default -> false;
      };
    }
    if (Stage.ROADMAP.name().equals(issue.currentLevel())) {
      changed |= roadmap(issue, counting, source, now);
    }
    return changed;
  }

  private boolean level(IssueRecord issue, Task task, WorkingDayCalendar counting, String source, Instant now) {
    String level = task.getProcessInstanceId();
    Map<String, Object> variables = runtime.getVariables(level, List.of(DEADLINE, REMINDER_AT, ESCALATE_AT,
        REMINDER_DAYS, ESCALATION_DAYS, DEADLINE_FROM, DEADLINE_WORKING_DAYS));
    Instant oldDeadline = EngineClock.instant(variables.get(DEADLINE));
    Instant oldReminder = EngineClock.instant(variables.get(REMINDER_AT));
    Instant oldEscalate = EngineClock.instant(variables.get(ESCALATE_AT));
    Instant from = EngineClock.instant(variables.get(DEADLINE_FROM));
    Integer days = variables.get(DEADLINE_WORKING_DAYS) instanceof Number n ? n.intValue() : null;
    if (from == null || days == null) {
      // Set before the count's start was kept: keep the working days left from now, counted with
      // the calendar the deadline was set with. A deadline already passed stays where it is.
      if (!oldDeadline.isAfter(now)) {
        return false;
      }
      WorkingDayCalendar then = versions.calendarOf(records.calendarVersionOf(issue.number()));
      from = now;
      days = Math.max(0, then.workingDaysBetween(now, oldDeadline));
    }
    int reminderDays = ((Number) variables.get(REMINDER_DAYS)).intValue();
    int escalationDays = ((Number) variables.get(ESCALATION_DAYS)).intValue();
    EscalationLadder.Count count = EscalationLadder.count(counting, from, days, reminderDays, escalationDays);
    boolean same = count.deadline().equals(oldDeadline) && count.reminderAt().equals(oldReminder)
        && count.escalateAt().equals(oldEscalate);
    if (same && count.provisional() == issue.deadlineProvisional()) {
      return false;
    }
    LevelTimers.Pending pending = timers.moveLevel(task, count.deadline(), count.reminderAt(), count.escalateAt(),
        count.provisional(), now);
    // The overdue notice already went out when the deadline passed: a deadline now later clears the
    // mark, one still behind us keeps it; a pending deadline timer, due at once if the new deadline
    // has passed, takes the normal overdue path when it fires.
    boolean overdue = !pending.deadline() && !count.deadline().isAfter(now) && issue.overdue();
    String text = same ? finalText(source, count.deadline(), count.provisional())
        : movedText(source, oldDeadline, count.deadline(), count.provisional(), now)
            + (Objects.equals(oldEscalate, count.escalateAt()) ? ""
                : " Chuyển lên cấp trên nếu không trả lời: " + VietnameseDates.dateTime(count.escalateAt()) + ".");
    journal.recounted(issue, issue.currentLevel(), count.reminderAt(), count.deadline(), count.escalateAt(),
        pending.next(), pending.nextAt(count.reminderAt(), count.deadline(), count.escalateAt()), overdue,
        count.provisional(), counting.version(), text, now);
    return true;
  }

  private boolean communeTask(IssueRecord issue, Task task, Stage stage, String reminderActivity,
      WorkingDayCalendar counting, String source, Instant now) {
    Instant from = task.getCreateTime().toInstant();
    EscalationLadder.Count count = ladder.recount(stage.name(), issue.urgency(), from, counting);
    Instant oldDue = EngineClock.instant(task.getDueDate());
    Instant oldReminder = EngineClock.instant(task.getFollowUpDate());
    boolean same = count.deadline().equals(oldDue) && count.reminderAt().equals(oldReminder);
    if (same && count.provisional() == issue.deadlineProvisional()) {
      return false;
    }
    boolean reminderPending = timers.moveCommuneTask(task, reminderActivity, count.deadline(), count.reminderAt(),
        count.provisional(), now);
    String text = same ? finalText(source, count.deadline(), count.provisional())
        : movedText(source, oldDue, count.deadline(), count.provisional(), now);
    journal.recounted(issue, null, count.reminderAt(), count.deadline(), null,
        reminderPending ? Holding.TimerKind.REMINDER : null, reminderPending ? count.reminderAt() : null, false,
        count.provisional(), counting.version(), text, now);
    return true;
  }

  /** A roadmap's next progress report, when it is the interval of working days (not the target date). */
  private boolean roadmap(IssueRecord issue, WorkingDayCalendar counting, String source, Instant now) {
    String root = issue.processInstanceId();
    Map<String, Object> variables = runtime.getVariables(root, List.of(ROADMAP_FOLLOW_UP_AT, ROADMAP_TARGET_DATE));
    Instant old = EngineClock.instant(variables.get(ROADMAP_FOLLOW_UP_AT));
    Instant answered = records.timeline(issue.number()).stream()
        .filter(e -> e.type() == EventType.ANSWERED && Outcome.ROADMAP.equals(e.outcome()))
        .reduce((first, second) -> second).map(TimelineEvent::at).orElse(null);
    if (old == null || answered == null) {
      return false;
    }
    Instant target = variables.get(ROADMAP_TARGET_DATE) == null ? null
        : endOfDay(LadderSteps.parseDate(variables.get(ROADMAP_TARGET_DATE)), counting);
    Instant followUp = ladder.roadmapFollowUp(counting, target, issue.urgency(), answered);
    boolean provisional = !followUp.equals(target) && counting.provisional(answered, followUp);
    if (followUp.equals(old) && provisional == issue.deadlineProvisional()) {
      return false;
    }
    timers.moveWait(root, CommuneIssueEscalationModel.TIMER_ROADMAP_PROGRESS_DUE, ROADMAP_FOLLOW_UP_AT, followUp);
    String text = followUp.equals(old) ? finalText(source, followUp, provisional)
        : movedText(source, old, followUp, provisional, now);
    journal.recounted(issue, issue.currentLevel(), null, followUp, null, Holding.TimerKind.FOLLOW_UP, followUp, false,
        provisional, counting.version(), text, now);
    return true;
  }

  /** "Hạn được tính lại do thay đổi lịch nghỉ (<source>): <old> → <new>." and what follows from it. */
  static String movedText(String source, Instant old, Instant moved, boolean provisional, Instant now) {
    StringBuilder text = new StringBuilder("Hạn được tính lại do thay đổi lịch nghỉ (").append(source).append("): ")
        .append(VietnameseDates.dateTime(old)).append(" → ").append(VietnameseDates.dateTime(moved)).append('.');
    if (!moved.isAfter(now)) {
      text.append(" Hạn mới đã qua: vướng mắc được xử lý như quá hạn.");
    }
    if (provisional) {
      text.append(" Hạn mới vẫn ").append(WorkingDayCalendar.PROVISIONAL_NOTE).append('.');
    }
    return text.toString();
  }

  /** The count gave the same instants, but they no longer wait for a Tết announcement (or now do). */
  static String finalText(String source, Instant deadline, boolean provisional) {
    return "Hạn không đổi sau khi lịch nghỉ thay đổi (" + source + "): " + VietnameseDates.dateTime(deadline)
        + (provisional ? "; nay " + WorkingDayCalendar.PROVISIONAL_NOTE + "." : "; nay là hạn chính thức.");
  }

  private static Instant endOfDay(LocalDate date, WorkingDayCalendar calendar) {
    return date.atTime(calendar.endOfDay()).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
