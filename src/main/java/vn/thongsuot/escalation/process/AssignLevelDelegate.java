package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.IssueAccess;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.EventType;
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

  AssignLevelDelegate(EscalationLadder ladder, IssueRecords records, IssueAccess access) {
    this.ladder = ladder;
    this.records = records;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level level = LevelState.level(execution);
    Instant now = EngineTime.now();
    LevelAssignment assignment = ladder.assign(level, (String) execution.getVariable(FIELD),
        (String) execution.getVariable(PROVINCE_CODE), LevelState.urgency(execution), now);
    LevelState.write(execution, assignment);
    execution.setVariable(LEVEL_FORM, level.formId());

    String number = LevelState.issueNumber(execution);
    records.moveTo(number, level.name(), assignment.groupId(), assignment.deadline(),
        assignment.legalBasis());
    boolean escalated = Outcome.NO_ANSWER.equals(execution.getVariable(PREVIOUS_OUTCOME));
    records.append(new TimelineEvent(number, now, EventType.ASSIGNED, level.name(),
        assignment.groupId(), null, null,
        (escalated ? "Cấp dưới quá hạn không trả lời. " : "") + "Giao " + assignment.unitName()
            + " xử lý trong " + assignment.deadlineDays() + " ngày làm việc.",
        assignment.deadline()));
    access.grantToUnit((String) execution.getVariable(ISSUE_PROCESS_INSTANCE_ID), assignment.groupId());
    access.grantToUnit(execution.getProcessInstanceId(), assignment.groupId());
  }
}
