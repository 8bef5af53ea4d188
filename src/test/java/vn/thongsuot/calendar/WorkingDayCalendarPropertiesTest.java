package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties over many random instants, 2024-2031, with a fixed seed so a failure is reproducible.
 * The fast year tables are checked against a day-by-day walk over {@link WorkingDayCalendar#isWorkingDay}.
 */
class WorkingDayCalendarPropertiesTest {

  private static final long SEED = 20260213L;
  private static final int RUNS = 20_000;
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 8L * 365 * 86_400;

  private final HolidayRules rules = HolidayRules.shipped();
  private final WorkingDayCalendar calendar = new WorkingDayCalendar(rules, WorkingDayCalendar.DEFAULT_END_OF_DAY);
  private final Random random = new Random(SEED);

  @Test
  void addingNThenCountingGivesN() {
    for (int run = 0; run < RUNS; run++) {
      Instant from = randomInstant();
      // N >= 1: N = 0 from a day off moves to the next working day, one day counted.
      int n = 1 + random.nextInt(400);
      Instant to = calendar.addWorkingDays(from, n);
      assertThat(calendar.workingDaysBetween(from, to)).as("from %s, n %d", from, n).isEqualTo(n);
      assertThat(calendar.workingDaysBetween(to, from)).as("from %s, n %d", from, n).isEqualTo(-n);
      if (calendar.isWorkingDay(local(from).toLocalDate())) {
        // Going back is the inverse, from a working day (from a day off, counting starts later).
        assertThat(calendar.addWorkingDays(to, -n)).as("back from %s, n %d", to, n).isEqualTo(from);
        assertThat(calendar.addWorkingDays(from, 0)).isEqualTo(from);
      }
    }
  }

  @Test
  void addingAgreesWithWalkingDayByDay() {
    for (int run = 0; run < RUNS / 10; run++) {
      Instant from = randomInstant();
      int n = random.nextInt(121) - 60;
      ZonedDateTime start = local(from);
      LocalDate day = start.toLocalDate();
      if (n <= 0) {
        while (!calendar.isWorkingDay(day)) {
          day = day.plusDays(1);
        }
      }
      for (int left = Math.abs(n); left > 0; ) {
        day = day.plusDays(n > 0 ? 1 : -1);
        if (calendar.isWorkingDay(day)) {
          left--;
        }
      }
      assertThat(calendar.addWorkingDays(from, n)).as("from %s, n %d", start, n)
          .isEqualTo(day.atTime(start.toLocalTime()).atZone(WorkingDayCalendar.VIETNAM).toInstant());
    }
  }

  @Test
  void aWorkingDayIsNeverAHolidayNorAWeekendUnlessSwapped() {
    Set<LocalDate> workedSaturdays = new HashSet<>();
    rules.swaps().forEach(s -> workedSaturdays.add(s.workedSaturday()));
    for (int year = 2024; year <= 2031; year++) {
      Set<LocalDate> holidays = statutoryHolidays(year);
      for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
        if (calendar.isWorkingDay(day)) {
          assertThat(holidays).as("working day %s", day).doesNotContain(day);
          boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
          assertThat(!weekend || workedSaturdays.contains(day)).as("working day %s", day).isTrue();
        } else {
          assertThat(calendar.whyNotWorking(day)).as("day off %s", day).isPresent();
        }
      }
    }
  }

  @Test
  void aDeadlineIsAlwaysAWorkingDayAt1700InVietnam() {
    for (int run = 0; run < RUNS; run++) {
      Instant from = randomInstant();
      int n = random.nextInt(60);
      ZonedDateTime deadline = local(calendar.deadline(from, n));
      assertThat(calendar.isWorkingDay(deadline.toLocalDate())).as("from %s, n %d", from, n).isTrue();
      assertThat(deadline.toLocalTime()).isEqualTo(WorkingDayCalendar.DEFAULT_END_OF_DAY);
      assertThat(calendar.workingDaysBetween(from, deadline.toInstant()))
          .isEqualTo(n == 0 && calendar.isWorkingDay(local(from).toLocalDate()) ? 0 : Math.max(n, 1));
    }
  }

  /** Labour Code art. 112 days, computed here independently of the calendar's own tables. */
  private Set<LocalDate> statutoryHolidays(int year) {
    Set<LocalDate> days = new HashSet<>();
    days.add(LocalDate.of(year, 1, 1));
    LocalDate tet = VietnameseLunarCalendar.lunarNewYear(year);
    for (int i = -1; i <= 3; i++) {
      days.add(tet.plusDays(i));
    }
    days.add(VietnameseLunarCalendar.hungKingsDay(year));
    days.add(LocalDate.of(year, 4, 30));
    days.add(LocalDate.of(year, 5, 1));
    days.add(LocalDate.of(year, 9, 1));
    days.add(LocalDate.of(year, 9, 2));
    return days;
  }

  private Instant randomInstant() {
    return START.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
  }

  private static ZonedDateTime local(Instant instant) {
    return instant.atZone(WorkingDayCalendar.VIETNAM);
  }
}
