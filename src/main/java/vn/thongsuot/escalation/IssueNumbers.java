package vn.thongsuot.escalation;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thongsuot.system.RowsApart;

/**
 * Readable issue numbers {@code VM-<year>-<province>-<sequence>}, e.g. {@code VM-2026-31-000123}:
 * one gap-free sequence per province and year. The increment is a row lock in the caller's
 * transaction, so a rolled-back filing gives its number back and two nodes never hand out the same.
 */
@Component
public class IssueNumbers {

  private final JdbcTemplate jdbc;
  private final RowsApart rows;

  IssueNumbers(JdbcTemplate jdbc, RowsApart rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  public String next(String provinceCode, LocalDate filedOn) {
    int year = filedOn.getYear();
    rows.createIfAbsent("SELECT COUNT(*) FROM ts_issue_number WHERE year_no = ? AND province_code = ?",
        new Object[] {year, provinceCode},
        "INSERT INTO ts_issue_number (year_no, province_code, last_value) VALUES (?, ?, 0)",
        year, provinceCode);
    jdbc.update("UPDATE ts_issue_number SET last_value = last_value + 1"
        + " WHERE year_no = ? AND province_code = ?", year, provinceCode);
    Integer value = jdbc.queryForObject("SELECT last_value FROM ts_issue_number"
        + " WHERE year_no = ? AND province_code = ?", Integer.class, year, provinceCode);
    return format(year, provinceCode, value);
  }

  static String format(int year, String provinceCode, int sequence) {
    return String.format("VM-%d-%s-%06d", year, provinceCode, sequence);
  }
}
