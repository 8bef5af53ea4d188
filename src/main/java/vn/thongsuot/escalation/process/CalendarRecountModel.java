package vn.thongsuot.escalation.process;

/** Ids and variables of {@code processes/CalendarRecount.bpmn}. */
public final class CalendarRecountModel {

  public static final String PROCESS_ID = "CalendarRecount";
  public static final String TASK_RECOUNT_BATCH = "Task_RecountBatch";
  public static final String TIMER_NODES_REFRESHED = "TimerEvent_NodesRefreshed";
  public static final String TASK_RECOUNT_LATE = "Task_RecountLate";
  public static final String END_DEADLINES_RECOUNTED = "EndEvent_DeadlinesRecounted";

  /** The calendar version whose recount this is. */
  public static final String CALENDAR_VERSION = "calendarVersion";
  /** The document the version comes from, quoted in every timeline line of the recount. */
  public static final String CALENDAR_SOURCE = "calendarSource";
  /** The last issue number of the batch before: batches go in number order. */
  public static final String CURSOR = "recountCursor";
  public static final String MORE = "recountMore";
  /** How long after the first pass the late deadlines are counted (nodes read the version meanwhile). */
  public static final String LATE_AFTER = "recountLateAfter";

  private CalendarRecountModel() {}

  public static String businessKey(int version) {
    return "calendar-" + version;
  }
}
