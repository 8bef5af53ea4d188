package vn.thongsuot.escalation;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;

/**
 * What happens at a level of the ladder, step by step: the unit and its deadlines, a request for
 * more information that stops the clock, the answer. The process's delegates map variables in and
 * out and make one call here; the steps are recorded by {@link IssueJournal}.
 */
@Service
public class LadderSteps {

  private final EscalationLadder ladder;
  private final IssueJournal journal;
  private final IssueAccess access;

  LadderSteps(EscalationLadder ladder, IssueJournal journal, IssueAccess access) {
    this.ladder = ladder;
    this.journal = journal;
    this.access = access;
  }

  /** The issue reached a level: its unit (which may read it from now on) and deadlines. */
  public LevelAssignment reachLevel(IssueIdentity issue, Level level, boolean escalated, String issueInstanceId,
      String levelInstanceId, Instant now) {
    LevelAssignment assignment = ladder.assign(level, issue.field(), issue.provinceCode(), issue.urgency(), now);
    journal.levelAssigned(issue, Stage.valueOf(level.name()), assignment, escalated,
        (escalated ? "Cấp dưới quá hạn không trả lời. " : "") + "Giao " + assignment.unitName()
            + " xử lý trong " + assignment.deadlineDays() + " ngày làm việc.", now);
    access.grantToUnit(issueInstanceId, assignment.groupId());
    access.grantToUnit(levelInstanceId, assignment.groupId());
    return assignment;
  }

  /** A commune task was created; the legal basis of its deadline, shown on its form. */
  public String communeTaskOpened(IssueIdentity issue, Stage stage, Instant reminderAt, Instant due, Instant now) {
    String legalBasis = ladder.deadlinesOf(stage.name(), issue.urgency(), now).legalBasis();
    WorkingDayCalendar counting = ladder.calendar().current();
    journal.communeTaskOpened(issue, stage, reminderAt, due, legalBasis, counting.provisional(now, due),
        counting.version(), now);
    return legalBasis;
  }

  /** The unit asked the commune for more: its clock stops with the working days it had left. */
  public Paused pause(IssueIdentity issue, LevelAssignment running, String by, String request, Instant now) {
    int remaining = Math.max(0, ladder.workingDaysLeft(running.deadline(), now));
    LevelAssignment info = ladder.communeTask(EscalationLadder.COMMUNE_INFO, issue.communeGroup(), issue.urgency(), now);
    journal.infoRequested(issue, running, info, by, request, remaining, now);
    return new Paused(remaining, info);
  }

  public record Paused(int remainingDays, LevelAssignment communeTask) {}

  /** The commune supplied it: the unit's clock runs again with the days it had left. */
  public LevelAssignment resume(IssueIdentity issue, LevelAssignment paused, int remainingDays, boolean escalated,
      String by, String supplied, Instant now) {
    LevelAssignment resumed = ladder.resume(paused, issue.urgency(), remainingDays, now);
    journal.infoSupplied(issue, resumed, escalated, by, supplied, now);
    return resumed;
  }

  /**
   * The unit answered (a request for more information is {@link #pause}). Returns when the process
   * waits until next, for a roadmap (its progress report) or a National Assembly session (its end);
   * else null.
   */
  public Instant answer(IssueIdentity issue, Level level, String group, String by, String outcome, String answer,
      String roadmapTargetDate, String sessionEndDate, String levelLegalBasis, Instant now) {
    StringBuilder text = new StringBuilder(answer);
    Holding waiting = null;
    Instant until = null;
    if (Outcome.ROADMAP.equals(outcome)) {
      Instant target = endOfDay(roadmapTargetDate);
      WorkingDayCalendar counting = ladder.calendar().current();
      until = ladder.roadmapFollowUp(counting, target, issue.urgency(), now);
      // The target date is a date the ministry gave, not a count of working days.
      boolean provisional = !until.equals(target) && counting.provisional(now, until);
      waiting = Holding.waiting(Stage.ROADMAP, group, until,
          ladder.deadlinesOf(Stage.ROADMAP.name(), issue.urgency(), now).legalBasis(), provisional,
          counting.version());
      text.append("\nHạn hoàn thành lộ trình: ").append(VietnameseDates.date(target))
          .append(". Báo cáo tiến độ: ").append(VietnameseDates.dateTime(until)).append('.');
    }
    if (Outcome.ON_AGENDA.equals(outcome)) {
      until = endOfDay(sessionEndDate);
      waiting = Holding.waiting(Stage.NATIONAL_ASSEMBLY_SESSION, group, until, levelLegalBasis, false,
          ladder.calendar().version());
      text.append("\nBế mạc kỳ họp: ").append(VietnameseDates.date(until)).append('.');
    }
    journal.answered(issue, level, group, by, outcome, text.toString(), waiting, now);
    return until;
  }

  /** A form's date ("2026-12-31", or an ISO date-time), at the end of that working day in Vietnam. */
  Instant endOfDay(String isoDate) {
    return parseDate(isoDate).atTime(ladder.calendar().endOfDay()).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }

  /** A form's date: "2026-12-31", or an ISO date-time whose date part counts. */
  public static LocalDate parseDate(Object value) {
    String text = value.toString().strip();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
