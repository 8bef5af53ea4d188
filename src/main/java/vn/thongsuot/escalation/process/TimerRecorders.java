package vn.thongsuot.escalation.process;

import vn.thongsuot.monitoring.LevelVisits;
import static vn.thongsuot.escalation.process.IssueVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.escalation.TimelineEvent;

/**
 * What each deadline timer does when it fires: it is written into the timeline and the issue's
 * row, where supervisors watch it (the mail goes out with the notification feature).
 */
@Configuration
class TimerRecorders {

  private final IssueRecords records;
  private final LevelVisits visits;
  private final IssueContext issues;

  TimerRecorders(IssueRecords records, LevelVisits visits, IssueContext issues) {
    this.issues = issues;
    this.records = records;
    this.visits = visits;
  }

  /** Reminder before a level's deadline. */
  @Bean
  JavaDelegate remindUnit() {
    return execution -> {
      String number = issues.of(execution).number();
      records.reminderFired(number);
      records.append(new TimelineEvent(number, EngineTime.now(), EventType.REMINDER,
          (String) execution.getVariable(LEVEL), (String) execution.getVariable(RESPONSIBLE_GROUP),
          null, null, null, EngineTime.instant(execution.getVariable(DEADLINE))));
    };
  }

  /** Deadline passed: the item is overdue and its supervising body is told. */
  @Bean
  JavaDelegate reportOverdue() {
    return execution -> {
      String number = issues.of(execution).number();
      records.deadlinePassed(number);
      records.append(new TimelineEvent(number, EngineTime.now(), EventType.DEADLINE_PASSED,
          (String) execution.getVariable(LEVEL), (String) execution.getVariable(RESPONSIBLE_GROUP),
          null, null, null, EngineTime.instant(execution.getVariable(DEADLINE))));
    };
  }

  /** Escalation for no answer: the level ends with outcome NO_ANSWER and the parent goes up. */
  @Bean
  JavaDelegate recordNoAnswer() {
    return execution -> {
      execution.setVariable(OUTCOME, Outcome.NO_ANSWER);
      execution.setVariable(ANSWERED_LEVEL, execution.getVariable(LEVEL));
      visits.answer(issues.of(execution).number(), (String) execution.getVariable(RESPONSIBLE_GROUP),
          Outcome.NO_ANSWER, EngineTime.now());
      records.append(new TimelineEvent(issues.of(execution).number(), EngineTime.now(),
          EventType.ESCALATED_NO_ANSWER, (String) execution.getVariable(LEVEL),
          (String) execution.getVariable(RESPONSIBLE_GROUP), null, Outcome.NO_ANSWER,
          "Quá thời hạn xử lý mà chưa có ý kiến trả lời; chuyển lên cấp trên.",
          EngineTime.instant(execution.getVariable(DEADLINE))));
    };
  }

  /** Reminder of a commune task (supply information, assess an answer). */
  @Bean
  JavaDelegate remindCommune() {
    return execution -> {
      String number = issues.of(execution).number();
      records.reminderFired(number);
      records.append(new TimelineEvent(number, EngineTime.now(), EventType.REMINDER, null,
          issues.of(execution).communeGroup(), null, null, null, null));
    };
  }
}
