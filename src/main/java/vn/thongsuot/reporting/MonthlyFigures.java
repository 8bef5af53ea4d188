package vn.thongsuot.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.FieldRouting;
import vn.thongsuot.escalation.Level;

/**
 * Computes a month's figures per province and field from Thông suốt's own read model
 * ({@code ts_issue}, {@code ts_issue_event}, {@code ts_level_visit}), never from Camunda's history,
 * which a history clean-up may already have removed. The month runs from 00:00 on its first day to
 * 00:00 on the next month's first day in Vietnam's time zone. "Filed" counts issues by the month
 * they were filed; every other figure by the month its event happened, so each month's report adds
 * up to the year's without counting anything twice (docs/monthly-report.md).
 */
@Service
public class MonthlyFigures {

  private static final Logger LOG = LoggerFactory.getLogger(MonthlyFigures.class);
  /** The lower bound of the first report: before the service's first event, whatever the clock said. */
  static final Instant BEFORE_ANY_EVENT = Instant.parse("1900-01-01T00:00:00Z");

  private final JdbcTemplate jdbc;
  private final UnitDirectory directory;
  private final EscalationLadder ladder;

  MonthlyFigures(JdbcTemplate jdbc, UnitDirectory directory, EscalationLadder ladder) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.ladder = ladder;
  }

  /**
   * The lines of a report over its period (events at or after {@code from}, before {@code to}):
   * province × field, then each province's and the country's total.
   */
  public List<ReportLine> compile(ReportPeriod period) {
    Timestamp from = Timestamp.from(period.from() == null ? BEFORE_ANY_EVENT : period.from());
    Timestamp to = Timestamp.from(period.to());
    Map<String, Tally> cells = new TreeMap<>();

    jdbc.query("SELECT province_code, field_code, COUNT(*) FROM ts_issue"
        + " WHERE filed_at >= ? AND filed_at < ? GROUP BY province_code, field_code",
        rs -> { tally(cells, rs.getString(1), rs.getString(2)).filed += rs.getInt(3); }, from, to);

    // The RESOLVED event carries the level whose answer the commune accepted (answeredLevel).
    jdbc.query("SELECT i.province_code, i.field_code, e.level_code, COUNT(*) FROM ts_issue_event e"
        + " JOIN ts_issue i ON i.issue_number = e.issue_number"
        + " WHERE e.event_type = 'RESOLVED' AND e.occurred_at >= ? AND e.occurred_at < ?"
        + " GROUP BY i.province_code, i.field_code, e.level_code", rs -> {
          Tally t = tally(cells, rs.getString(1), rs.getString(2));
          int count = rs.getInt(4);
          t.resolved += count;
          Level level = Level.of(rs.getString(3)).orElse(null);
          if (level == null) {
            LOG.warn("RESOLVED events without a known level ({}) count in the total only", rs.getString(3));
          } else {
            t.resolvedByLevel[level.ordinal()] += count;
          }
        }, from, to);

    jdbc.query("SELECT i.province_code, i.field_code, e.event_type, COUNT(*) FROM ts_issue_event e"
        + " JOIN ts_issue i ON i.issue_number = e.issue_number"
        + " WHERE e.event_type IN ('DEADLINE_PASSED', 'ESCALATED_NO_ANSWER')"
        + " AND e.occurred_at >= ? AND e.occurred_at < ?"
        + " GROUP BY i.province_code, i.field_code, e.event_type", rs -> {
          Tally t = tally(cells, rs.getString(1), rs.getString(2));
          if ("DEADLINE_PASSED".equals(rs.getString(3))) {
            t.overdue += rs.getInt(4);
          } else {
            t.escalated += rs.getInt(4);
          }
        }, from, to);

    // Answers of the responsible units (not the commune's own tasks, not escalation timers, not
    // visits ended by a withdrawal), in the month they were given.
    jdbc.query("SELECT province_code, field_code, working_days FROM ts_level_visit"
        + " WHERE answered_at >= ? AND answered_at < ? AND working_days IS NOT NULL"
        + " AND unit_kind <> 'COMMUNE' AND outcome NOT IN ('NO_ANSWER', 'WITHDRAWN')",
        rs -> { tally(cells, rs.getString(1), rs.getString(2)).days.add(rs.getInt(3)); }, from, to);

    List<ReportLine> lines = new ArrayList<>();
    Map<String, Tally> provinces = new TreeMap<>();
    Tally country = new Tally();
    Map<String, String> fieldNames = new TreeMap<>();
    for (Map.Entry<String, Tally> cell : cells.entrySet()) {
      String province = cell.getKey().substring(0, cell.getKey().indexOf('|'));
      String field = cell.getKey().substring(cell.getKey().indexOf('|') + 1);
      String fieldName = fieldNames.computeIfAbsent(field,
          f -> ladder.routing(f).map(FieldRouting::fieldName).orElse(f));
      lines.add(cell.getValue().line(province, provinceName(province), field, fieldName));
      provinces.computeIfAbsent(province, p -> new Tally()).add(cell.getValue());
      country.add(cell.getValue());
    }
    provinces.forEach((province, total) ->
        lines.add(total.line(province, provinceName(province), ReportLine.ALL_FIELDS, "Tất cả lĩnh vực")));
    lines.add(country.line(ReportLine.COUNTRY, "Cả nước", ReportLine.ALL_FIELDS, "Tất cả lĩnh vực"));
    return lines;
  }

  /** When the service's first event before {@code to} happened (the first report starts there). */
  public Instant firstEventBefore(Instant to) {
    Timestamp first = jdbc.queryForObject("SELECT MIN(filed_at) FROM ts_issue WHERE filed_at < ?",
        Timestamp.class, Timestamp.from(to));
    return first == null ? null : first.toInstant();
  }

  private String provinceName(String code) {
    return directory.province(code).map(p -> p.name()).orElse(code);
  }

  private static Tally tally(Map<String, Tally> cells, String province, String field) {
    return cells.computeIfAbsent(province + "|" + field, k -> new Tally());
  }

  /** The exact median (the mean of the two middle values for an even count), null without answers. */
  static Double median(List<Integer> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2.0;
  }

  private static final class Tally {
    int filed;
    int resolved;
    final int[] resolvedByLevel = new int[Level.values().length];
    int overdue;
    int escalated;
    final List<Integer> days = new ArrayList<>();

    void add(Tally other) {
      filed += other.filed;
      resolved += other.resolved;
      for (int i = 0; i < resolvedByLevel.length; i++) {
        resolvedByLevel[i] += other.resolvedByLevel[i];
      }
      overdue += other.overdue;
      escalated += other.escalated;
      days.addAll(other.days);
    }

    ReportLine line(String province, String provinceName, String field, String fieldName) {
      return new ReportLine(province, provinceName, field, fieldName, filed, resolved,
          resolvedByLevel[Level.DEPARTMENT.ordinal()], resolvedByLevel[Level.PROVINCE.ordinal()],
          resolvedByLevel[Level.MINISTRY.ordinal()], resolvedByLevel[Level.GOVERNMENT.ordinal()],
          resolvedByLevel[Level.NATIONAL_ASSEMBLY.ordinal()], overdue, escalated, days.size(),
          median(days));
    }
  }
}
