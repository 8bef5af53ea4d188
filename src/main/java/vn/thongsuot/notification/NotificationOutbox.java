package vn.thongsuot.notification;

import static vn.thongsuot.system.SqlTimes.instant;
import static vn.thongsuot.system.SqlTimes.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.thongsuot.escalation.EventType;

/** {@code ts_notification}: written in the event's transaction, marked sent by the delivery job. */
@Repository
public class NotificationOutbox {

  private static final String COLUMNS = "id, event_id, issue_number, event_type, recipient_role,"
      + " user_id, email, unit_group, task_group, deadline_at, legal_basis, status, created_at, sent_at";

  private final JdbcTemplate jdbc;

  NotificationOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return the new row's id, or empty when this event already has a mail for this person (the
   *     unique key is the idempotency record; checked first so the event's transaction never fails on it)
   */
  Optional<Long> add(long eventId, String issueNumber, EventType type, RecipientRole role,
      Recipient recipient, String unitGroup, String taskGroup, Instant deadline, String legalBasis,
      Instant now) {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM ts_notification WHERE event_id = ?"
        + " AND user_id = ?", Integer.class, eventId, recipient.userId());
    if (existing != null && existing > 0) {
      return Optional.empty();
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO ts_notification (event_id,"
          + " issue_number, event_type, recipient_role, user_id, email, unit_group, task_group,"
          + " deadline_at, legal_basis, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      insert.setLong(1, eventId);
      insert.setString(2, issueNumber);
      insert.setString(3, type.name());
      insert.setString(4, role.name());
      insert.setString(5, recipient.userId());
      insert.setString(6, recipient.email());
      insert.setString(7, unitGroup);
      insert.setString(8, taskGroup);
      insert.setTimestamp(9, ts(deadline));
      insert.setString(10, legalBasis);
      insert.setString(11, Notification.Status.PENDING.name());
      insert.setTimestamp(12, ts(now));
      return insert;
    }, key);
    return Optional.of(key.getKey().longValue());
  }

  public Optional<Notification> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ts_notification WHERE id = ?", this::row, id)
        .stream().findFirst();
  }

  /** The row, locked until the delivering transaction ends: a twin delivery waits, then sees SENT. */
  Optional<Notification> lock(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ts_notification WHERE id = ? FOR UPDATE", this::row, id)
        .stream().findFirst();
  }

  void markSent(long id, Instant at) {
    jdbc.update("UPDATE ts_notification SET status = ?, sent_at = ? WHERE id = ?",
        Notification.Status.SENT.name(), ts(at), id);
  }

  /** Every mail of an issue, oldest first (for administrators and tests). */
  public List<Notification> ofIssue(String issueNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ts_notification WHERE issue_number = ? ORDER BY id",
        this::row, issueNumber);
  }

  private Notification row(ResultSet rs, int i) throws SQLException {
    return new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3),
        EventType.valueOf(rs.getString(4)), RecipientRole.valueOf(rs.getString(5)), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10), rs.getString(11),
        Notification.Status.valueOf(rs.getString(12)), instant(rs, 13), instant(rs, 14));
  }
}
