package vn.thongsuot.escalation.process;

/** Ids of {@code processes/EscalationLevel.bpmn} that code and tests refer to. */
public final class EscalationLevelModel {

  public static final String PROCESS_ID = "EscalationLevel";

  public static final String TASK_HANDLE_AT_LEVEL = "Task_HandleAtLevel";
  public static final String BOUNDARY_REMINDER_DUE = "BoundaryEvent_ReminderDue";
  public static final String BOUNDARY_DEADLINE_PASSED = "BoundaryEvent_DeadlinePassed";
  public static final String BOUNDARY_NO_ANSWER = "BoundaryEvent_NoAnswer";
  public static final String TASK_SUPPLY_INFO = "Task_SupplyInfo";
  public static final String BOUNDARY_INFO_REMINDER_DUE = "BoundaryEvent_InfoReminderDue";

  private EscalationLevelModel() {}
}
