package vn.thongsuot.escalation.process;

/** Ids of {@code processes/CommuneIssueEscalation.bpmn} that code and tests refer to. */
public final class CommuneIssueEscalationModel {

  public static final String PROCESS_ID = "CommuneIssueEscalation";
  public static final String MESSAGE_ISSUE_WITHDRAWN = "IssueWithdrawn";

  public static final String START_ISSUE_FILED = "StartEvent_IssueFiled";
  public static final String CALL_DEPARTMENT_GUIDANCE = "CallActivity_DepartmentGuidance";
  public static final String CALL_PROVINCIAL_DECISION = "CallActivity_ProvincialDecision";
  public static final String CALL_MINISTRY_HANDLING = "CallActivity_MinistryHandling";
  public static final String CALL_GOVERNMENT_DECISION = "CallActivity_GovernmentDecision";
  public static final String CALL_NATIONAL_ASSEMBLY_AGENDA = "CallActivity_NationalAssemblyAgenda";
  public static final String TIMER_SESSION_ENDED = "TimerEvent_SessionEnded";
  public static final String TIMER_ROADMAP_PROGRESS_DUE = "TimerEvent_RoadmapProgressDue";
  public static final String TASK_ASSESS_ANSWER = "Task_AssessAnswer";
  public static final String BOUNDARY_ASSESSMENT_REMINDER = "BoundaryEvent_AssessmentReminderDue";
  public static final String END_OBSTACLE_REMOVED = "EndEvent_ObstacleRemoved";

  private CommuneIssueEscalationModel() {}
}
