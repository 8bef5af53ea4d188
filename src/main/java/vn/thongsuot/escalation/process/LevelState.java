package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import org.camunda.bpm.engine.delegate.VariableScope;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.LevelAssignment;
import vn.thongsuot.escalation.Urgency;

/** Reads and writes the level's routing variables on an EscalationLevel instance. */
final class LevelState {

  private LevelState() {}

  static String issueNumber(VariableScope scope) {
    return (String) scope.getVariable(ISSUE_NUMBER);
  }

  static Level level(VariableScope scope) {
    String code = (String) scope.getVariable(LEVEL);
    return Level.of(code).orElseThrow(() -> new IllegalStateException("unknown level " + code));
  }

  static Urgency urgency(VariableScope scope) {
    return Urgency.valueOf((String) scope.getVariable(URGENCY));
  }

  static void write(VariableScope scope, LevelAssignment assignment) {
    scope.setVariable(RESPONSIBLE_GROUP, assignment.groupId());
    scope.setVariable(DEADLINE, EngineClock.date(assignment.deadline()));
    scope.setVariable(REMINDER_AT, EngineClock.date(assignment.reminderAt()));
    scope.setVariable(ESCALATE_AT, EngineClock.date(assignment.escalateAt()));
    scope.setVariable(LEGAL_BASIS, assignment.legalBasis());
    scope.setVariable(REMINDER_DAYS, assignment.reminderDays());
    scope.setVariable(ESCALATION_DAYS, assignment.escalationDays());
    scope.setVariable(DEADLINE_FROM, EngineClock.date(assignment.countedFrom()));
    scope.setVariable(DEADLINE_WORKING_DAYS, assignment.deadlineDays());
  }

  private static int intOf(Object value) {
    return value instanceof Number number ? number.intValue() : 0;
  }

  /** The assignment as stored, for pausing and resuming. */
  static LevelAssignment read(VariableScope scope) {
    return new LevelAssignment(level(scope).name(), (String) scope.getVariable(RESPONSIBLE_GROUP),
        null, 0, intOf(scope.getVariable(REMINDER_DAYS)), (Integer) scope.getVariable(ESCALATION_DAYS),
        EngineClock.instant(scope.getVariable(DEADLINE)),
        EngineClock.instant(scope.getVariable(REMINDER_AT)),
        EngineClock.instant(scope.getVariable(ESCALATE_AT)), (String) scope.getVariable(LEGAL_BASIS),
        EngineClock.instant(scope.getVariable(DEADLINE_FROM)), false, 0);
  }
}
