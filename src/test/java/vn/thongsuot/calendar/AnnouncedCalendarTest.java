package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped calendar against what was announced for state bodies in 2025 and 2026
 * (docs/calendar.md, "Sources"), day by day: every weekday off and every Saturday worked, and
 * nothing else; the breaks as officials were told them; the statutory 2027 before any announcement.
 */
class AnnouncedCalendarTest {

  private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.standard();

  /** Weekdays off and Saturdays worked, exactly as announced or as the Labour Code gives them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2025 | 2025-01-01 Tết Dương lịch; 2025-01-27 Tết Nguyên đán; 2025-01-28 Tết Nguyên đán; 2025-01-29 Tết Nguyên đán; 2025-01-30 Tết Nguyên đán; 2025-01-31 Tết Nguyên đán; 2025-04-07 Giỗ Tổ Hùng Vương; 2025-04-26 worked; 2025-04-30 Ngày Chiến thắng; 2025-05-01 Quốc tế Lao động; 2025-05-02 Nghỉ hoán đổi (làm bù Thứ Bảy 26/04/2025); 2025-09-01 Quốc khánh; 2025-09-02 Quốc khánh
      2026 | 2026-01-01 Tết Dương lịch; 2026-01-02 Nghỉ hoán đổi (làm bù Thứ Bảy 10/01/2026); 2026-01-10 worked; 2026-02-16 Tết Nguyên đán; 2026-02-17 Tết Nguyên đán; 2026-02-18 Tết Nguyên đán; 2026-02-19 Tết Nguyên đán; 2026-02-20 Tết Nguyên đán; 2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương; 2026-04-30 Ngày Chiến thắng; 2026-05-01 Quốc tế Lao động; 2026-08-22 worked; 2026-08-31 Nghỉ hoán đổi (làm bù Thứ Bảy 22/08/2026); 2026-09-01 Quốc khánh; 2026-09-02 Quốc khánh
      2027 | 2027-01-01 Tết Dương lịch; 2027-02-05 Tết Nguyên đán; 2027-02-08 Tết Nguyên đán; 2027-02-09 Tết Nguyên đán; 2027-02-10 Nghỉ bù Tết Nguyên đán; 2027-02-11 Nghỉ bù Tết Nguyên đán; 2027-04-16 Giỗ Tổ Hùng Vương; 2027-04-30 Ngày Chiến thắng; 2027-05-03 Nghỉ bù Quốc tế Lao động; 2027-09-01 Quốc khánh; 2027-09-02 Quốc khánh
      """)
  void everyWeekdayOffAndEverySaturdayWorkedOfTheYear(int year, String expected) {
    List<String> actual = new ArrayList<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      LocalDate day = d;
      if (!weekend) {
        CALENDAR.whyNotWorking(d).ifPresent(reason -> actual.add(day + " " + reason));
      } else if (CALENDAR.isWorkingDay(d)) {
        actual.add(d + " worked");
      }
    }
    assertThat(actual).containsExactlyElementsOf(Stream.of(expected.split(";")).map(String::strip).toList());
  }

  /** The breaks as announced: first and last day off, working days on either side. */
  @ParameterizedTest(name = "{0}: {1} to {2}")
  @CsvSource(textBlock = """
      Tết Ất Tỵ 2025 (8726/VPCP-KGVX),            2025-01-25, 2025-02-02
      Giỗ Tổ 2025,                                2025-04-05, 2025-04-07
      30/4-1/5 2025 (swap with Sat 26 Apr),       2025-04-30, 2025-05-04
      Quốc khánh 2025,                            2025-08-30, 2025-09-02
      Tết Dương lịch 2026 (12729/VPCP-KGVX),      2026-01-01, 2026-01-04
      Tết Bính Ngọ 2026 (9859/VPCP-KGVX; TB 9441), 2026-02-14, 2026-02-22
      Giỗ Tổ 2026,                                2026-04-25, 2026-04-27
      30/4-1/5 2026,                              2026-04-30, 2026-05-03
      Quốc khánh 2026 (9859/VPCP-KGVX; TB 9441),  2026-08-29, 2026-09-02
      """)
  void breaksAreExactlyTheAnnouncedDays(String what, LocalDate first, LocalDate last) {
    assertThat(first.datesUntil(last.plusDays(1))).allSatisfy(d -> assertThat(CALENDAR.isWorkingDay(d))
        .as("%s: %s off", what, d).isFalse());
    assertThat(CALENDAR.isWorkingDay(first.minusDays(1))).as("%s: the day before is worked", what).isTrue();
    assertThat(CALENDAR.isWorkingDay(last.plusDays(1))).as("%s: the day after is worked", what).isTrue();
  }

  @Test
  void stateEmployeesHad22DaysOffForHolidaysIn2025() {
    // SGGP 03/08/2025 and baochinhphu: 22 days off in 2025, weekends inside the breaks included.
    long days = Stream.of(new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1)},
            new LocalDate[] {LocalDate.of(2025, 1, 25), LocalDate.of(2025, 2, 2)},
            new LocalDate[] {LocalDate.of(2025, 4, 5), LocalDate.of(2025, 4, 7)},
            new LocalDate[] {LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 4)},
            new LocalDate[] {LocalDate.of(2025, 8, 30), LocalDate.of(2025, 9, 2)})
        .flatMap(r -> r[0].datesUntil(r[1].plusDays(1)))
        .filter(d -> !CALENDAR.isWorkingDay(d)).count();
    assertThat(days).isEqualTo(22);
  }

  @Test
  void tetDinhMui2027IsTheStatutoryDefaultAndItsDeadlinesAreProvisional() {
    assertThat(CALENDAR.lunarNewYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
    assertThat(CALENDAR.rules().tetAnnounced(2027)).isFalse();
    // Counted from mid-January 2027, a deadline crosses Tết: provisional, and which year says why.
    Instant january = vietnam(LocalDateTime.of(2027, 1, 20, 9, 0));
    assertThat(CALENDAR.unannouncedTetYearsBetween(january, CALENDAR.deadline(january, 7))).containsExactly(2027);
    assertThat(CALENDAR.provisional(january, CALENDAR.deadline(january, 7))).isTrue();
    // December 2026 deadlines stay clear of it; so do deadlines after the window closes.
    Instant december = vietnam(LocalDateTime.of(2026, 12, 1, 9, 0));
    assertThat(CALENDAR.provisional(december, CALENDAR.deadline(december, 15))).isFalse();
    Instant march = vietnam(LocalDateTime.of(2027, 3, 10, 9, 0));
    assertThat(CALENDAR.provisional(march, CALENDAR.deadline(march, 15))).isFalse();
    // The window is what an announced break can reach: 15 days either side of the lunar new year.
    assertThat(CALENDAR.provisional(vietnam(LocalDateTime.of(2027, 1, 21, 9, 0)),
        vietnam(LocalDateTime.of(2027, 1, 22, 17, 0)))).isTrue();
    assertThat(CALENDAR.provisional(vietnam(LocalDateTime.of(2027, 1, 20, 9, 0)),
        vietnam(LocalDateTime.of(2027, 1, 21, 17, 0)))).isFalse();
    // Tết 2026 is announced: nothing around it is provisional.
    Instant february2026 = vietnam(LocalDateTime.of(2026, 2, 10, 9, 0));
    assertThat(CALENDAR.provisional(february2026, CALENDAR.deadline(february2026, 10))).isFalse();
  }

  private static final Pattern DOCUMENT = Pattern.compile("\\d+/[A-ZĐ-]+.*\\d{2}/\\d{2}/\\d{4}"
      + "|Thông báo số \\d+ ngày \\d{2}/\\d{2}/\\d{4}");

  @Test
  void everySourceNamesItsDocumentWhenVerifiedAndSaysNotVerifiedOtherwise() {
    HolidayRules shipped = HolidayRules.shipped();
    Map<String, Boolean> sources = new LinkedHashMap<>();
    shipped.tetBreaks().values().forEach(t -> sources.put(t.source(), t.verified()));
    shipped.swaps().forEach(s -> sources.put(s.source(), s.verified()));
    shipped.daysOff().forEach(d -> sources.put(d.source(), d.verified()));
    shipped.nationalDayAdjacentDays().values().forEach(d -> sources.put(d.source(), d.verified()));
    assertThat(sources).isNotEmpty();
    sources.forEach((source, verified) -> {
      assertThat(source).as("the dispatch number nobody could find").doesNotContain("8179");
      if (verified) {
        assertThat(source).as("a verified source names its document by number and date").containsPattern(DOCUMENT)
            .doesNotContain("not verified");
      } else {
        assertThat(source).as("an unverified source says so").contains("not verified");
      }
    });
    assertThat(shipped.tetBreaks().get(2025).source()).contains("8726/VPCP-KGVX ngày 26/11/2024");
    assertThat(shipped.swaps()).anySatisfy(s -> assertThat(s.source()).contains("12729/VPCP-KGVX ngày 25/12/2025"));
  }

  private static Instant vietnam(LocalDateTime local) {
    return local.atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
