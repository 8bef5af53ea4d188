package vn.thongsuot.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.EscalationLadder;

/**
 * The four-way status on a database of its own: each kind of visit a unit can have around a
 * report's period, and where it is counted (or why not), per unit and summed.
 */
class FourWayStatusTest {

  static final Instant FROM = Instant.parse("2027-03-27T07:55:00Z");
  static final Instant TO = Instant.parse("2027-04-27T07:55:00Z");

  @Test
  void answersInThePeriodAndWhatIsStillHeldAtTheCutOffAreCountedOnceEach() {
    DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:fourway-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    String dept = "province-31-finance";
    // Answered in the period: on time, late; before it (not counted); after the cut-off (open then).
    visit(jdbc, dept, "2027-04-01T00:00:00Z", "2027-04-10T10:00:00Z", "2027-04-05T00:00:00Z", "GUIDANCE_GIVEN", true);
    visit(jdbc, dept, "2027-04-01T00:00:00Z", "2027-04-10T10:00:00Z", "2027-04-20T00:00:00Z", "GUIDANCE_GIVEN", false);
    visit(jdbc, dept, "2027-03-01T00:00:00Z", "2027-03-10T10:00:00Z", "2027-03-05T00:00:00Z", "GUIDANCE_GIVEN", true);
    visit(jdbc, dept, "2027-04-20T00:00:00Z", "2027-05-10T10:00:00Z", "2027-04-28T00:00:00Z", "GUIDANCE_GIVEN", true);
    // Open at the cut-off: within its deadline, past it (assigned long before the period).
    visit(jdbc, dept, "2027-04-22T00:00:00Z", "2027-05-03T10:00:00Z", null, null, null);
    visit(jdbc, dept, "2027-01-05T00:00:00Z", "2027-01-15T10:00:00Z", null, null, null);
    // Not answers: escalated for no answer, withdrawn; and a commune's own task; and one assigned after the cut-off.
    visit(jdbc, dept, "2027-04-01T00:00:00Z", "2027-04-10T10:00:00Z", "2027-04-15T10:00:00Z", "NO_ANSWER", false);
    visit(jdbc, dept, "2027-04-01T00:00:00Z", "2027-04-10T10:00:00Z", "2027-04-03T10:00:00Z", "WITHDRAWN", null);
    visit(jdbc, "commune-10507", "2027-04-01T00:00:00Z", "2027-04-10T10:00:00Z", null, null, null);
    visit(jdbc, dept, "2027-04-27T08:00:00Z", "2027-05-10T10:00:00Z", null, null, null);
    visit(jdbc, "province-31-committee", "2027-04-02T00:00:00Z", "2027-04-20T10:00:00Z", null, null, null);

    OutstandingFigures figures = new OutstandingFigures(jdbc, UnitDirectory.fromClasspath(),
        mock(EscalationLadder.class), WorkingDayCalendar.standard());
    List<UnitStatus> units = figures.units(new ReportPeriod(1L, FROM, TO, null));

    assertThat(units).extracting(UnitStatus::unitGroup).containsExactly("province-31-committee", dept);
    UnitStatus department = units.get(1);
    assertThat(department.unitName()).isEqualTo("Sở Tài chính Thành phố Hải Phòng");
    assertThat(List.of(department.solvedOnTime(), department.solvedLate(), department.openWithinTerm(),
        department.openOverdue())).containsExactly(1, 1, 2, 1);
    assertThat(department.overdueShare()).isEqualTo(40.0);
    UnitStatus all = UnitStatus.sum("cả nước", units);
    assertThat(List.of(all.solvedOnTime(), all.solvedLate(), all.openWithinTerm(), all.openOverdue()))
        .containsExactly(1, 1, 2, 2);
    assertThat(ReportDocuments.percent(all.overdueShare())).isEqualTo("50,0%");
    assertThat(ReportDocuments.percent(UnitStatus.sum("x", List.of()).overdueShare())).isEqualTo("—");
    // The whole country sums a unit over provinces; a province reads its own rows.
    assertThat(ReportDocuments.byUnit(units, Optional.of("68"))).isEmpty();
    assertThat(ReportDocuments.byUnit(units, Optional.empty())).hasSize(2);
  }

  private static int n;

  private static void visit(JdbcTemplate jdbc, String group, String assigned, String deadline, String answered,
      String outcome, Boolean onTime) {
    String kind = group.startsWith("commune-") ? "COMMUNE" : group.endsWith("-committee") ? "PROVINCE_COMMITTEE"
        : "DEPARTMENT";
    jdbc.update("INSERT INTO ts_level_visit (issue_number, province_code, field_code, stage, unit_group, unit_kind,"
        + " assigned_at, deadline_at, answered_at, outcome, on_time, working_days) VALUES (?, '31', 'land',"
        + " 'DEPARTMENT', ?, ?, ?, ?, ?, ?, ?, ?)", "VM-2027-31-" + (++n), group, kind, ts(assigned), ts(deadline),
        ts(answered), outcome, onTime, answered == null ? null : 3);
  }

  private static Timestamp ts(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
