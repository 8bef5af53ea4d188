package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked examples over 2025-2027 with the shipped data file; times are local (Asia/Ho_Chi_Minh). */
class WorkingDayCalendarTest {

  private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.standard();

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource(textBlock = """
      # Tết 2026, break 14-22 Feb
      2026-02-13T09:00, 1, 2026-02-23T09:00
      2026-02-13T09:00, 5, 2026-02-27T09:00
      2026-02-23T09:00, -1, 2026-02-13T09:00
      # from a day off: 0 moves to the next working day, -1 counts back from it
      2026-02-18T10:00, 0, 2026-02-23T10:00
      2026-02-18T10:00, 1, 2026-02-23T10:00
      2026-02-18T10:00, -1, 2026-02-13T10:00
      2026-02-23T10:00, 0, 2026-02-23T10:00
      # Tết 2025, announced break 25 Jan-2 Feb (computed rules alone would give Monday 3 Feb off)
      2025-01-24T08:30, 1, 2025-02-03T08:30
      2025-02-03T08:30, -1, 2025-01-24T08:30
      # Tết 2027 on a Saturday: 5-9 Feb plus compensatory 10 and 11 Feb
      2027-02-04T09:00, 1, 2027-02-12T09:00
      2027-02-04T09:00, 2, 2027-02-15T09:00
      # 30 April-1 May 2025: Saturday 26 Apr worked, Friday 2 May off in exchange
      2025-04-25T14:00, 1, 2025-04-26T14:00
      2025-04-25T14:00, 2, 2025-04-28T14:00
      2025-04-29T14:00, 1, 2025-05-05T14:00
      2025-05-05T14:00, -2, 2025-04-28T14:00
      2025-04-26T10:00, 0, 2025-04-26T10:00
      # Hùng Kings day on Sunday 26 Apr 2026, compensatory Monday 27 Apr; then 30 Apr and 1 May
      2026-04-24T09:00, 1, 2026-04-28T09:00
      2026-04-29T09:00, 1, 2026-05-04T09:00
      # 1 May 2027 on a Saturday, compensatory Monday 3 May
      2027-04-29T09:00, 1, 2027-05-04T09:00
      # 2 September 2025 with 1 September
      2025-08-29T16:00, 1, 2025-09-03T16:00
      # 2 September 2028 on a Saturday: 1 Sep (Fri) and compensatory Monday 4 Sep
      2028-08-31T09:00, 1, 2028-09-05T09:00
      # year end
      # New Year 2026: Friday 2 Jan off for Saturday 10 Jan worked (12729/VPCP-KGVX)
      2025-12-31T09:00, 1, 2026-01-05T09:00
      2026-01-09T09:00, 1, 2026-01-10T09:00
      2026-12-31T09:00, 1, 2027-01-04T09:00
      2027-01-04T09:00, -1, 2026-12-31T09:00
      2026-12-25T09:00, 5, 2027-01-04T09:00
      """)
  void addsWorkingDaysAtTheSameWallClockTime(LocalDateTime from, int days, LocalDateTime expected) {
    assertThat(CALENDAR.addWorkingDays(vietnam(from), days)).isEqualTo(vietnam(expected));
  }

  @ParameterizedTest(name = "{0} + {1} = {2} (UTC)")
  @CsvSource({
      // 17:30 UTC on Friday is 00:30 on Saturday in Vietnam: the local date counts.
      "2026-02-13T17:30:00Z, 1, 2026-02-22T17:30:00Z",
      "2026-02-13T16:59:59Z, 1, 2026-02-23T16:59:59Z",
  })
  void countsByTheLocalDateInVietnam(Instant from, int days, Instant expected) {
    assertThat(CALENDAR.addWorkingDays(from, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "working days in ({0}, {1}] = {2}")
  @CsvSource(textBlock = """
      2026-02-13, 2026-02-23, 1
      2026-02-13, 2026-02-27, 5
      2026-02-27, 2026-02-13, -5
      2026-02-14, 2026-02-22, 0
      2025-01-24, 2025-02-03, 1
      # 26 Apr (worked Saturday), 28, 29 Apr and 5 May
      2025-04-25, 2025-05-05, 4
      2025-08-29, 2025-09-03, 1
      2025-12-31, 2026-01-02, 0
      2025-12-31, 2026-01-05, 1
      2025-12-31, 2025-12-31, 0
      # whole years: 261 weekdays minus holidays on weekdays, plus worked Saturdays
      2024-12-31, 2025-12-31, 250
      2025-12-31, 2026-12-31, 250
      2026-12-31, 2027-12-31, 250
      2024-12-31, 2027-12-31, 750
      2027-12-31, 2024-12-31, -750
      """)
  void countsWorkingDaysBetween(LocalDate from, LocalDate to, int expected) {
    // Time of day does not matter, only the local dates.
    assertThat(CALENDAR.workingDaysBetween(vietnam(from.atTime(23, 59)), vietnam(to.atTime(0, 1))))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "deadline {0} + {1} = {2}")
  @CsvSource(textBlock = """
      2026-02-13T09:00, 5, 2026-02-27T17:00
      2026-02-13T09:00, 0, 2026-02-13T17:00
      # after hours, 0 is still today's end of day (already past); callers use >= 1
      2026-02-13T18:30, 0, 2026-02-13T17:00
      2026-02-14T09:00, 0, 2026-02-23T17:00
      2026-02-14T09:00, 1, 2026-02-23T17:00
      2025-04-25T09:00, 1, 2025-04-26T17:00
      2025-12-31T09:00, 1, 2026-01-05T17:00
      2025-12-31T09:00, 7, 2026-01-12T17:00
      """)
  void deadlineIsEndOfTheNthWorkingDay(LocalDateTime from, int days, LocalDateTime expected) {
    assertThat(CALENDAR.deadline(vietnam(from), days)).isEqualTo(vietnam(expected));
  }

  @Test
  void deadlineFollowsTheConfiguredEndOfDay() {
    WorkingDayCalendar closingAt1630 = new WorkingDayCalendar(HolidayRules.shipped(), LocalTime.of(16, 30));
    assertThat(closingAt1630.deadline(vietnam(LocalDateTime.parse("2026-02-13T09:00")), 5))
        .isEqualTo(vietnam(LocalDateTime.parse("2026-02-27T16:30")));
  }

  @Test
  void refusesANegativeDeadline() {
    assertThatThrownBy(() -> CALENDAR.deadline(Instant.parse("2026-02-13T02:00:00Z"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void refusesYearsOutsideItsRange() {
    assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2200, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1900..2199");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(textBlock = """
      2025-01-01, Tết Dương lịch
      2025-01-25, Tết Nguyên đán
      2025-01-27, Tết Nguyên đán
      2025-02-03, ''
      2025-04-07, Giỗ Tổ Hùng Vương
      2025-04-26, ''
      2025-04-30, Ngày Chiến thắng
      2025-05-01, Quốc tế Lao động
      2025-05-02, Nghỉ hoán đổi (làm bù Thứ Bảy 26/04/2025)
      2025-08-30, Thứ Bảy
      2025-08-31, Chủ Nhật
      2025-09-01, Quốc khánh
      2025-09-02, Quốc khánh
      2025-09-03, ''
      2026-02-23, ''
      2026-04-26, Giỗ Tổ Hùng Vương
      2026-04-27, Nghỉ bù Giỗ Tổ Hùng Vương
      2027-02-10, Nghỉ bù Tết Nguyên đán
      2027-02-12, ''
      2027-05-03, Nghỉ bù Quốc tế Lao động
      2028-09-04, Nghỉ bù Quốc khánh
      """)
  void explainsWhyADayIsNotWorked(LocalDate date, String reason) {
    Optional<String> expected = reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    assertThat(CALENDAR.whyNotWorking(date)).isEqualTo(expected);
    assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(reason.isEmpty());
  }

  static Instant vietnam(LocalDateTime local) {
    return local.atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
