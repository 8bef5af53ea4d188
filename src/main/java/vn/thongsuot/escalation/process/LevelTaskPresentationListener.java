package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.Outcome;

/** Names the level task "VM-… · Phường … · Sở Tài chính hướng dẫn" and marks escalated ones. */
@Component("levelTaskPresentation")
class LevelTaskPresentationListener implements TaskListener {

  private final TaskPresentation presentation;
  private final UnitDirectory directory;
  private final IssueContext issues;

  LevelTaskPresentationListener(TaskPresentation presentation, UnitDirectory directory, IssueContext issues) {
    this.issues = issues;
    this.presentation = presentation;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    Level level = LevelState.level(task);
    String unit = directory.unitName((String) task.getVariable(RESPONSIBLE_GROUP));
    String province = directory.province(issues.of(task).provinceCode())
        .map(p -> " " + p.name()).orElse("");
    // "Sở Tài chính hướng dẫn" reads better than repeating the province; the committee keeps it.
    if (unit.startsWith("Sở ") && unit.endsWith(province)) {
      unit = unit.substring(0, unit.length() - province.length());
    }
    presentation.present(task, unit + " " + level.verb());
    task.setVariableLocal(ESCALATED_FOR_NO_ANSWER,
        Outcome.NO_ANSWER.equals(task.getVariable(PREVIOUS_OUTCOME)));
  }
}
