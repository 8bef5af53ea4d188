package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.IssueJournal;

/** The commune's assessment, the end of an issue, and its withdrawal, as the timeline keeps them. */
@Configuration
class IssueClosing {

  private final IssueJournal journal;
  private final IssueContext issues;

  IssueClosing(IssueJournal journal, IssueContext issues) {
    this.journal = journal;
    this.issues = issues;
  }

  @Bean
  JavaDelegate recordAssessment() {
    return execution -> {
      AnswerRules.checkAssessment(execution);
      journal.assessed(issues.of(execution), (String) execution.getVariable(ANSWERED_LEVEL),
          (String) execution.getVariable(ASSESSED_BY), (String) execution.getVariable(ASSESSMENT),
          (String) execution.getVariable(ASSESSMENT_COMMENT), EngineClock.now());
      // A new round: the next level's answer must not be confused with this one.
      execution.removeVariable(ASSESSMENT_COMMENT);
    };
  }

  @Bean
  JavaDelegate closeIssue() {
    return execution -> journal.resolved(issues.of(execution), (String) execution.getVariable(ANSWERED_LEVEL),
        (String) execution.getVariable(ANSWERED_GROUP), EngineClock.now());
  }

  @Bean
  JavaDelegate recordWithdrawal() {
    return execution -> journal.withdrawn(issues.of(execution), (String) execution.getVariable(WITHDRAWN_BY),
        (String) execution.getVariable(WITHDRAWAL_REASON), EngineClock.now());
  }
}
