package vn.thongsuot.reporting;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import vn.thongsuot.monitoring.Period;

/**
 * The monthly reports ({@code ts_monthly_report}) and their lines ({@code ts_monthly_report_row}).
 * Written inside the engine's transaction by the MonthlyReport process's delegates.
 */
@Service
public class MonthlyReports {

  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";
  /** A published report replaced by a later approved one for the same month. */
  public static final String SUPERSEDED = "SUPERSEDED";

  private final JdbcTemplate jdbc;

  MonthlyReports(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The period of a report of {@code month} cut off at {@code cutoff}: it follows the latest
   * published report of an earlier month (a second run of the same month follows the same one and
   * replaces the first when published), or is the first report and starts at the first event.
   */
  public ReportPeriod nextPeriod(YearMonth month, Instant cutoff, Instant firstEvent) {
    List<ReportPeriod> previous = jdbc.query("SELECT id, period_to FROM ts_monthly_report"
        + " WHERE status = ? AND year_month < ? ORDER BY year_month DESC, period_to DESC",
        (rs, i) -> new ReportPeriod(rs.getLong(1), rs.getTimestamp(2).toInstant(), cutoff, null),
        PUBLISHED, code(month));
    if (previous.isEmpty()) {
      return new ReportPeriod(null, null, cutoff, firstEvent);
    }
    ReportPeriod after = previous.get(0);
    if (!after.from().isBefore(cutoff)) {
      throw new IllegalStateException("The report of " + month + " cut off at " + cutoff
          + " would follow report " + after.previousReportId() + ", cut off later at " + after.from());
    }
    return after;
  }

  /** A new draft for the month over its period; its id. */
  public long createDraft(YearMonth month, String processInstanceId, ReportPeriod period, List<ReportLine> lines,
      Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO ts_monthly_report"
          + " (year_month, status, process_instance_id, compiled_at, period_from, period_to, first_event_at,"
          + " previous_report_id) VALUES (?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      insert.setInt(1, code(month));
      insert.setString(2, DRAFT);
      insert.setString(3, processInstanceId);
      insert.setTimestamp(4, Timestamp.from(now));
      insert.setTimestamp(5, timestamp(period.from()));
      insert.setTimestamp(6, Timestamp.from(period.to()));
      insert.setTimestamp(7, timestamp(period.firstEventAt()));
      if (period.previousReportId() == null) {
        insert.setNull(8, Types.BIGINT);
      } else {
        insert.setLong(8, period.previousReportId());
      }
      return insert;
    }, key);
    long id = key.getKey().longValue();
    insertLines(id, lines);
    return id;
  }

  /** The draft's stored period: its cut-off never changes, so a recompilation counts the same events. */
  public ReportPeriod period(long id) {
    return jdbc.queryForObject("SELECT previous_report_id, period_from, period_to, first_event_at"
        + " FROM ts_monthly_report WHERE id = ?", (rs, i) -> new ReportPeriod(
            rs.getObject(1) == null ? null : rs.getLong(1), instant(rs.getTimestamp(2)),
            rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4))), id);
  }

  public YearMonth month(long id) {
    int month = jdbc.queryForObject("SELECT year_month FROM ts_monthly_report WHERE id = ?", Integer.class, id);
    return YearMonth.of(month / 100, month % 100);
  }

  /**
   * The draft's figures computed again (after the reviewers returned it), over its period re-based
   * on the report now published before it; their comment is kept.
   */
  public void recompile(long id, ReportPeriod period, List<ReportLine> lines, String reviewComment, Instant now) {
    jdbc.update("DELETE FROM ts_monthly_report_row WHERE report_id = ?", id);
    insertLines(id, lines);
    jdbc.update("UPDATE ts_monthly_report SET compiled_at = ?, compilations = compilations + 1,"
        + " review_comment = ?, period_from = ?, first_event_at = ?, previous_report_id = ?"
        + " WHERE id = ? AND status = ?", Timestamp.from(now), reviewComment, timestamp(period.from()),
        timestamp(period.firstEventAt()), period.previousReportId(), id, DRAFT);
  }

  /** The reviewers' latest comment, kept with the report. */
  public void comment(long id, String reviewComment) {
    jdbc.update("UPDATE ts_monthly_report SET review_comment = ? WHERE id = ?", reviewComment, id);
  }

  /**
   * Publishes the draft. Publications are serialised by a row lock (two nodes approving at once:
   * the second waits, then sees the first). The draft must still follow a published report (or be
   * the first); a published report of the same month that follows the same one is superseded by it
   * (a re-run of the month). Anything else would leave a gap or count events twice:
   * {@link StaleReportException}, and nothing changes.
   */
  public void publish(long id, String approvedBy, Instant now) {
    jdbc.update("UPDATE ts_monthly_report_chain SET version = version + 1 WHERE id = 1");
    Map<String, Object> draft = jdbc.queryForMap("SELECT year_month, previous_report_id, status"
        + " FROM ts_monthly_report WHERE id = ?", id);
    if (!DRAFT.equals(draft.get("status"))) {
      throw new IllegalStateException("Report " + id + " is " + draft.get("status") + ", not a draft");
    }
    int month = ((Number) draft.get("year_month")).intValue();
    Number previous = (Number) draft.get("previous_report_id");
    long after = previous == null ? 0 : previous.longValue();
    if (previous != null && !PUBLISHED.equals(status(after))) {
      throw new StaleReportException("Báo cáo trước kỳ này đã được thay bằng báo cáo khác trong lúc duyệt;"
          + " trả lại để tổng hợp lại số liệu theo kỳ mới.");
    }
    List<Map<String, Object>> replaced = jdbc.queryForList("SELECT id, year_month FROM ts_monthly_report"
        + " WHERE published_after = ?", after);
    for (Map<String, Object> other : replaced) {
      long otherId = ((Number) other.get("id")).longValue();
      Integer followers = jdbc.queryForObject("SELECT COUNT(*) FROM ts_monthly_report WHERE published_after = ?",
          Integer.class, otherId);
      if (((Number) other.get("year_month")).intValue() != month || followers > 0) {
        throw new StaleReportException("Một báo cáo khác đã được công bố sau báo cáo trước kỳ này trong lúc"
            + " duyệt; trả lại để tổng hợp lại số liệu theo kỳ mới, nối tiếp báo cáo đó.");
      }
    }
    Integer sameMonth = jdbc.queryForObject("SELECT COUNT(*) FROM ts_monthly_report WHERE published_month = ?"
        + " AND (published_after IS NULL OR published_after <> ?)", Integer.class, month, after);
    if (sameMonth > 0) {
      throw new StaleReportException("Tháng này đã có báo cáo được công bố theo một kỳ khác;"
          + " trả lại để tổng hợp lại số liệu theo kỳ mới.");
    }
    jdbc.update("UPDATE ts_monthly_report SET status = ?, published_month = NULL, published_after = NULL"
        + " WHERE published_after = ?", SUPERSEDED, after);
    jdbc.update("UPDATE ts_monthly_report SET status = ?, published_at = ?, approved_by = ?,"
        + " published_month = year_month, published_after = ? WHERE id = ?", PUBLISHED, Timestamp.from(now),
        approvedBy, after, id);
  }

  public String status(long id) {
    return jdbc.queryForObject("SELECT status FROM ts_monthly_report WHERE id = ?", String.class, id);
  }

  /** Published reports, newest month first. */
  public List<PublishedReport> published() {
    return jdbc.query(SELECT_PUBLISHED + " WHERE status = 'PUBLISHED' ORDER BY year_month DESC",
        MonthlyReports::report);
  }

  public Optional<PublishedReport> published(YearMonth month) {
    return jdbc.query(SELECT_PUBLISHED + " WHERE published_month = ?", MonthlyReports::report, code(month))
        .stream().findFirst();
  }

  /** The report's lines, in a stable order: provinces, each province's fields, its total, the country. */
  public List<ReportLine> lines(long reportId) {
    return jdbc.query("SELECT province_code, province_name, field_code, field_name, filed, resolved,"
        + " resolved_department, resolved_province, resolved_ministry, resolved_government,"
        + " resolved_national_assembly, overdue, escalated_no_answer, answers, median_working_days"
        + " FROM ts_monthly_report_row WHERE report_id = ?"
        + " ORDER BY CASE WHEN province_code = '" + ReportLine.COUNTRY + "' THEN 1 ELSE 0 END,"
        + " province_code, CASE WHEN field_code = '" + ReportLine.ALL_FIELDS + "' THEN 1 ELSE 0 END,"
        + " field_code", (rs, i) -> new ReportLine(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
            rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
            rs.getBigDecimal(15) == null ? null : rs.getBigDecimal(15).doubleValue()), reportId);
  }

  /** The units' four-way status and the open items, replacing what an earlier compilation stored. */
  public void storeStatus(long id, List<UnitStatus> units, List<OpenItem> items) {
    jdbc.update("DELETE FROM ts_monthly_report_unit WHERE report_id = ?", id);
    jdbc.update("DELETE FROM ts_monthly_report_open_item WHERE report_id = ?", id);
    jdbc.batchUpdate("INSERT INTO ts_monthly_report_unit (report_id, province_code, province_name, unit_group,"
        + " unit_kind, unit_name, solved_on_time, solved_late, open_within_term, open_overdue)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?)", units, 200, (ps, u) -> {
          ps.setLong(1, id);
          ps.setString(2, u.provinceCode());
          ps.setString(3, u.provinceName());
          ps.setString(4, u.unitGroup());
          ps.setString(5, u.unitKind());
          ps.setString(6, u.unitName());
          ps.setInt(7, u.solvedOnTime());
          ps.setInt(8, u.solvedLate());
          ps.setInt(9, u.openWithinTerm());
          ps.setInt(10, u.openOverdue());
        });
    jdbc.batchUpdate("INSERT INTO ts_monthly_report_open_item (report_id, issue_number, province_code,"
        + " commune_code, commune_name, field_code, field_name, holder_group, holder_name, deadline_at,"
        + " days_overdue, escalations, extensions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", items, 500, (ps, o) -> {
          ps.setLong(1, id);
          ps.setString(2, o.issueNumber());
          ps.setString(3, o.provinceCode());
          ps.setString(4, o.communeCode());
          ps.setString(5, o.communeName());
          ps.setString(6, o.fieldCode());
          ps.setString(7, o.fieldName());
          ps.setString(8, o.holderGroup());
          ps.setString(9, o.holderName());
          ps.setTimestamp(10, timestamp(o.deadline()));
          ps.setInt(11, o.daysOverdue());
          ps.setInt(12, o.escalations());
          ps.setInt(13, o.extensions());
        });
  }

  /** The units' four-way status, by province then unit. */
  public List<UnitStatus> units(long reportId) {
    return jdbc.query("SELECT province_code, province_name, unit_group, unit_kind, unit_name, solved_on_time,"
        + " solved_late, open_within_term, open_overdue FROM ts_monthly_report_unit WHERE report_id = ?"
        + " ORDER BY province_code, unit_kind, unit_group", (rs, i) -> new UnitStatus(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
            rs.getInt(8), rs.getInt(9)), reportId);
  }

  /** The outstanding-items annex, most overdue first. */
  public List<OpenItem> openItems(long reportId) {
    return jdbc.query("SELECT issue_number, province_code, commune_code, commune_name, field_code, field_name,"
        + " holder_group, holder_name, deadline_at, days_overdue, escalations, extensions"
        + " FROM ts_monthly_report_open_item WHERE report_id = ?"
        + " ORDER BY days_overdue DESC, province_code, issue_number", (rs, i) -> new OpenItem(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), instant(rs.getTimestamp(9)), rs.getInt(10), rs.getInt(11), rs.getInt(12)), reportId);
  }

  static int code(YearMonth month) {
    return Period.key(month);
  }

  private static final String SELECT_PUBLISHED = "SELECT id, year_month, compiled_at, published_at,"
      + " approved_by, review_comment, period_from, period_to, first_event_at, previous_report_id"
      + " FROM ts_monthly_report";

  private static PublishedReport report(ResultSet rs, int row) throws SQLException {
    int month = rs.getInt(2);
    ReportPeriod period = new ReportPeriod(rs.getObject(10) == null ? null : rs.getLong(10),
        instant(rs.getTimestamp(7)), rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9)));
    return new PublishedReport(rs.getLong(1), YearMonth.of(month / 100, month % 100),
        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), period);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private void insertLines(long id, List<ReportLine> lines) {
    jdbc.batchUpdate("INSERT INTO ts_monthly_report_row (report_id, province_code, province_name,"
        + " field_code, field_name, filed, resolved, resolved_department, resolved_province,"
        + " resolved_ministry, resolved_government, resolved_national_assembly, overdue,"
        + " escalated_no_answer, answers, median_working_days) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        lines, 200, (ps, l) -> {
          ps.setLong(1, id);
          ps.setString(2, l.provinceCode());
          ps.setString(3, l.provinceName());
          ps.setString(4, l.fieldCode());
          ps.setString(5, l.fieldName());
          ps.setInt(6, l.filed());
          ps.setInt(7, l.resolved());
          ps.setInt(8, l.resolvedDepartment());
          ps.setInt(9, l.resolvedProvince());
          ps.setInt(10, l.resolvedMinistry());
          ps.setInt(11, l.resolvedGovernment());
          ps.setInt(12, l.resolvedNationalAssembly());
          ps.setInt(13, l.overdue());
          ps.setInt(14, l.escalatedNoAnswer());
          ps.setInt(15, l.answers());
          if (l.medianWorkingDays() == null) {
            ps.setNull(16, java.sql.Types.DECIMAL);
          } else {
            ps.setBigDecimal(16, java.math.BigDecimal.valueOf(l.medianWorkingDays()));
          }
        });
  }
}
