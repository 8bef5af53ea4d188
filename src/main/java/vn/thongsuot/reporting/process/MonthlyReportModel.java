package vn.thongsuot.reporting.process;

/** Ids and variables of {@code processes/MonthlyReport.bpmn} that code and tests refer to. */
public final class MonthlyReportModel {

  public static final String PROCESS_ID = "MonthlyReport";

  public static final String START_REPORT_DAY = "StartEvent_ReportDay";
  public static final String TASK_COMPILE_REPORT = "Task_CompileReport";
  public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
  public static final String TASK_PUBLISH_REPORT = "Task_PublishReport";
  public static final String TASK_RECOMPILE_REPORT = "Task_RecompileReport";
  public static final String END_REPORT_PUBLISHED = "EndEvent_ReportPublished";

  public static final String REVIEWER_GROUP = "supervisor-central";

  public static final String REPORT_ID = "reportId";
  /** "2027-04". */
  public static final String REPORT_MONTH = "reportMonth";
  public static final String REPORT_SUMMARY = "reportSummary";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String REVIEWED_BY = "reviewedBy";

  public static final String APPROVE = "APPROVE";
  public static final String RETURN = "RETURN";

  private MonthlyReportModel() {}
}
