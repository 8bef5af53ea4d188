package vn.thongsuot.escalation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.thongsuot.calendar.WorkingDayCalendar;

/** Instants as officials read them: Vietnamese order, Vietnam's time zone. */
public final class VietnameseDates {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(WorkingDayCalendar.VIETNAM);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(WorkingDayCalendar.VIETNAM);

  private static final java.time.LocalTime LAST_SECOND = java.time.LocalTime.of(23, 59, 59);

  private VietnameseDates() {}

  /**
   * "17:00 ngày 24/11/2026". A deadline at the end of the calendar day (the day's last second,
   * {@link WorkingDayCalendar#END_OF_CALENDAR_DAY}) reads "24:00 ngày 24/11/2026", as Civil Code
   * art. 148 puts it, not "23:59".
   */
  public static String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    if (!instant.atZone(WorkingDayCalendar.VIETNAM).toLocalTime().isBefore(LAST_SECOND)) {
      return "24:00 ngày " + DATE.format(instant);
    }
    return DATE_TIME.format(instant);
  }

  /** "24/11/2026". */
  public static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  /** "còn 3 ngày làm việc", "đến hạn hôm nay", "quá hạn 2 ngày làm việc". */
  public static String daysLeft(int workingDays) {
    if (workingDays > 0) {
      return "còn " + workingDays + " ngày làm việc";
    }
    if (workingDays == 0) {
      return "đến hạn trong ngày làm việc này";
    }
    return "quá hạn " + (-workingDays) + " ngày làm việc";
  }
}
