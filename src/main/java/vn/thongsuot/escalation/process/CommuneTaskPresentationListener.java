package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.COMMUNE_GROUP;
import static vn.thongsuot.escalation.process.IssueVariables.LEGAL_BASIS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.Stage;

/**
 * A commune task was created (supply information, assess an answer): name it after its step with
 * issue number and commune, show the legal basis of the commune's deadline, and record that the
 * issue now waits for the commune, until its due date.
 */
@Component("communeTaskPresentation")
class CommuneTaskPresentationListener implements TaskListener {

  private final TaskPresentation presentation;
  private final IssueRecords records;
  private final EscalationLadder ladder;

  CommuneTaskPresentationListener(TaskPresentation presentation, IssueRecords records,
      EscalationLadder ladder) {
    this.presentation = presentation;
    this.records = records;
    this.ladder = ladder;
  }

  @Override
  public void notify(DelegateTask task) {
    String step = task.getBpmnModelElementInstance() != null
        ? task.getBpmnModelElementInstance().getName() : task.getName();
    presentation.present(task, step);
    Stage stage = EscalationLevelModel.TASK_SUPPLY_INFO.equals(task.getTaskDefinitionKey())
        ? Stage.COMMUNE_INFO : Stage.COMMUNE_ASSESSMENT;
    String legalBasis = ladder.deadlinesOf(stage.name(), LevelState.urgency(task), EngineTime.now())
        .legalBasis();
    // Shown read-only on the commune's form, as every level task shows its own legal basis.
    task.setVariableLocal(LEGAL_BASIS, legalBasis);
    records.moveTo(LevelState.issueNumber(task), stage.name(), (String) task.getVariable(COMMUNE_GROUP),
        EngineTime.instant(task.getDueDate()), legalBasis);
  }
}
