package vn.thongsuot.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code ts_calendar_version}: the calendar's versions, the highest one in use on every node. */
@Repository
class CalendarVersionStore {

  private static final String COLUMNS = "version_no, loaded_at, loaded_by, source, changes, content_hash,"
      + " recount_checked, recount_changed, recounted_at";

  private final JdbcTemplate jdbc;

  CalendarVersionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The highest version number, 0 when there is none yet. */
  int latestNumber() {
    Integer latest = jdbc.queryForObject("SELECT MAX(version_no) FROM ts_calendar_version", Integer.class);
    return latest == null ? 0 : latest;
  }

  Optional<CalendarVersion> find(int number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ts_calendar_version WHERE version_no = ?", this::row, number)
        .stream().findFirst();
  }

  Optional<String> content(int number) {
    return jdbc.queryForList("SELECT content FROM ts_calendar_version WHERE version_no = ?", String.class, number)
        .stream().findFirst();
  }

  /** Newest first. */
  List<CalendarVersion> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM ts_calendar_version ORDER BY version_no DESC", this::row);
  }

  /** @throws org.springframework.dao.DuplicateKeyException when another node or admin took the number */
  void insert(int number, Instant at, String by, String source, String changes, String content, String hash) {
    jdbc.update("INSERT INTO ts_calendar_version (version_no, loaded_at, loaded_by, source, changes, content,"
        + " content_hash) VALUES (?,?,?,?,?,?,?)", number, Timestamp.from(at), by, source, changes, content, hash);
  }

  void addRecounted(int number, int checked, int changed) {
    jdbc.update("UPDATE ts_calendar_version SET recount_checked = recount_checked + ?,"
        + " recount_changed = recount_changed + ? WHERE version_no = ?", checked, changed, number);
  }

  void recountFinished(int number, Instant at) {
    jdbc.update("UPDATE ts_calendar_version SET recounted_at = ? WHERE version_no = ?", Timestamp.from(at), number);
  }

  private CalendarVersion row(ResultSet rs, int i) throws SQLException {
    Timestamp recounted = rs.getTimestamp(9);
    return new CalendarVersion(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), recounted == null ? null : recounted.toInstant());
  }
}
