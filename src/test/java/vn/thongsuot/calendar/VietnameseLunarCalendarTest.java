package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The UTC+7 lunar calendar against dates published in Vietnam. */
class VietnameseLunarCalendarTest {

  private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.standard();

  /**
   * 2030 is the one to watch: the new moon is at 23:07 on 2 February in Vietnam, 00:07 on
   * 3 February in Beijing. ICU's astronomy is minutes off (its Chinese calendar also says 2 February,
   * China publishes the 3rd), so our date is right with under an hour of margin.
   */
  @ParameterizedTest(name = "Tết {0}")
  @CsvSource({
      "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06",
      "2028, 2028-01-26", "2029, 2029-02-13", "2030, 2030-02-02",
      "1985, 1985-01-21", "2007, 2007-02-17",
  })
  void lunarNewYearMatchesThePublishedVietnameseDate(int year, LocalDate tet) {
    assertThat(VietnameseLunarCalendar.lunarNewYear(year)).isEqualTo(tet);
    assertThat(CALENDAR.lunarNewYear(year)).isEqualTo(tet);
  }

  @ParameterizedTest(name = "Hùng Kings day {0}")
  @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
  void hungKingsDayMatchesThePublishedDate(int year, LocalDate day) {
    assertThat(VietnameseLunarCalendar.hungKingsDay(year)).isEqualTo(day);
    assertThat(CALENDAR.hungKingsDay(year)).isEqualTo(day);
  }

  /**
   * The reason for UTC+7: in 1985 and 2007 the Chinese calendar (UTC+8) starts the year on another
   * day, in 1985 a whole month later because the leap month moved.
   */
  @ParameterizedTest(name = "{0}: Vietnam {1}, China {2}")
  @CsvSource({"1985, 1985-01-21, 1985-02-20", "2007, 2007-02-17, 2007-02-18"})
  void differsFromTheChineseCalendarWhereVietnamDoes(int year, LocalDate vietnam, LocalDate china) {
    assertThat(VietnameseLunarCalendar.chineseNewYear(year)).isEqualTo(china);
    assertThat(VietnameseLunarCalendar.lunarNewYear(year)).isEqualTo(vietnam);
  }

  @Test
  void hungKingsDayIsInTheOrdinaryThirdMonthInALeapThirdMonthYear() {
    // 2031 has a leap 3rd month from 21 April (computed, not checked against a printed calendar);
    // Giỗ Tổ is the 10th of the ordinary 3rd month, 1 April, not the 10th of the leap one, 30 April.
    LocalDate day = VietnameseLunarCalendar.hungKingsDay(2031);
    assertThat(day).isEqualTo(LocalDate.of(2031, 4, 1));
  }

  /**
   * A second, independent method agrees with ICU at UTC+7 on Tết and Hùng Kings day for every year
   * from 1968 (Vietnam on UTC+7) to 2137. Where it would not, a data-file override would be needed.
   */
  @Test
  void agreesWithAnIndependentMeeusComputationFrom1968To2137() {
    for (int year = 1968; year <= 2137; year++) {
      assertThat(VietnameseLunarCalendar.lunarNewYear(year)).as("Tết %d", year)
          .isEqualTo(MeeusLunarCalendar.find(year, 1, 1));
      assertThat(VietnameseLunarCalendar.hungKingsDay(year)).as("Hùng Kings day %d", year)
          .isEqualTo(MeeusLunarCalendar.find(year, 3, 10));
    }
  }
}
