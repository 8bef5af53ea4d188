package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.LadderSteps;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.Outcome;

/**
 * A level answered: check the answer, keep it in the timeline and work out the dates a roadmap or a
 * National Assembly session waits for. A request for more information is recorded by the pause.
 */
@Component("recordAnswer")
class RecordAnswerDelegate implements JavaDelegate {

  private final LadderSteps steps;
  private final IssueContext issues;

  RecordAnswerDelegate(LadderSteps steps, IssueContext issues) {
    this.steps = steps;
    this.issues = issues;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level level = LevelState.level(execution);
    Instant now = EngineClock.now();
    AnswerRules.checkLevelAnswer(execution, level, now);
    String outcome = (String) execution.getVariable(OUTCOME);
    execution.setVariable(ANSWERED_LEVEL, level.name());
    if (Outcome.MORE_INFO.equals(outcome)) {
      return;
    }
    Instant until = steps.answer(issues.of(execution), level, (String) execution.getVariable(RESPONSIBLE_GROUP),
        (String) execution.getVariable(ANSWERED_BY), outcome, (String) execution.getVariable(ANSWER),
        (String) execution.getVariable(ROADMAP_TARGET_DATE), (String) execution.getVariable(SESSION_END_DATE),
        (String) execution.getVariable(LEGAL_BASIS), now);
    if (Outcome.ROADMAP.equals(outcome)) {
      execution.setVariable(ROADMAP_FOLLOW_UP_AT, EngineClock.date(until));
    }
    if (Outcome.ON_AGENDA.equals(outcome)) {
      execution.setVariable(SESSION_END_AT, EngineClock.date(until));
    }
  }
}
