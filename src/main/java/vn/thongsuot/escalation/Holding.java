package vn.thongsuot.escalation;

import java.time.Instant;

/**
 * Who holds an open issue and its timers: a level's unit (reminder, deadline, escalation), a
 * commune task (reminder only; the deadline is its due date), or a wait on a timer (roadmap
 * progress, National Assembly session: {@code deadline} is when the timer fires).
 */
public record Holding(
    Stage stage,
    String group,
    Instant reminderAt,
    Instant deadline,
    Instant escalateAt,
    String legalBasis,
    boolean arrivedEscalated,
    boolean provisional,
    int calendarVersion) {

  /** Kinds of the next timer, as the board shows them. */
  public enum TimerKind { REMINDER, DEADLINE, ESCALATION, FOLLOW_UP, SESSION_END }

  public static Holding level(Stage stage, LevelAssignment assignment, boolean arrivedEscalated) {
    return new Holding(stage, assignment.groupId(), assignment.reminderAt(), assignment.deadline(),
        assignment.escalateAt(), assignment.legalBasis(), arrivedEscalated, assignment.provisional(),
        assignment.calendarVersion());
  }

  public static Holding commune(Stage stage, String group, Instant reminderAt, Instant dueDate,
      String legalBasis, boolean provisional, int calendarVersion) {
    return new Holding(stage, group, reminderAt, dueDate, null, legalBasis, false, provisional,
        calendarVersion);
  }

  public static Holding waiting(Stage stage, String group, Instant firesAt, String legalBasis,
      boolean provisional, int calendarVersion) {
    return new Holding(stage, group, null, firesAt, null, legalBasis, false, provisional, calendarVersion);
  }

  /** Whether the deadline itself is a timer (levels) or only a due date (commune tasks). */
  boolean deadlineIsTimer() {
    return escalateAt != null;
  }

  /** The first of this holding's timers still to fire at or after {@code now}. */
  public TimerKind nextKind(Instant now) {
    if (stage.isTimerWait()) {
      return stage == Stage.ROADMAP ? TimerKind.FOLLOW_UP : TimerKind.SESSION_END;
    }
    if (reminderAt != null && !reminderAt.isBefore(now)) {
      return TimerKind.REMINDER;
    }
    if (deadlineIsTimer() && !deadline.isBefore(now)) {
      return TimerKind.DEADLINE;
    }
    return deadlineIsTimer() ? TimerKind.ESCALATION : null;
  }

  public Instant at(TimerKind kind) {
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case REMINDER -> reminderAt;
      case DEADLINE, FOLLOW_UP, SESSION_END -> deadline;
      case ESCALATION -> escalateAt;
    };
  }
}
