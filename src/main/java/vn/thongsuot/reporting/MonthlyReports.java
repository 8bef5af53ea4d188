package vn.thongsuot.reporting;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
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

  /** A new draft for the month; its id. */
  public long createDraft(YearMonth month, String processInstanceId, List<ReportLine> lines, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO ts_monthly_report"
          + " (year_month, status, process_instance_id, compiled_at) VALUES (?,?,?,?)",
          new String[] {"id"});
      insert.setInt(1, code(month));
      insert.setString(2, DRAFT);
      insert.setString(3, processInstanceId);
      insert.setTimestamp(4, Timestamp.from(now));
      return insert;
    }, key);
    long id = key.getKey().longValue();
    insertLines(id, lines);
    return id;
  }

  /** The draft's figures computed again (after the reviewers returned it); their comment is kept. */
  public void recompile(long id, List<ReportLine> lines, String reviewComment, Instant now) {
    jdbc.update("DELETE FROM ts_monthly_report_row WHERE report_id = ?", id);
    insertLines(id, lines);
    jdbc.update("UPDATE ts_monthly_report SET compiled_at = ?, compilations = compilations + 1,"
        + " review_comment = ? WHERE id = ? AND status = ?", Timestamp.from(now), reviewComment, id, DRAFT);
  }

  /** The reviewers' latest comment, kept with the report. */
  public void comment(long id, String reviewComment) {
    jdbc.update("UPDATE ts_monthly_report SET review_comment = ? WHERE id = ?", reviewComment, id);
  }

  /** Publishes the draft; an earlier published report of the same month is superseded by it. */
  public void publish(long id, String approvedBy, Instant now) {
    Integer month = jdbc.queryForObject("SELECT year_month FROM ts_monthly_report WHERE id = ?", Integer.class, id);
    jdbc.update("UPDATE ts_monthly_report SET status = ?, published_month = NULL"
        + " WHERE published_month = ? AND id <> ?", SUPERSEDED, month, id);
    jdbc.update("UPDATE ts_monthly_report SET status = ?, published_at = ?, approved_by = ?,"
        + " published_month = year_month WHERE id = ?", PUBLISHED, Timestamp.from(now), approvedBy, id);
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

  static int code(YearMonth month) {
    return Period.key(month);
  }

  private static final String SELECT_PUBLISHED = "SELECT id, year_month, compiled_at, published_at,"
      + " approved_by, review_comment FROM ts_monthly_report";

  private static PublishedReport report(ResultSet rs, int row) throws SQLException {
    int month = rs.getInt(2);
    return new PublishedReport(rs.getLong(1), YearMonth.of(month / 100, month % 100),
        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6));
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
