package vn.thongsuot.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from SQL timestamps, null staying null. */
public final class SqlTimes {

  private SqlTimes() {}

  public static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  public static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  public static Instant instant(ResultSet rs, int column) throws SQLException {
    return instant(rs.getTimestamp(column));
  }
}
