package vn.thongsuot.escalation.process;

import vn.thongsuot.monitoring.LevelVisits;
import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.IssueStatus;
import vn.thongsuot.escalation.TimelineEvent;

/** The commune's assessment, the end of an issue, and its withdrawal, as the timeline keeps them. */
@Configuration
class IssueClosing {

  private final IssueRecords records;
  private final LevelVisits visits;
  private final IssueContext issues;

  IssueClosing(IssueRecords records, LevelVisits visits, IssueContext issues) {
    this.issues = issues;
    this.records = records;
    this.visits = visits;
  }

  @Bean
  JavaDelegate recordAssessment() {
    return execution -> {
      AnswerRules.checkAssessment(execution);
      String number = issues.of(execution).number();
      visits.answer(number, issues.of(execution).communeGroup(),
          (String) execution.getVariable(ASSESSMENT), EngineTime.now());
      records.append(new TimelineEvent(number, EngineTime.now(), EventType.ASSESSED,
          (String) execution.getVariable(ANSWERED_LEVEL), issues.of(execution).communeGroup(),
          (String) execution.getVariable(ASSESSED_BY), (String) execution.getVariable(ASSESSMENT),
          (String) execution.getVariable(ASSESSMENT_COMMENT), null));
      // A new round: the next level's answer must not be confused with this one.
      execution.removeVariable(ASSESSMENT_COMMENT);
    };
  }

  @Bean
  JavaDelegate closeIssue() {
    return execution -> {
      String number = issues.of(execution).number();
      Instant now = EngineTime.now();
      records.close(number, IssueStatus.RESOLVED, now);
      records.append(new TimelineEvent(number, now, EventType.RESOLVED,
          (String) execution.getVariable(ANSWERED_LEVEL), (String) execution.getVariable(ANSWERED_GROUP),
          null, null, null, null));
    };
  }

  @Bean
  JavaDelegate recordWithdrawal() {
    return execution -> {
      String number = issues.of(execution).number();
      Instant now = EngineTime.now();
      records.close(number, IssueStatus.WITHDRAWN, now);
      visits.cancel(number, now);
      records.append(new TimelineEvent(number, now, EventType.WITHDRAWN, null,
          issues.of(execution).communeGroup(), (String) execution.getVariable(WITHDRAWN_BY),
          null, (String) execution.getVariable(WITHDRAWAL_REASON), null));
    };
  }
}
