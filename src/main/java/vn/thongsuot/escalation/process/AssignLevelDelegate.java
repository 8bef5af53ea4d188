package vn.thongsuot.escalation.process;

import vn.thongsuot.monitoring.LevelVisits;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.escalation.Holding;
import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.IssueAccess;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueIdentity;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.LevelAssignment;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.escalation.TimelineEvent;

/** An issue reached a level: find the responsible unit and its deadlines, record the hand-over. */
@Component("assignLevel")
class AssignLevelDelegate implements JavaDelegate {

  private final EscalationLadder ladder;
  private final IssueRecords records;
  private final IssueAccess access;
  private final LevelVisits visits;
  private final IssueContext issues;

  AssignLevelDelegate(EscalationLadder ladder, IssueRecords records, IssueAccess access,
      LevelVisits visits, IssueContext issues) {
    this.issues = issues;
    this.ladder = ladder;
    this.records = records;
    this.access = access;
    this.visits = visits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level level = LevelState.level(execution);
    Instant now = EngineTime.now();
    IssueIdentity issue = issues.of(execution);
    LevelAssignment assignment = ladder.assign(level, issue.field(), issue.provinceCode(), issue.urgency(), now);
    LevelState.write(execution, assignment);
    execution.setVariable(LEVEL_FORM, level.formId());

    String number = issue.number();
    boolean escalated = Outcome.NO_ANSWER.equals(execution.getVariable(PREVIOUS_OUTCOME));
    records.hold(number, Holding.level(Stage.valueOf(level.name()), assignment, escalated), now);
    visits.open(number, issue.provinceCode(), issue.field(),
        level.name(), assignment.groupId(), now, assignment.deadline(), escalated);
    records.append(new TimelineEvent(number, now, EventType.ASSIGNED, level.name(),
        assignment.groupId(), null, null,
        (escalated ? "Cấp dưới quá hạn không trả lời. " : "") + "Giao " + assignment.unitName()
            + " xử lý trong " + assignment.deadlineDays() + " ngày làm việc.",
        assignment.deadline()));
    access.grantToUnit(IssueContext.rootInstanceOf(execution), assignment.groupId());
    access.grantToUnit(execution.getProcessInstanceId(), assignment.groupId());
  }
}
