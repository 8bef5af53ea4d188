package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.LEVEL_FORM;
import static vn.thongsuot.escalation.process.IssueVariables.PREVIOUS_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.LadderSteps;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.LevelAssignment;
import vn.thongsuot.escalation.Outcome;

/** An issue reached a level: find the responsible unit and its deadlines, record the hand-over. */
@Component("assignLevel")
class AssignLevelDelegate implements JavaDelegate {

  private final LadderSteps steps;
  private final IssueContext issues;

  AssignLevelDelegate(LadderSteps steps, IssueContext issues) {
    this.steps = steps;
    this.issues = issues;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level level = LevelState.level(execution);
    boolean escalated = Outcome.NO_ANSWER.equals(execution.getVariable(PREVIOUS_OUTCOME));
    LevelAssignment assignment = steps.reachLevel(issues.of(execution), level, escalated,
        IssueContext.rootInstanceOf(execution), execution.getProcessInstanceId(), EngineClock.now());
    LevelState.write(execution, assignment);
    execution.setVariable(LEVEL_FORM, level.formId());
  }
}
