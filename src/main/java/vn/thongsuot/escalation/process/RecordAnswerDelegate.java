package vn.thongsuot.escalation.process;

import vn.thongsuot.monitoring.LevelVisits;
import vn.thongsuot.escalation.Holding;
import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.escalation.TimelineEvent;
import vn.thongsuot.escalation.VietnameseDates;

/**
 * A level answered: keep the answer in the timeline and work out the dates a roadmap or a
 * National Assembly session needs. A request for more information is recorded by the pause.
 */
@Component("recordAnswer")
class RecordAnswerDelegate implements JavaDelegate {

  private final IssueRecords records;
  private final EscalationLadder ladder;
  private final LevelVisits visits;
  private final IssueContext issues;

  RecordAnswerDelegate(IssueRecords records, EscalationLadder ladder, LevelVisits visits, IssueContext issues) {
    this.issues = issues;
    this.records = records;
    this.ladder = ladder;
    this.visits = visits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level level = LevelState.level(execution);
    Instant now = EngineTime.now();
    AnswerRules.checkLevelAnswer(execution, level, now);
    String outcome = (String) execution.getVariable(OUTCOME);
    execution.setVariable(ANSWERED_LEVEL, level.name());
    if (Outcome.MORE_INFO.equals(outcome)) {
      return;
    }
    String answer = (String) execution.getVariable(ANSWER);
    StringBuilder text = new StringBuilder(answer);
    if (Outcome.ROADMAP.equals(outcome)) {
      Instant target = endOfDay((String) execution.getVariable(ROADMAP_TARGET_DATE));
      Instant followUp = ladder.roadmapFollowUp(target, issues.of(execution).urgency(), now);
      execution.setVariable(ROADMAP_FOLLOW_UP_AT, EngineTime.date(followUp));
      records.hold(issues.of(execution).number(), Holding.waiting(Stage.ROADMAP,
          (String) execution.getVariable(RESPONSIBLE_GROUP), followUp,
          ladder.deadlinesOf(Stage.ROADMAP.name(), issues.of(execution).urgency(), now).legalBasis()), now);
      text.append("\nHạn hoàn thành lộ trình: ").append(VietnameseDates.date(target))
          .append(". Báo cáo tiến độ: ").append(VietnameseDates.dateTime(followUp)).append('.');
    }
    if (Outcome.ON_AGENDA.equals(outcome)) {
      Instant sessionEnd = endOfDay((String) execution.getVariable(SESSION_END_DATE));
      execution.setVariable(SESSION_END_AT, EngineTime.date(sessionEnd));
      records.hold(issues.of(execution).number(), Holding.waiting(Stage.NATIONAL_ASSEMBLY_SESSION,
          (String) execution.getVariable(RESPONSIBLE_GROUP), sessionEnd,
          (String) execution.getVariable(LEGAL_BASIS)), now);
      text.append("\nBế mạc kỳ họp: ").append(VietnameseDates.date(sessionEnd)).append('.');
    }
    visits.answer(issues.of(execution).number(), (String) execution.getVariable(RESPONSIBLE_GROUP),
        outcome, now);
    records.append(new TimelineEvent(issues.of(execution).number(), now, EventType.ANSWERED,
        level.name(), (String) execution.getVariable(RESPONSIBLE_GROUP),
        (String) execution.getVariable(ANSWERED_BY), outcome, text.toString(), null));
  }

  private Instant endOfDay(String isoDate) {
    LocalDate date = AnswerRules.parseDate(isoDate);
    return date.atTime(ladder.calendar().endOfDay()).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
