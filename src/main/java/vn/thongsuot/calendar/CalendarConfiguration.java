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

  @Bean
  WorkingDayCalendar workingDayCalendar(
      @Value("${thongsuot.calendar.holidays-file:}") String holidaysFile,
      @Value("${thongsuot.calendar.end-of-day:17:00}") String endOfDay) {
    HolidayRules rules = holidaysFile.isBlank()
        ? HolidayRules.shipped()
        : HolidayRules.fromFile(Path.of(holidaysFile.strip()));
    WorkingDayCalendar calendar = new WorkingDayCalendar(rules, parseEndOfDay(endOfDay));
    LOG.info("Working-day calendar: adjustments from {} (years {}), working day ends at {} {}",
        rules.origin(), rules.tetBreaks().keySet().stream().sorted().toList(), calendar.endOfDay(),
        WorkingDayCalendar.VIETNAM);
    return calendar;
  }

  static LocalTime parseEndOfDay(String value) {
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("thongsuot.calendar.end-of-day (THONGSUOT_END_OF_DAY) '"
          + value + "' is not a time of day like 17:00", e);
    }
  }
}
