package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.thongsuot.escalation.VietnameseDates;

/**
 * What changing the calendar means for the calendar itself: a holiday a law adds is a data entry,
 * a version replaces the rules while a computation in flight keeps its own, the differences between
 * two versions, and when a day ends.
 */
class CalendarChangesTest {

  private static HolidayRules parse(String yaml) {
    return HolidayRules.parse("test.yaml", new StringReader(yaml));
  }

  private static Instant vietnam(LocalDateTime local) {
    return local.atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }

  @Test
  void aHolidayTheLawAddsFromAGivenYearIsADataEntry() {
    WorkingDayCalendar calendar = new WorkingDayCalendar(parse("""
        fixedHolidays:
          - {day: "11-24", name: "Ngày Văn hóa Việt Nam", fromYear: 2027, source: "test: an amended art. 112", verified: false}
        """), WorkingDayCalendar.DEFAULT_END_OF_DAY);
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
    assertThat(calendar.whyNotWorking(LocalDate.of(2027, 11, 24))).contains("Ngày Văn hóa Việt Nam");
    assertThat(calendar.whyNotWorking(LocalDate.of(2028, 11, 24))).contains("Ngày Văn hóa Việt Nam");
    // A public holiday like the others: on Saturday 24 November 2029 it gives Monday 26 off.
    assertThat(calendar.whyNotWorking(LocalDate.of(2029, 11, 26))).contains("Nghỉ bù Ngày Văn hóa Việt Nam");
  }

  @Test
  void aFixedHolidayIsCheckedLikeEveryOtherEntry() {
    assertThatThrownBy(() -> parse("fixedHolidays:\n  - {day: \"11-31\", name: x, fromYear: 2027, source: x}\n"))
        .hasMessageContaining("line 2").hasMessageContaining("day '11-31' is not a month and day");
    assertThatThrownBy(() -> parse("fixedHolidays:\n  - {day: \"09-02\", name: x, fromYear: 2027, source: x}\n"))
        .hasMessageContaining("already a public holiday of Labour Code art. 112");
    assertThatThrownBy(() -> parse("fixedHolidays:\n  - {day: \"11-24\", name: x, source: x}\n"))
        .hasMessageContaining("needs 'fromYear'");
    assertThatThrownBy(() -> parse("fixedHolidays:\n  - {day: \"11-24\", name: x, fromYear: 2027, untilYear: 2026,"
        + " source: x}\n")).hasMessageContaining("untilYear 2026 is before fromYear 2027");
    assertThatThrownBy(() -> parse("years:\n  2026:\n    tet: {from: 2026-02-14, to: 2026-02-22, source: x,"
        + " verified: yes}\n")).hasMessageContaining("line 3").hasMessageContaining("verified must be true or false");
  }

  @Test
  void aNewVersionReplacesTheRulesButACountInFlightKeepsItsOwn() {
    WorkingDayCalendar calendar = WorkingDayCalendar.standard();
    WorkingDayCalendar inFlight = calendar.current();
    LocalDate friday = LocalDate.of(2027, 2, 12);
    assertThat(calendar.isWorkingDay(friday)).isTrue();

    calendar.replace(parse("""
        years:
          2027:
            tet: {from: 2027-02-05, to: 2027-02-14, source: "test announcement", verified: true}
        """), 7);

    assertThat(calendar.version()).isEqualTo(7);
    assertThat(calendar.whyNotWorking(friday)).contains("Tết Nguyên đán");
    assertThat(calendar.rules().tetAnnounced(2027)).isTrue();
    assertThat(inFlight.version()).isZero();
    assertThat(inFlight.isWorkingDay(friday)).isTrue();
    // Only Friday 12 February stops being a working day; the weekend and the compensatory days
    // around it are now named after the announced break.
    assertThat(calendar.changesSince(inFlight, 2027, 2027)).filteredOn(WorkingDayCalendar.DayChange::workingDayGainedOrLost)
        .extracting(WorkingDayCalendar.DayChange::date).containsExactly(friday);
    assertThat(calendar.changesSince(inFlight, 2027, 2027)).extracting(WorkingDayCalendar.DayChange::date)
        .contains(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 13), LocalDate.of(2027, 2, 14));
  }

  @Test
  void anInvalidVersionIsRefusedAndChangesNothing() {
    WorkingDayCalendar calendar = WorkingDayCalendar.standard();
    // The break does not contain Tết (6 Feb 2027): refused by the same check as the file at start-up.
    assertThatThrownBy(() -> calendar.replace(parse("""
        years:
          2027:
            tet: {from: 2027-02-08, to: 2027-02-12, source: x}
        """), 2)).isInstanceOf(HolidayFileException.class).hasMessageContaining("does not contain the lunar new year");
    assertThat(calendar.version()).isZero();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
  }

  @Test
  void aWorkingDayEndsAt1700ByDefaultAndAt2400WhenSetSo() {
    Instant monday = vietnam(LocalDateTime.of(2026, 11, 23, 9, 0));
    WorkingDayCalendar office = WorkingDayCalendar.standard();
    assertThat(office.deadline(monday, 1)).isEqualTo(vietnam(LocalDateTime.of(2026, 11, 24, 17, 0)));
    assertThat(VietnameseDates.dateTime(office.deadline(monday, 1))).isEqualTo("17:00 ngày 24/11/2026");

    WorkingDayCalendar civilCode = new WorkingDayCalendar(HolidayRules.shipped(),
        CalendarConfiguration.parseEndOfDay("24:00"));
    Instant deadline = civilCode.deadline(monday, 1);
    // The last millisecond of Tuesday 24: still that day for every count, and read as 24:00.
    assertThat(deadline).isEqualTo(vietnam(LocalDateTime.of(2026, 11, 24, 23, 59, 59, 999_000_000)));
    assertThat(VietnameseDates.dateTime(deadline)).isEqualTo("24:00 ngày 24/11/2026");
    assertThat(civilCode.endOfDayText()).isEqualTo("24:00");
    assertThat(civilCode.addWorkingDays(deadline, 3)).isEqualTo(civilCode.deadline(deadline, 3));
    assertThat(civilCode.workingDaysBetween(monday, deadline)).isEqualTo(1);
    assertThat(CalendarConfiguration.parseEndOfDay("16:30")).isEqualTo(LocalTime.of(16, 30));
    assertThatThrownBy(() -> CalendarConfiguration.parseEndOfDay("00:00")).hasMessageContaining("use 24:00");
  }
}
