package vn.thongsuot.calendar;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Vietnamese lunisolar calendar (âm lịch): ICU's Chinese calendar with its astronomy done for
 * UTC+7 instead of Beijing's UTC+8. A lunar month starts on the local day of the new moon, so when
 * a new moon falls between 23:00 and midnight Beijing time (or between midnight and 01:00) the two
 * calendars start the month on different days; in 1985 the difference even moved the leap month
 * and put Tết a whole month apart. ICU builds its Korean calendar ({@code DangiCalendar}, UTC+9)
 * the same way, through the protected constructor that takes the astronomical zone.
 *
 * <p>ICU calendars are mutable and not thread-safe: callers create one per computation. The
 * result is cached per year by {@link WorkingDayCalendar}, so this is not on any hot path.
 */
final class VietnameseLunarCalendar extends ChineseCalendar {

  private static final long serialVersionUID = 1L;

  /**
   * UTC+7 for every year. North Vietnam moved from UTC+8 to UTC+7 in 1968 and the unified calendar
   * has been computed for UTC+7 since; dates before 1968 may differ from the calendar printed then,
   * which does not matter for deadlines.
   */
  private static final TimeZone VIETNAM_ASTRONOMY = new SimpleTimeZone(7 * 60 * 60 * 1000, "UTC+7");

  /** Earliest and latest Gregorian day a lunar new year can fall on (21 January to 20 February). */
  private static final int NEW_YEAR_SEARCH_FROM_DAY = 19;
  private static final int NEW_YEAR_SEARCH_DAYS = 36;

  /** Lunar 10/3 falls between late March and early May. */
  private static final int HUNG_KINGS_SEARCH_DAYS = 70;

  /**
   * Fields are reckoned in GMT so that one calendar day maps to the Gregorian day of the same
   * number: we feed it midnight UTC of a {@link LocalDate} and read the lunar date of that day.
   */
  VietnameseLunarCalendar() {
    super(TimeZone.GMT_ZONE, ULocale.ROOT, VIETNAM_ASTRONOMY);
  }

  /** Gregorian date of lunar 1/1 (Tết) in the given Gregorian year. */
  static LocalDate lunarNewYear(int year) {
    return find(LocalDate.of(year, 1, NEW_YEAR_SEARCH_FROM_DAY), NEW_YEAR_SEARCH_DAYS, 0, 1,
        "lunar new year of " + year);
  }

  /** Gregorian date of lunar 10/3 (Giỗ Tổ Hùng Vương) in the given Gregorian year; the ordinary third month, never a leap one. */
  static LocalDate hungKingsDay(int year) {
    return find(LocalDate.of(year, 3, 10), HUNG_KINGS_SEARCH_DAYS, 2, 10,
        "Hùng Kings day of " + year);
  }

  /** Same search with ICU's own Chinese calendar (UTC+8); used by tests to show where the two differ. */
  static LocalDate chineseNewYear(int year) {
    return find(new ChineseCalendar(TimeZone.GMT_ZONE, ULocale.ROOT),
        LocalDate.of(year, 1, NEW_YEAR_SEARCH_FROM_DAY), NEW_YEAR_SEARCH_DAYS, 0, 1, "Chinese new year");
  }

  private static LocalDate find(LocalDate from, int days, int month, int dayOfMonth, String what) {
    return find(new VietnameseLunarCalendar(), from, days, month, dayOfMonth, what);
  }

  // A linear scan is simpler to trust than ICU's field resolution for leap months, and runs once a year.
  private static LocalDate find(ChineseCalendar calendar, LocalDate from, int days, int month,
      int dayOfMonth, String what) {
    for (int i = 0; i < days; i++) {
      LocalDate day = from.plusDays(i);
      calendar.setTimeInMillis(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
      if (calendar.get(MONTH) == month && calendar.get(IS_LEAP_MONTH) == 0
          && calendar.get(DAY_OF_MONTH) == dayOfMonth) {
        return day;
      }
    }
    throw new IllegalStateException("could not find the " + what + " between " + from + " and "
        + from.plusDays(days - 1L));
  }

  @Override
  public String getType() {
    // Not a calendar ICU knows by name; only used for formatting, which we never do.
    return "chinese";
  }
}
