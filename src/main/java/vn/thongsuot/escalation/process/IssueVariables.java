package vn.thongsuot.escalation.process;

/**
 * Process variable names: routing facts and references only (the issue's texts live in
 * {@code ts_issue}, read when a task is shown).
 */
public final class IssueVariables {

  public static final String ISSUE_NUMBER = "issueNumber";
  public static final String COMMUNE_CODE = "communeCode";
  public static final String COMMUNE_GROUP = "communeGroup";
  public static final String PROVINCE_CODE = "provinceCode";
  public static final String FIELD = "field";
  public static final String URGENCY = "urgency";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String ATTEMPTED = "attempted";
  public static final String REGULATION = "regulation";
  public static final String FILED_BY = "filedBy";

  public static final String LEVEL = "level";
  public static final String PREVIOUS_OUTCOME = "previousOutcome";
  public static final String RESPONSIBLE_GROUP = "responsibleGroup";
  public static final String DEADLINE = "deadline";
  public static final String REMINDER_AT = "reminderAt";
  public static final String ESCALATE_AT = "escalateAt";
  public static final String LEGAL_BASIS = "legalBasis";
  public static final String REMINDER_DAYS = "reminderDays";
  public static final String ESCALATION_DAYS = "escalationDays";
  /**
   * When the level's count started (assignment, or the end of a paused clock) and how many working
   * days it counts (the DMN's, or what was left, plus extensions): what a change of the working-day
   * calendar counts again.
   */
  public static final String DEADLINE_FROM = "deadlineFrom";
  public static final String DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
  public static final String LEVEL_FORM = "levelForm";
  public static final String PAUSED_REMAINING_DAYS = "pausedRemainingDays";
  public static final String INFO_REQUEST = "infoRequest";
  public static final String INFO_DEADLINE = "infoDeadline";
  public static final String INFO_REMINDER_AT = "infoReminderAt";
  public static final String SUPPLIED_INFO = "suppliedInfo";

  public static final String OUTCOME = "outcome";
  public static final String ANSWER = "answer";
  public static final String ANSWERED_LEVEL = "answeredLevel";
  public static final String ANSWERED_BY = "answeredBy";
  public static final String ANSWERED_GROUP = "answeredGroup";
  public static final String ROADMAP_TARGET_DATE = "roadmapTargetDate";
  public static final String ROADMAP_FOLLOW_UP_AT = "roadmapFollowUpAt";
  public static final String SESSION_END_DATE = "sessionEndDate";
  public static final String SESSION_END_AT = "sessionEndAt";
  public static final String ASSESSMENT = "assessment";
  public static final String ASSESSMENT_COMMENT = "assessmentComment";
  public static final String ASSESSED_BY = "assessedBy";
  public static final String SUPPLIED_BY = "suppliedBy";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";
  public static final String WITHDRAWN_BY = "withdrawnBy";

  /** Task-local: the Tasklist filter "Được chuyển lên" shows tasks where this is true. */
  public static final String ESCALATED_FOR_NO_ANSWER = "escalatedForNoAnswer";
  public static final String ISSUE_SUMMARY = "issueSummary";
  public static final String DEADLINE_TEXT = "deadlineText";
  public static final String TIMELINE_TEXT = "timelineText";

  private IssueVariables() {}
}
