package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.Holding;
import vn.thongsuot.escalation.IssueIdentity;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.monitoring.LevelVisits;

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
  private final LevelVisits visits;
  private final IssueContext issues;

  CommuneTaskPresentationListener(TaskPresentation presentation, IssueRecords records,
      EscalationLadder ladder, LevelVisits visits, IssueContext issues) {
    this.issues = issues;
    this.presentation = presentation;
    this.records = records;
    this.ladder = ladder;
    this.visits = visits;
  }

  @Override
  public void notify(DelegateTask task) {
    String step = task.getBpmnModelElementInstance() != null
        ? task.getBpmnModelElementInstance().getName() : task.getName();
    presentation.present(task, step);
    Stage stage = EscalationLevelModel.TASK_SUPPLY_INFO.equals(task.getTaskDefinitionKey())
        ? Stage.COMMUNE_INFO : Stage.COMMUNE_ASSESSMENT;
    Instant now = EngineTime.now();
    IssueIdentity issue = issues.of(task);
    String legalBasis = ladder.deadlinesOf(stage.name(), issue.urgency(), now).legalBasis();
    // Shown read-only on the commune's form, as every level task shows its own legal basis.
    task.setVariableLocal(LEGAL_BASIS, legalBasis);
    String number = issue.number();
    String commune = issue.communeGroup();
    Instant due = EngineTime.instant(task.getDueDate());
    records.hold(number, Holding.commune(stage, commune, EngineTime.instant(task.getFollowUpDate()),
        due, legalBasis), now);
    visits.open(number, issue.provinceCode(), issue.field(),
        stage.name(), commune, now, due, false);
  }
}
