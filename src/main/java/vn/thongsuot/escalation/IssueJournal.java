package vn.thongsuot.escalation;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.thongsuot.directory.UnitIds;

/**
 * Records each step of an issue where it is kept, in the transaction of the step: the issue's row
 * ({@code ts_issue}), its timeline, and an {@link IssueStep} for the features that keep their own
 * view (the board's read model). The delegates and listeners of the escalation process make one
 * call here per step.
 */
@Service
public class IssueJournal {

  private final IssueRecords records;
  private final ApplicationEventPublisher events;

  IssueJournal(IssueRecords records, ApplicationEventPublisher events) {
    this.records = records;
    this.events = events;
  }

  public void filed(IssueRecord issue) {
    records.insert(issue);
    events.publishEvent(new IssueStep.Filed(issue.number(), issue.provinceCode(), issue.field(), issue.filedAt()));
    records.append(TimelineEvent.filed(issue.number(), issue.filedAt(),
        UnitIds.commune(issue.communeCode()), issue.filedBy(), issue.title()));
  }

  /** A level's unit received the issue, with its deadlines. */
  public void levelAssigned(IssueIdentity issue, Stage stage, LevelAssignment assignment, boolean escalated,
      String text, Instant now) {
    records.hold(issue.number(), Holding.level(stage, assignment, escalated), now);
    events.publishEvent(new IssueStep.Held(issue.number(), issue.provinceCode(), issue.field(), stage,
        assignment.groupId(), now, assignment.deadline(), escalated));
    records.append(TimelineEvent.assigned(issue.number(), now, stage.name(), assignment.groupId(), text,
        assignment.deadline()));
  }

  /** The commune has a task (supply information, assess an answer) until its due date. */
  public void communeTaskOpened(IssueIdentity issue, Stage stage, Instant reminderAt, Instant due, String legalBasis,
      boolean provisional, int calendarVersion, Instant now) {
    records.hold(issue.number(), Holding.commune(stage, issue.communeGroup(), reminderAt, due, legalBasis,
        provisional, calendarVersion), now);
    events.publishEvent(new IssueStep.Held(issue.number(), issue.provinceCode(), issue.field(), stage,
        issue.communeGroup(), now, due, false));
  }

  /** The level asked the commune for more; its clock stopped with {@code remainingDays} left. */
  public void infoRequested(IssueIdentity issue, LevelAssignment running, LevelAssignment info, String by,
      String request, int remainingDays, Instant now) {
    records.hold(issue.number(), Holding.commune(Stage.COMMUNE_INFO, issue.communeGroup(), info.reminderAt(),
        info.deadline(), info.legalBasis(), info.provisional(), info.calendarVersion()), now);
    records.append(TimelineEvent.infoRequested(issue.number(), now, running.levelCode(), running.groupId(), by,
        request + "\nThời hạn của đơn vị tạm dừng, còn " + remainingDays + " ngày làm việc.", info.deadline()));
  }

  /** The commune supplied it; the level's clock runs again to {@code resumed}'s deadline. */
  public void infoSupplied(IssueIdentity issue, LevelAssignment resumed, boolean escalated, String by, String text,
      Instant now) {
    records.hold(issue.number(), Holding.level(Stage.valueOf(resumed.levelCode()), resumed, escalated), now);
    events.publishEvent(new IssueStep.Answered(issue.number(), issue.communeGroup(), "INFO_SUPPLIED", now));
    events.publishEvent(new IssueStep.DeadlineMoved(issue.number(), resumed.groupId(), resumed.deadline()));
    records.append(TimelineEvent.infoSupplied(issue.number(), now, resumed.levelCode(), issue.communeGroup(), by,
        text, resumed.deadline()));
  }

  /**
   * A level answered. {@code waiting} is what the issue waits for next when the answer sets a timer
   * (a roadmap's follow-up, the end of a National Assembly session), else null.
   */
  public void answered(IssueIdentity issue, Level level, String group, String by, String outcome, String text,
      Holding waiting, Instant now) {
    if (waiting != null) {
      records.hold(issue.number(), waiting, now);
    }
    events.publishEvent(new IssueStep.Answered(issue.number(), group, outcome, now));
    records.append(TimelineEvent.answered(issue.number(), now, level.name(), group, by, outcome, text));
  }

  /** A reminder before a deadline: of a level ({@code level} set) or of a commune task. */
  public void reminded(IssueIdentity issue, String level, String group, Instant deadline, Instant now) {
    records.reminderFired(issue.number());
    records.append(TimelineEvent.reminder(issue.number(), now, level, group, deadline));
  }

  public void deadlinePassed(IssueIdentity issue, String level, String group, Instant deadline, Instant now) {
    records.deadlinePassed(issue.number());
    records.append(TimelineEvent.deadlinePassed(issue.number(), now, level, group, deadline));
  }

  public void escalatedForNoAnswer(IssueIdentity issue, String level, String group, Instant deadline, Instant now) {
    events.publishEvent(new IssueStep.Answered(issue.number(), group, Outcome.NO_ANSWER, now));
    records.append(TimelineEvent.escalatedNoAnswer(issue.number(), now, level, group, deadline));
  }

  public void assessed(IssueIdentity issue, String answeredLevel, String by, String assessment, String comment,
      Instant now) {
    events.publishEvent(new IssueStep.Answered(issue.number(), issue.communeGroup(), assessment, now));
    records.append(TimelineEvent.assessed(issue.number(), now, answeredLevel, issue.communeGroup(), by, assessment,
        comment));
  }

  public void resolved(IssueIdentity issue, String answeredLevel, String answeredGroup, Instant now) {
    records.close(issue.number(), IssueStatus.RESOLVED, now);
    records.append(TimelineEvent.resolved(issue.number(), now, answeredLevel, answeredGroup));
  }

  public void withdrawn(IssueIdentity issue, String by, String reason, Instant now) {
    records.close(issue.number(), IssueStatus.WITHDRAWN, now);
    events.publishEvent(new IssueStep.Withdrawn(issue.number(), now));
    records.append(TimelineEvent.withdrawn(issue.number(), now, issue.communeGroup(), by, reason));
  }

  /** A supervisor moved the current level's deadline. */
  public void extended(IssueRecord issue, String by, String text, Instant reminderAt, Instant deadline,
      Instant escalateAt, boolean provisional, int calendarVersion, Instant now) {
    records.extend(issue.number(), reminderAt, deadline, escalateAt, provisional, calendarVersion, now);
    events.publishEvent(new IssueStep.DeadlineMoved(issue.number(), issue.currentGroup(), deadline));
    records.append(TimelineEvent.extended(issue.number(), now, issue.currentLevel(), issue.currentGroup(), by, text,
        deadline));
  }

  /**
   * The working-day calendar changed and the current step was counted again: its dates, which timer
   * fires next, whether it is overdue and provisional, the version counted with, and the timeline
   * line saying what moved. {@code level} null for a commune task.
   */
  public void recounted(IssueRecord issue, String level, Instant reminderAt, Instant deadline, Instant escalateAt,
      Holding.TimerKind next, Instant nextAt, boolean overdue, boolean provisional, int calendarVersion, String text,
      Instant now) {
    records.recounted(issue.number(), reminderAt, deadline, escalateAt, next, nextAt, overdue, provisional,
        calendarVersion);
    events.publishEvent(new IssueStep.DeadlineMoved(issue.number(), issue.currentGroup(), deadline));
    records.append(TimelineEvent.recounted(issue.number(), now, level, issue.currentGroup(), text, deadline));
  }
}
