package vn.thongsuot.escalation;

import java.time.Instant;

/** One line of an issue's timeline: who (user and unit) did what, when, with which text. */
public record TimelineEvent(
    String issueNumber,
    Instant at,
    EventType type,
    String level,
    String unitGroup,
    String actor,
    String outcome,
    String text,
    Instant deadline) {

  public static TimelineEvent filed(String number, Instant at, String communeGroup, String by, String title) {
    return new TimelineEvent(number, at, EventType.FILED, null, communeGroup, by, null, title, null);
  }

  public static TimelineEvent assigned(String number, Instant at, String level, String group, String text,
      Instant deadline) {
    return new TimelineEvent(number, at, EventType.ASSIGNED, level, group, null, null, text, deadline);
  }

  public static TimelineEvent answered(String number, Instant at, String level, String group, String by,
      String outcome, String text) {
    return new TimelineEvent(number, at, EventType.ANSWERED, level, group, by, outcome, text, null);
  }

  public static TimelineEvent infoRequested(String number, Instant at, String level, String group, String by,
      String text, Instant communeDeadline) {
    return new TimelineEvent(number, at, EventType.INFO_REQUESTED, level, group, by, null, text, communeDeadline);
  }

  public static TimelineEvent infoSupplied(String number, Instant at, String level, String communeGroup, String by,
      String text, Instant levelDeadline) {
    return new TimelineEvent(number, at, EventType.INFO_SUPPLIED, level, communeGroup, by, null, text, levelDeadline);
  }

  /** {@code level} null for a commune task's reminder. */
  public static TimelineEvent reminder(String number, Instant at, String level, String group, Instant deadline) {
    return new TimelineEvent(number, at, EventType.REMINDER, level, group, null, null, null, deadline);
  }

  public static TimelineEvent deadlinePassed(String number, Instant at, String level, String group, Instant deadline) {
    return new TimelineEvent(number, at, EventType.DEADLINE_PASSED, level, group, null, null, null, deadline);
  }

  public static TimelineEvent escalatedNoAnswer(String number, Instant at, String level, String group,
      Instant deadline) {
    return new TimelineEvent(number, at, EventType.ESCALATED_NO_ANSWER, level, group, null, Outcome.NO_ANSWER,
        "Quá thời hạn xử lý mà chưa có ý kiến trả lời; chuyển lên cấp trên.", deadline);
  }

  public static TimelineEvent assessed(String number, Instant at, String answeredLevel, String communeGroup,
      String by, String assessment, String comment) {
    return new TimelineEvent(number, at, EventType.ASSESSED, answeredLevel, communeGroup, by, assessment, comment,
        null);
  }

  public static TimelineEvent extended(String number, Instant at, String level, String group, String by, String text,
      Instant deadline) {
    return new TimelineEvent(number, at, EventType.DEADLINE_EXTENDED, level, group, by, null, text, deadline);
  }

  /** The working-day calendar changed and the step's deadline was counted again; no official acted. */
  public static TimelineEvent recounted(String number, Instant at, String level, String group, String text,
      Instant deadline) {
    return new TimelineEvent(number, at, EventType.DEADLINE_RECOUNTED, level, group, null, null, text, deadline);
  }

  public static TimelineEvent resolved(String number, Instant at, String answeredLevel, String answeredGroup) {
    return new TimelineEvent(number, at, EventType.RESOLVED, answeredLevel, answeredGroup, null, null, null, null);
  }

  public static TimelineEvent withdrawn(String number, Instant at, String communeGroup, String by, String reason) {
    return new TimelineEvent(number, at, EventType.WITHDRAWN, null, communeGroup, by, null, reason, null);
  }
}
