package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.LEGAL_BASIS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.LadderSteps;
import vn.thongsuot.escalation.Stage;

/**
 * A commune task was created (supply information, assess an answer): name it after its step with
 * issue number and commune, show the legal basis of the commune's deadline, and record that the
 * issue now waits for the commune, until its due date.
 */
@Component("communeTaskPresentation")
class CommuneTaskPresentationListener implements TaskListener {

  private final TaskPresentation presentation;
  private final LadderSteps steps;
  private final IssueContext issues;

  CommuneTaskPresentationListener(TaskPresentation presentation, LadderSteps steps, IssueContext issues) {
    this.presentation = presentation;
    this.steps = steps;
    this.issues = issues;
  }

  @Override
  public void notify(DelegateTask task) {
    presentation.present(task, task.getBpmnModelElementInstance() != null
        ? task.getBpmnModelElementInstance().getName() : task.getName());
    Stage stage = EscalationLevelModel.TASK_SUPPLY_INFO.equals(task.getTaskDefinitionKey())
        ? Stage.COMMUNE_INFO : Stage.COMMUNE_ASSESSMENT;
    // Shown read-only on the commune's form, as every level task shows its own legal basis.
    task.setVariableLocal(LEGAL_BASIS, steps.communeTaskOpened(issues.of(task), stage,
        EngineClock.instant(task.getFollowUpDate()), EngineClock.instant(task.getDueDate()), EngineClock.now()));
  }
}
