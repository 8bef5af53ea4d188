package vn.thongsuot.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.Commune;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.FieldRouting;
import vn.thongsuot.escalation.Stage;

/**
 * The four-way status of the responsible units and the outstanding-items annex of a report, from
 * the board's read model: the units' visits ({@code ts_level_visit}) and the issues' timelines.
 * What was open is read as at the cut-off (a visit answered after it was still open then), so a
 * report compiled again over the same period says the same, except where a deadline was extended
 * after the cut-off (the visit keeps only its latest deadline).
 */
@Service
public class OutstandingFigures {

  private final JdbcTemplate jdbc;
  private final UnitDirectory directory;
  private final EscalationLadder ladder;
  private final WorkingDayCalendar calendar;

  OutstandingFigures(JdbcTemplate jdbc, UnitDirectory directory, EscalationLadder ladder, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.ladder = ladder;
    this.calendar = calendar;
  }

  /**
   * Per province and responsible unit (departments, provincial committees, ministries, the
   * Government Office, the National Assembly; not the communes' own tasks): answers given in the
   * period on time and late, and what it still held at the cut-off within its deadline and past it.
   * A visit ended by its escalation timer ("no answer") or by a withdrawal is not an answer; the
   * escalation is counted in the report's figures.
   */
  public List<UnitStatus> units(ReportPeriod period) {
    Timestamp from = Timestamp.from(period.from() == null ? MonthlyFigures.BEFORE_ANY_EVENT : period.from());
    Timestamp to = Timestamp.from(period.to());
    String answered = "answered_at >= ? AND answered_at < ? AND outcome NOT IN ('NO_ANSWER', 'WITHDRAWN')";
    String open = "(answered_at IS NULL OR answered_at >= ?)";
    return jdbc.query("SELECT province_code, unit_group, unit_kind,"
        + " SUM(CASE WHEN " + answered + " AND COALESCE(on_time, TRUE) THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN " + answered + " AND NOT COALESCE(on_time, TRUE) THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN " + open + " AND (deadline_at IS NULL OR deadline_at >= ?) THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN " + open + " AND deadline_at < ? THEN 1 ELSE 0 END)"
        + " FROM ts_level_visit WHERE unit_kind <> 'COMMUNE' AND assigned_at < ?"
        + " AND (answered_at IS NULL OR answered_at >= ?)"
        + " GROUP BY province_code, unit_group, unit_kind ORDER BY province_code, unit_group",
        (rs, i) -> new UnitStatus(rs.getString(1), provinceName(rs.getString(1)), rs.getString(2), rs.getString(3),
            directory.unitNameOrId(rs.getString(2)), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)),
        from, to, from, to, to, to, to, to, to, from);
  }

  /** Every issue open at {@code cutoff} (filed before it, closed at or after it, or not at all). */
  public List<OpenItem> openItems(Instant cutoff) {
    Timestamp to = Timestamp.from(cutoff);
    String openAtCutoff = " i.filed_at < ? AND (i.status = 'OPEN' OR i.closed_at >= ?)";
    // Who held it at the cut-off: the latest visit still open then (a commune supplying information
    // holds it while the level's own visit waits).
    Map<String, Object[]> holders = new HashMap<>();
    jdbc.query("SELECT v.issue_number, v.unit_group, v.deadline_at FROM ts_level_visit v"
        + " JOIN ts_issue i ON i.issue_number = v.issue_number WHERE" + openAtCutoff
        + " AND v.assigned_at < ? AND (v.answered_at IS NULL OR v.answered_at >= ?) ORDER BY v.assigned_at, v.id",
        rs -> { holders.put(rs.getString(1), new Object[] {rs.getString(2), rs.getTimestamp(3)}); }, to, to, to, to);
    Map<String, int[]> counts = new HashMap<>();
    jdbc.query("SELECT e.issue_number, e.event_type, COUNT(*) FROM ts_issue_event e"
        + " JOIN ts_issue i ON i.issue_number = e.issue_number WHERE" + openAtCutoff + " AND e.occurred_at < ?"
        + " AND (e.event_type = 'DEADLINE_EXTENDED' OR (e.event_type = 'ASSIGNED' AND e.level_code <> 'DEPARTMENT'))"
        + " GROUP BY e.issue_number, e.event_type", rs -> {
          int[] c = counts.computeIfAbsent(rs.getString(1), k -> new int[2]);
          c["ASSIGNED".equals(rs.getString(2)) ? 0 : 1] += rs.getInt(3);
        }, to, to, to);
    Map<String, String> fieldNames = new LinkedHashMap<>();
    List<OpenItem> items = new ArrayList<>();
    jdbc.query("SELECT i.issue_number, i.province_code, i.commune_code, i.field_code, i.current_group,"
        + " i.deadline_at, i.current_level FROM ts_issue i WHERE" + openAtCutoff
        + " ORDER BY i.province_code, i.issue_number", rs -> {
          String number = rs.getString(1);
          Object[] holder = holders.get(number);
          String group = holder != null ? (String) holder[0] : rs.getString(5);
          Timestamp deadlineAt = holder != null ? (Timestamp) holder[1] : rs.getTimestamp(6);
          Instant deadline = deadlineAt == null ? null : deadlineAt.toInstant();
          boolean timerWait = holder == null && Stage.of(rs.getString(7)).map(Stage::isTimerWait).orElse(false);
          int overdue = deadline == null || timerWait || !deadline.isBefore(cutoff) ? 0
              : Math.max(0, calendar.workingDaysBetween(deadline, cutoff));
          String field = rs.getString(4);
          int[] c = counts.getOrDefault(number, new int[2]);
          items.add(new OpenItem(number, rs.getString(2), rs.getString(3),
              directory.commune(rs.getString(3)).map(Commune::name).orElse(rs.getString(3)), field,
              fieldNames.computeIfAbsent(field, f -> ladder.routing(f).map(FieldRouting::fieldName).orElse(f)),
              group, group == null ? null : directory.unitNameOrId(group), deadline, overdue, c[0], c[1]));
        }, to, to);
    return items;
  }

  private String provinceName(String code) {
    return directory.province(code).map(p -> p.name()).orElse(code);
  }
}
