package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.LadderSteps;
import vn.thongsuot.escalation.LevelAssignment;
import vn.thongsuot.escalation.Outcome;

/**
 * The level's clock stops while the commune supplies information and starts again with the
 * working days that were left: the unit is not blamed for the commune's time.
 */
@Configuration
class LevelClock {

  private final LadderSteps steps;
  private final IssueContext issues;

  LevelClock(LadderSteps steps, IssueContext issues) {
    this.steps = steps;
    this.issues = issues;
  }

  @Bean
  JavaDelegate pauseClock() {
    return execution -> {
      LadderSteps.Paused paused = steps.pause(issues.of(execution), LevelState.read(execution),
          (String) execution.getVariable(ANSWERED_BY), (String) execution.getVariable(ANSWER), EngineClock.now());
      execution.setVariable(PAUSED_REMAINING_DAYS, paused.remainingDays());
      execution.setVariable(INFO_REQUEST, execution.getVariable(ANSWER));
      execution.setVariable(INFO_DEADLINE, EngineClock.date(paused.communeTask().deadline()));
      execution.setVariable(INFO_REMINDER_AT, EngineClock.date(paused.communeTask().reminderAt()));
    };
  }

  @Bean
  JavaDelegate resumeClock() {
    return execution -> {
      AnswerRules.checkSuppliedInfo(execution);
      LevelAssignment resumed = steps.resume(issues.of(execution), LevelState.read(execution),
          ((Number) execution.getVariable(PAUSED_REMAINING_DAYS)).intValue(),
          Outcome.NO_ANSWER.equals(execution.getVariable(PREVIOUS_OUTCOME)),
          (String) execution.getVariable(SUPPLIED_BY), (String) execution.getVariable(SUPPLIED_INFO), EngineClock.now());
      LevelState.write(execution, resumed);
      // The unit answers afresh: its form must not come back pre-filled with "more information".
      execution.removeVariable(OUTCOME);
      execution.removeVariable(ANSWER);
      execution.removeVariable(SUPPLIED_INFO);
    };
  }
}
