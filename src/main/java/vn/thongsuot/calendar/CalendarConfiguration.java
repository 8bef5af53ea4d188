package vn.thongsuot.calendar;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link WorkingDayCalendar} bean from {@code thongsuot.calendar.*}. The bean is named
 * {@code workingDayCalendar}, which is also how BPMN expressions reach it.
 */
@Configuration
class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  /** The file of start-up: it seeds the database's first calendar version (CalendarVersions). */
  @Bean
  HolidayFileText holidayFileText(@Value("${thongsuot.calendar.holidays-file:}") String holidaysFile) {
    return holidaysFile.isBlank() ? HolidayFileText.shipped() : HolidayFileText.of(Path.of(holidaysFile.strip()));
  }

  @Bean
  WorkingDayCalendar workingDayCalendar(HolidayFileText holidayFileText,
      @Value("${thongsuot.calendar.end-of-day:17:00}") String endOfDay) {
    HolidayRules rules = holidayFileText.parse();
    WorkingDayCalendar calendar = new WorkingDayCalendar(rules, parseEndOfDay(endOfDay));
    LOG.info("Working-day calendar: adjustments from {} (years {}), working day ends at {} {}",
        rules.origin(), rules.tetBreaks().keySet().stream().sorted().toList(), calendar.endOfDayText(),
        WorkingDayCalendar.VIETNAM);
    return calendar;
  }

  /**
   * "17:00", "16:30"...; "24:00" is the end of the calendar day (Civil Code art. 148), kept as the
   * day's last millisecond so a deadline stays on its date (docs/calendar.md, "When a day ends").
   */
  static LocalTime parseEndOfDay(String value) {
    String text = value.strip();
    if (text.equals("24:00")) {
      return WorkingDayCalendar.END_OF_CALENDAR_DAY;
    }
    try {
      LocalTime time = LocalTime.parse(text);
      if (time.equals(LocalTime.MIDNIGHT)) {
        throw new IllegalArgumentException("thongsuot.calendar.end-of-day (THONGSUOT_END_OF_DAY) '"
            + value + "' would end a working day at its start; use 24:00 for the end of the day");
      }
      return time;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("thongsuot.calendar.end-of-day (THONGSUOT_END_OF_DAY) '"
          + value + "' is not a time of day like 17:00 (or 24:00 for the end of the day)", e);
    }
  }
}
