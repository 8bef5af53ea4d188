package vn.thongsuot.monitoring;

import static vn.thongsuot.system.SqlTimes.ts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.thongsuot.calendar.WorkingDayCalendar;

/**
 * The level-transition read model: a visit per unit holding an issue ({@code ts_level_visit}),
 * and per unit and month the counters and working-day histogram of the league tables
 * ({@code ts_unit_month}, {@code ts_unit_month_days}, and per year {@code ts_unit_year},
 * {@code ts_unit_year_days}). Written by the escalation process in the engine's transaction (the
 * counters just before its commit, {@link CounterRows#add}); counted by the month (year) the unit
 * received the issue.
 */
@Repository
class LevelVisits {

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final CounterRows counters;

  LevelVisits(JdbcTemplate jdbc, WorkingDayCalendar calendar, CounterRows counters) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.counters = counters;
  }

  /** A unit received the issue at a stage. */
  void open(String issueNumber, String provinceCode, String field, String stage, String unitGroup,
      Instant at, Instant deadline, boolean arrivedEscalated) {
    UnitKind kind = UnitKind.of(unitGroup);
    jdbc.update("INSERT INTO ts_level_visit (issue_number, province_code, field_code, stage, unit_group,"
        + " unit_kind, assigned_at, deadline_at, arrived_escalated) VALUES (?,?,?,?,?,?,?,?,?)",
        issueNumber, provinceCode, field, stage, unitGroup, kind.name(), ts(at), ts(deadline),
        arrivedEscalated);
    String province = kind.provinceOf(provinceCode);
    for (Rollup rollup : ROLLUPS) {
      int period = rollup.period(at);
      counters.createIfAbsent("SELECT COUNT(*) FROM " + rollup.counters() + " WHERE " + rollup.key()
          + " = ? AND unit_group = ?", new Object[] {period, unitGroup},
          "INSERT INTO " + rollup.counters() + " (" + rollup.key() + ", unit_group, unit_kind, province_code)"
              + " VALUES (?,?,?,?)", period, unitGroup, kind.name(), province);
      counters.add("UPDATE " + rollup.counters() + " SET received = received + ? WHERE " + rollup.key()
          + " = ? AND unit_group = ?", period, unitGroup);
    }
  }

  /**
   * The unit answered (or its escalation timer answered for it: outcome NO_ANSWER). Closes its open
   * visit and counts it on time, late or unanswered, with the working days it took.
   */
  void answer(String issueNumber, String unitGroup, String outcome, Instant at) {
    List<Map<String, Object>> open = jdbc.queryForList("SELECT id, assigned_at, deadline_at, unit_kind,"
        + " province_code FROM ts_level_visit WHERE issue_number = ? AND unit_group = ?"
        + " AND answered_at IS NULL", issueNumber, unitGroup);
    for (Map<String, Object> visit : open) {
      Instant assigned = ((Timestamp) visit.get("assigned_at")).toInstant();
      Timestamp deadline = (Timestamp) visit.get("deadline_at");
      boolean noAnswer = "NO_ANSWER".equals(outcome);
      Boolean onTime = noAnswer ? Boolean.FALSE : deadline == null || !at.isAfter(deadline.toInstant());
      int days = Math.max(0, calendar.workingDaysBetween(assigned, at));
      jdbc.update("UPDATE ts_level_visit SET answered_at = ?, outcome = ?, on_time = ?, working_days = ?"
          + " WHERE id = ?", ts(at), outcome, onTime, days, visit.get("id"));
      String column = noAnswer ? "no_answer" : onTime ? "on_time" : "late";
      String kind = (String) visit.get("unit_kind");
      String province = UnitKind.valueOf(kind).provinceOf((String) visit.get("province_code"));
      for (Rollup rollup : ROLLUPS) {
        int period = rollup.period(assigned);
        counters.add("UPDATE " + rollup.counters() + " SET " + column + " = " + column + " + ?"
            + " WHERE " + rollup.key() + " = ? AND unit_group = ?", period, unitGroup);
        if (!noAnswer) {
          counters.createIfAbsent("SELECT COUNT(*) FROM " + rollup.days() + " WHERE " + rollup.key()
              + " = ? AND unit_group = ? AND working_days = ?", new Object[] {period, unitGroup, days},
              "INSERT INTO " + rollup.days() + " (" + rollup.key() + ", unit_group, working_days, unit_kind,"
                  + " province_code) VALUES (?,?,?,?,?)", period, unitGroup, days, kind, province);
          counters.add("UPDATE " + rollup.days() + " SET answers = answers + ? WHERE " + rollup.key()
              + " = ? AND unit_group = ? AND working_days = ?", period, unitGroup, days);
        }
      }
    }
  }

  /** The open visit's deadline moved (a supervisor's extension, a resumed clock). */
  void moveDeadline(String issueNumber, String unitGroup, Instant deadline) {
    jdbc.update("UPDATE ts_level_visit SET deadline_at = ? WHERE issue_number = ? AND unit_group = ?"
        + " AND answered_at IS NULL", ts(deadline), issueNumber, unitGroup);
  }

  /** The commune withdrew the issue: open visits end without counting for or against anyone. */
  void cancel(String issueNumber, Instant at) {
    jdbc.update("UPDATE ts_level_visit SET answered_at = ?, outcome = 'WITHDRAWN' WHERE issue_number = ?"
        + " AND answered_at IS NULL", ts(at), issueNumber);
  }

  /** Counters kept per month and, for year-long tables, per year: same rows, coarser key. */
  record Rollup(String counters, String days, String key, boolean yearly) {
    int period(Instant at) {
      int month = yearMonth(at);
      return yearly ? month / 100 : month;
    }
  }

  static final List<Rollup> ROLLUPS = List.of(
      new Rollup("ts_unit_month", "ts_unit_month_days", "year_month", false),
      new Rollup("ts_unit_year", "ts_unit_year_days", "year_no", true));

  static int yearMonth(Instant at) {
    return Period.key(YearMonth.from(at.atZone(WorkingDayCalendar.VIETNAM)));
  }

}
