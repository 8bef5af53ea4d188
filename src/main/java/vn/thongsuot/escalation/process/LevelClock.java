package vn.thongsuot.escalation.process;

import vn.thongsuot.monitoring.LevelVisits;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.escalation.Holding;
import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueIdentity;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.LevelAssignment;
import vn.thongsuot.escalation.TimelineEvent;

/**
 * The level's clock stops while the commune supplies information and starts again with the
 * working days that were left: the unit is not blamed for the commune's time.
 */
@Configuration
class LevelClock {

  private final EscalationLadder ladder;
  private final IssueRecords records;
  private final LevelVisits visits;
  private final IssueContext issues;

  LevelClock(EscalationLadder ladder, IssueRecords records, LevelVisits visits, IssueContext issues) {
    this.issues = issues;
    this.ladder = ladder;
    this.records = records;
    this.visits = visits;
  }

  @Bean
  JavaDelegate pauseClock() {
    return execution -> {
      Instant now = EngineTime.now();
      LevelAssignment running = LevelState.read(execution);
      int remaining = Math.max(0, ladder.workingDaysLeft(running.deadline(), now));
      execution.setVariable(PAUSED_REMAINING_DAYS, remaining);
      IssueIdentity issue = issues.of(execution);
      String communeGroup = issue.communeGroup();
      LevelAssignment info = ladder.communeTask(EscalationLadder.COMMUNE_INFO, communeGroup,
          issue.urgency(), now);
      execution.setVariable(INFO_REQUEST, execution.getVariable(ANSWER));
      execution.setVariable(INFO_DEADLINE, EngineTime.date(info.deadline()));
      execution.setVariable(INFO_REMINDER_AT, EngineTime.date(info.reminderAt()));
      String number = issue.number();
      // The issue waits for the commune from now on: its deadline and basis go with the event.
      records.hold(number, Holding.commune(Stage.COMMUNE_INFO, communeGroup, info.reminderAt(),
          info.deadline(), info.legalBasis()), now);
      records.append(new TimelineEvent(number, now, EventType.INFO_REQUESTED, running.levelCode(),
          running.groupId(), (String) execution.getVariable(ANSWERED_BY), null,
          execution.getVariable(ANSWER) + "\nThời hạn của đơn vị tạm dừng, còn " + remaining
              + " ngày làm việc.", info.deadline()));
    };
  }

  @Bean
  JavaDelegate resumeClock() {
    return execution -> {
      AnswerRules.checkSuppliedInfo(execution);
      Instant now = EngineTime.now();
      int remaining = ((Number) execution.getVariable(PAUSED_REMAINING_DAYS)).intValue();
      IssueIdentity issue = issues.of(execution);
      LevelAssignment resumed = ladder.resume(LevelState.read(execution), issue.urgency(),
          remaining, now);
      LevelState.write(execution, resumed);
      String number = issue.number();
      boolean escalated = Outcome.NO_ANSWER.equals(execution.getVariable(PREVIOUS_OUTCOME));
      records.hold(number, Holding.level(Stage.valueOf(resumed.levelCode()), resumed, escalated), now);
      visits.answer(number, issue.communeGroup(), "INFO_SUPPLIED", now);
      visits.moveDeadline(number, resumed.groupId(), resumed.deadline());
      records.append(new TimelineEvent(number, now, EventType.INFO_SUPPLIED, resumed.levelCode(),
          issue.communeGroup(), (String) execution.getVariable(SUPPLIED_BY),
          null, (String) execution.getVariable(SUPPLIED_INFO), resumed.deadline()));
      // The unit answers afresh: its form must not come back pre-filled with "more information".
      execution.removeVariable(OUTCOME);
      execution.removeVariable(ANSWER);
      execution.removeVariable(SUPPLIED_INFO);
    };
  }
}
