package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The holidays data file: what it changes, and how a broken one is reported. */
class HolidayFileTest {

  private static WorkingDayCalendar calendar(String yaml) {
    return new WorkingDayCalendar(parse(yaml), WorkingDayCalendar.DEFAULT_END_OF_DAY);
  }

  private static HolidayRules parse(String yaml) {
    return HolidayRules.parse("test.yaml", new StringReader(yaml));
  }

  @Test
  void shippedFileRecordsTheAnnouncedAdjustmentsWithTheirSources() {
    HolidayRules shipped = HolidayRules.shipped();
    assertThat(shipped.origin()).isEqualTo("classpath:calendar/holidays-vn.yaml");
    assertThat(shipped.tetBreaks()).containsOnlyKeys(2025, 2026);
    assertThat(shipped.swaps()).extracting(HolidayRules.Swap::dayOff, HolidayRules.Swap::workedSaturday)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 4, 26)),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 10)),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 8, 22)));
    assertThat(shipped.tetBreaks().values()).allSatisfy(t -> assertThat(t.source()).isNotBlank());
    // No year after 2026 is announced: 2027's Tết is the statutory default, and provisional.
    assertThat(shipped.tetAnnounced(2027)).isFalse();
    // 24 November is not a legal holiday yet: no fixed holiday ships.
    assertThat(shipped.fixedHolidays()).isEmpty();
    // Nothing the computation already gets right is overridden.
    assertThat(shipped.lunarNewYears()).isEmpty();
  }

  @Test
  void announcedTetBreakReplacesTheComputedTetDays() {
    WorkingDayCalendar rulesOnly = new WorkingDayCalendar(HolidayRules.none(), WorkingDayCalendar.DEFAULT_END_OF_DAY);
    WorkingDayCalendar shipped = WorkingDayCalendar.standard();
    // Computed: Tết 28 Jan-1 Feb 2025, Saturday 1 Feb compensated on Monday 3 Feb.
    assertThat(rulesOnly.whyNotWorking(LocalDate.of(2025, 2, 3))).contains("Nghỉ bù Tết Nguyên đán");
    assertThat(rulesOnly.isWorkingDay(LocalDate.of(2025, 1, 27))).isTrue();
    // Announced: 25 Jan-2 Feb, back at work on 3 Feb.
    assertThat(shipped.isWorkingDay(LocalDate.of(2025, 2, 3))).isTrue();
    assertThat(shipped.whyNotWorking(LocalDate.of(2025, 1, 27))).contains("Tết Nguyên đán");
  }

  @Test
  void lunarNewYearOverrideWinsOverTheComputation() {
    WorkingDayCalendar overridden = calendar("""
        years:
          2030:
            lunarNewYear: {date: 2030-02-03, source: "test: China's date instead of Vietnam's"}
        """);
    WorkingDayCalendar computed = new WorkingDayCalendar(HolidayRules.none(), WorkingDayCalendar.DEFAULT_END_OF_DAY);
    assertThat(computed.lunarNewYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    assertThat(overridden.lunarNewYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
    // The Tết days move with it: 1 Feb is the last day of the year only in the computed calendar.
    assertThat(computed.whyNotWorking(LocalDate.of(2030, 2, 1))).contains("Tết Nguyên đán");
    assertThat(overridden.isWorkingDay(LocalDate.of(2030, 2, 1))).isTrue();
  }

  @Test
  void hungKingsDayOverrideWins() {
    WorkingDayCalendar overridden = calendar("""
        years:
          2027:
            hungKingsDay: {date: 2027-04-15, source: test}
        """);
    assertThat(overridden.hungKingsDay(2027)).isEqualTo(LocalDate.of(2027, 4, 15));
    assertThat(overridden.whyNotWorking(LocalDate.of(2027, 4, 15))).contains("Giỗ Tổ Hùng Vương");
    assertThat(overridden.isWorkingDay(LocalDate.of(2027, 4, 16))).isTrue();
  }

  @Test
  void extraDaysOffSwapsAndTheThirdOfSeptemberApply() {
    WorkingDayCalendar adjusted = calendar("""
        years:
          2027:
            nationalDayAdjacent: {date: 2027-09-03, source: test}
            daysOff:
              - {date: 2027-11-24, reason: "Ngày Văn hóa Việt Nam", source: test}
            swaps:
              - {dayOff: 2027-12-31, workedSaturday: 2028-01-08, source: test}
        """);
    assertThat(adjusted.isWorkingDay(LocalDate.of(2027, 9, 1))).isTrue();
    assertThat(adjusted.whyNotWorking(LocalDate.of(2027, 9, 3))).contains("Quốc khánh");
    assertThat(adjusted.whyNotWorking(LocalDate.of(2027, 11, 24))).contains("Ngày Văn hóa Việt Nam");
    // A swap across the year end: both years see it.
    assertThat(adjusted.whyNotWorking(LocalDate.of(2027, 12, 31)))
        .contains("Nghỉ hoán đổi (làm bù Thứ Bảy 08/01/2028)");
    assertThat(adjusted.isWorkingDay(LocalDate.of(2028, 1, 8))).isTrue();
  }

  @Test
  void emptyFileMeansNoAdjustments() {
    assertThat(parse("# nothing announced yet\n").tetBreaks()).isEmpty();
    assertThat(parse("years:\n").swaps()).isEmpty();
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      years:\\n  2026:\\n    tet: {from: 2026-02-14, to: 2026-02-31, source: x}\\n | line 3 | to '2026-02-31' is not a valid date (expected yyyy-MM-dd)
      years:\\n  2026:\\n    teet: {from: 2026-02-14, to: 2026-02-22, source: x}\\n | line 3 | unknown key 'teet' in year 2026; expected one of [daysOff, hungKingsDay, lunarNewYear, nationalDayAdjacent, swaps, tet]
      years:\\n  2026:\\n    swaps:\\n      - {dayOff: 2026-01-02, workedSaturday: 2026-01-10, sorce: x}\\n | line 4 | unknown key 'sorce' in year 2026 swap entry
      years:\\n  2026:\\n    swaps:\\n      - {dayOff: 2026-01-02, workedSaturday: 2026-01-11, source: x}\\n | line 4 | workedSaturday 2026-01-11 is a SUNDAY, not a Saturday
      years:\\n  2026:\\n    swaps:\\n      - {dayOff: 2026-01-03, workedSaturday: 2026-01-10, source: x}\\n | line 4 | dayOff 2026-01-03 is a SATURDAY
      years:\\n  2026:\\n    daysOff:\\n      - {date: 2026-11-24, source: x}\\n | line 4 | year 2026 daysOff entry needs 'reason'
      years:\\n  2026:\\n    daysOff:\\n      - {date: 2027-11-24, reason: r, source: x}\\n | line 4 | date 2027-11-24 is not in 2026
      years:\\n  2026:\\n    nationalDayAdjacent: {date: 2026-09-04, source: x}\\n | line 3 | must be 1 or 3 September 2026
      years:\\n  2026:\\n    tet: {from: 2026-02-22, to: 2026-02-14, source: x}\\n | line 3 | 'to' 2026-02-14 is before 'from' 2026-02-22
      years:\\n  twenty:\\n    tet: {}\\n | line 3 | year key 'twenty' is not a year
      years:\\n  2026:\\n    tet: {from: 2026-02-14, to: 2026-02-22, source: x}\\n  2026:\\n    daysOff: []\\n | line 4 | duplicate key '2026' in 'years'
      holidays:\\n  2026: {}\\n | line 1 | unknown key 'holidays' in the top level
      years:\\n  2026:\\n    tet: [2026-02-14]\\n | line 3 | year 2026 tet must be a mapping
      years:\\n  2026:\\n    lunarNewYear:\\n      source: x\\n | line 4 | year 2026 lunarNewYear needs 'date' (a date yyyy-MM-dd)
      years:\\n  2026:\\n   tet: {from: 2026-02-14\\n | line | not valid YAML
      """)
  void aMalformedFileFailsWithAMessageNamingTheLine(String yaml, String line, String message) {
    String text = yaml.replace("\\n", "\n");
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageStartingWith("holidays file test.yaml")
        .hasMessageContaining(line)
        .hasMessageContaining(message);
  }

  @Test
  void aTetBreakThatMissesTheLunarNewYearFailsStartUp() {
    assertThatThrownBy(() -> calendar("""
        years:
          2026:
            tet: {from: 2026-02-07, to: 2026-02-15, source: "typo: a week early"}
        """))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageContaining("the Tết break of 2026 (2026-02-07..2026-02-15) does not contain the lunar new year 2026-02-17");
  }

  @Test
  void aWorkedSaturdayThatIsAHolidayFailsStartUp() {
    assertThatThrownBy(() -> calendar("""
        years:
          2027:
            swaps:
              - {dayOff: 2027-05-04, workedSaturday: 2027-05-01, source: test}
        """))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageContaining("Saturday 2027-05-01, to be worked in exchange for 2027-05-04, is Quốc tế Lao động");
  }

  @Test
  void aFileOnDiskReplacesTheShippedOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("holidays.yaml");
    Files.writeString(file, """
        years:
          2026:
            daysOff:
              - {date: 2026-11-24, reason: "Ngày Văn hóa Việt Nam", source: "admin test"}
        """, StandardCharsets.UTF_8);
    WorkingDayCalendar fromDisk = new WorkingDayCalendar(HolidayRules.fromFile(file), WorkingDayCalendar.DEFAULT_END_OF_DAY);
    assertThat(fromDisk.whyNotWorking(LocalDate.of(2026, 11, 24))).contains("Ngày Văn hóa Việt Nam");
    // The shipped 2025 adjustments are gone: replaced, not merged.
    assertThat(fromDisk.isWorkingDay(LocalDate.of(2025, 5, 2))).isTrue();
  }

  @Test
  void aMissingFileOnDiskFailsWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> HolidayRules.fromFile(missing))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString())
        .hasMessageContaining("THONGSUOT_HOLIDAYS_FILE");
  }
}
