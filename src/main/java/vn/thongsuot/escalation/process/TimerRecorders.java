package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.IssueJournal;
import vn.thongsuot.escalation.Outcome;

/**
 * What each deadline timer does when it fires: it is written into the timeline and the issue's
 * row, where supervisors watch it (the mail goes out with the notification feature).
 */
@Configuration
class TimerRecorders {

  private final IssueJournal journal;
  private final IssueContext issues;

  TimerRecorders(IssueJournal journal, IssueContext issues) {
    this.journal = journal;
    this.issues = issues;
  }

  /** Reminder before a level's deadline. */
  @Bean
  JavaDelegate remindUnit() {
    return execution -> journal.reminded(issues.of(execution), (String) execution.getVariable(LEVEL),
        (String) execution.getVariable(RESPONSIBLE_GROUP), EngineClock.instant(execution.getVariable(DEADLINE)),
        EngineClock.now());
  }

  /** Deadline passed: the item is overdue and its supervising body is told. */
  @Bean
  JavaDelegate reportOverdue() {
    return execution -> journal.deadlinePassed(issues.of(execution), (String) execution.getVariable(LEVEL),
        (String) execution.getVariable(RESPONSIBLE_GROUP), EngineClock.instant(execution.getVariable(DEADLINE)),
        EngineClock.now());
  }

  /** Escalation for no answer: the level ends with outcome NO_ANSWER and the parent goes up. */
  @Bean
  JavaDelegate recordNoAnswer() {
    return execution -> {
      execution.setVariable(OUTCOME, Outcome.NO_ANSWER);
      execution.setVariable(ANSWERED_LEVEL, execution.getVariable(LEVEL));
      journal.escalatedForNoAnswer(issues.of(execution), (String) execution.getVariable(LEVEL),
          (String) execution.getVariable(RESPONSIBLE_GROUP), EngineClock.instant(execution.getVariable(DEADLINE)),
          EngineClock.now());
    };
  }

  /** Reminder of a commune task (supply information, assess an answer). */
  @Bean
  JavaDelegate remindCommune() {
    return execution -> journal.reminded(issues.of(execution), null, issues.of(execution).communeGroup(), null,
        EngineClock.now());
  }
}
