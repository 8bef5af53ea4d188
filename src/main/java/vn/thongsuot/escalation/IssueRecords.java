package vn.thongsuot.escalation;

import static vn.thongsuot.system.SqlTimes.instant;
import static vn.thongsuot.system.SqlTimes.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * {@code ts_issue} and {@code ts_issue_event}. Called from delegates, so every write joins the
 * engine's transaction: an issue's row and its timeline never disagree with the process.
 */
@Repository
public class IssueRecords {

  private static final String COLUMNS = "issue_number, process_instance_id, commune_code, province_code,"
      + " field_code, urgency, title, description, attempted, regulation, filed_by, filed_at, status,"
      + " current_level, current_group, deadline_at, legal_basis, overdue, closed_at, deadline_provisional";

  private static final String EVENT_COLUMNS = "issue_number, occurred_at, event_type, level_code,"
      + " unit_group, actor, outcome, text, deadline_at";

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher publisher;

  IssueRecords(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.publisher = publisher;
  }

  public void insert(IssueRecord issue) {
    jdbc.update("INSERT INTO ts_issue (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        issue.number(), issue.processInstanceId(), issue.communeCode(), issue.provinceCode(),
        issue.field(), issue.urgency().name(), issue.title(), issue.description(), issue.attempted(),
        issue.regulation(), issue.filedBy(), ts(issue.filedAt()), issue.status().name(),
        issue.currentLevel(), issue.currentGroup(), ts(issue.deadline()), issue.legalBasis(),
        issue.overdue(), ts(issue.closedAt()), issue.deadlineProvisional());
  }

  /** The issue whose process instance (the one our filing started) has this id. */
  public Optional<IssueIdentity> identityOf(String processInstanceId) {
    return jdbc.query("SELECT issue_number, commune_code, province_code, field_code, urgency FROM ts_issue"
        + " WHERE process_instance_id = ?", (rs, row) -> new IssueIdentity(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), Urgency.valueOf(rs.getString(5))), processInstanceId)
        .stream().findFirst();
  }

  public Optional<IssueRecord> find(String number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ts_issue WHERE issue_number = ?", this::issue, number)
        .stream().findFirst();
  }

  /** The issue has a new holder (a level, a commune task, a timer wait) and timers from {@code now}. */
  public void hold(String number, Holding holding, Instant now) {
    Holding.TimerKind next = holding.nextKind(now);
    jdbc.update("UPDATE ts_issue SET current_level = ?, current_group = ?, reminder_at = ?,"
        + " deadline_at = ?, escalate_at = ?, next_timer_kind = ?, next_timer_at = ?, legal_basis = ?,"
        + " arrived_escalated = ?, overdue = FALSE, deadline_provisional = ?, calendar_version = ?"
        + " WHERE issue_number = ?",
        holding.stage().name(), holding.group(), ts(holding.reminderAt()), ts(holding.deadline()),
        ts(holding.escalateAt()), next == null ? null : next.name(), ts(holding.at(next)),
        holding.legalBasis(), holding.arrivedEscalated(), holding.provisional(), holding.calendarVersion(),
        number);
  }

  /** A supervisor moved the current level's timers. */
  public void extend(String number, Instant reminderAt, Instant deadline, Instant escalateAt,
      boolean provisional, int calendarVersion, Instant now) {
    IssueRecord issue = find(number).orElseThrow();
    hold(number, new Holding(Stage.valueOf(issue.currentLevel()), issue.currentGroup(), reminderAt,
        deadline, escalateAt, issue.legalBasis(), isArrivedEscalated(number), provisional, calendarVersion),
        now);
  }

  /**
   * The working-day calendar changed and the current step's timers were counted again: its dates,
   * which timer fires next (the caller knows which ones are still pending), whether the step is
   * overdue and provisional, and the calendar version the count used.
   */
  public void recounted(String number, Instant reminderAt, Instant deadline, Instant escalateAt,
      Holding.TimerKind next, Instant nextAt, boolean overdue, boolean provisional, int calendarVersion) {
    jdbc.update("UPDATE ts_issue SET reminder_at = ?, deadline_at = ?, escalate_at = ?, next_timer_kind = ?,"
        + " next_timer_at = ?, overdue = ?, deadline_provisional = ?, calendar_version = ?"
        + " WHERE issue_number = ?", ts(reminderAt), ts(deadline), ts(escalateAt),
        next == null ? null : next.name(), ts(nextAt), overdue, provisional, calendarVersion, number);
  }

  /** An open issue as a recount of its deadlines sees it first. */
  public record Counted(String number, int calendarVersion, Instant lastTimerAt, boolean provisional) {}

  /**
   * Open issues counted with an older calendar than {@code version}, after {@code afterNumber}, in
   * number order ({@code ix_ts_issue_calendar}); {@code lastTimerAt} is the latest of their step's
   * deadline and escalation.
   */
  public List<Counted> countedBefore(int version, String afterNumber, int limit) {
    return jdbc.query("SELECT issue_number, calendar_version, deadline_at, escalate_at, deadline_provisional"
        + " FROM ts_issue WHERE status = 'OPEN' AND calendar_version < ? AND issue_number > ?"
        + " ORDER BY issue_number LIMIT ?", (rs, i) -> {
          Instant deadline = instant(rs, 3);
          Instant escalate = instant(rs, 4);
          Instant last = escalate != null && (deadline == null || escalate.isAfter(deadline)) ? escalate : deadline;
          return new Counted(rs.getString(1), rs.getInt(2), last, rs.getBoolean(5));
        }, version, afterNumber, limit);
  }

  /** The issues were checked against calendar {@code version} and nothing of theirs changed. */
  public void markCounted(List<String> numbers, int version) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update("UPDATE ts_issue SET calendar_version = ? WHERE calendar_version < ? AND issue_number IN ("
        + String.join(",", java.util.Collections.nCopies(numbers.size(), "?")) + ")",
        java.util.stream.Stream.concat(java.util.stream.Stream.of(version, version), numbers.stream()).toArray());
  }

  /** The calendar version an issue's current timers were counted with (0: before versions existed). */
  public int calendarVersionOf(String number) {
    Integer version = jdbc.queryForObject("SELECT calendar_version FROM ts_issue WHERE issue_number = ?",
        Integer.class, number);
    return version == null ? 0 : version;
  }

  /** The reminder fired: a level's next timer is its deadline; a commune task has none left. */
  public void reminderFired(String number) {
    jdbc.update("UPDATE ts_issue SET next_timer_kind = CASE WHEN escalate_at IS NULL THEN NULL"
        + " ELSE 'DEADLINE' END, next_timer_at = CASE WHEN escalate_at IS NULL THEN NULL"
        + " ELSE deadline_at END WHERE issue_number = ?", number);
  }

  /** The deadline passed: overdue, and the next timer is the escalation. */
  public void deadlinePassed(String number) {
    jdbc.update("UPDATE ts_issue SET overdue = TRUE, next_timer_kind = 'ESCALATION',"
        + " next_timer_at = escalate_at WHERE issue_number = ?", number);
  }

  private boolean isArrivedEscalated(String number) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT arrived_escalated FROM ts_issue WHERE issue_number = ?", Boolean.class, number));
  }

  public void close(String number, IssueStatus status, Instant at) {
    jdbc.update("UPDATE ts_issue SET status = ?, closed_at = ?, current_level = NULL,"
        + " current_group = NULL, reminder_at = NULL, deadline_at = NULL, escalate_at = NULL,"
        + " next_timer_kind = NULL, next_timer_at = NULL, overdue = FALSE, deadline_provisional = FALSE"
        + " WHERE issue_number = ?",
        status.name(), ts(at), number);
  }

  /**
   * Adds a line to the timeline and tells listeners in the same transaction (notifications write
   * their outbox there), so an event and what it causes commit or roll back together.
   *
   * @return the event's id
   */
  public long append(TimelineEvent event) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO ts_issue_event ("
          + EVENT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      insert.setString(1, event.issueNumber());
      insert.setTimestamp(2, ts(event.at()));
      insert.setString(3, event.type().name());
      insert.setString(4, event.level());
      insert.setString(5, event.unitGroup());
      insert.setString(6, event.actor());
      insert.setString(7, event.outcome());
      insert.setString(8, event.text());
      insert.setTimestamp(9, ts(event.deadline()));
      return insert;
    }, key);
    long id = key.getKey().longValue();
    publisher.publishEvent(new TimelineEventAppended(id, event));
    return id;
  }

  /** One timeline entry by its id. */
  public Optional<TimelineEvent> event(long id) {
    return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM ts_issue_event WHERE id = ?", this::timelineEvent, id)
        .stream().findFirst();
  }

  /** The type of the entry just before {@code id} on the same issue, if any. */
  public Optional<EventType> typeBefore(String number, long id) {
    return jdbc.queryForList("SELECT event_type FROM ts_issue_event WHERE issue_number = ? AND id < ?"
        + " ORDER BY id DESC", String.class, number, id).stream().findFirst().map(EventType::valueOf);
  }

  public List<TimelineEvent> timeline(String number) {
    return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM ts_issue_event WHERE issue_number = ?"
        + " ORDER BY occurred_at, id", this::timelineEvent, number);
  }

  private TimelineEvent timelineEvent(ResultSet rs, int row) throws SQLException {
    return new TimelineEvent(rs.getString(1), instant(rs, 2), EventType.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        instant(rs, 9));
  }

  /**
   * One page of the issues in {@code scope}, optionally of one status and one field: open ones
   * first, the nearest deadline first, then the newest filing.
   */
  List<IssueRecord> inScope(IssueScope scope, IssueStatus status, String field, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    String where = scopeWhere(scope, status, field, args);
    args.add(limit);
    args.add(offset);
    return jdbc.query("SELECT " + COLUMNS + " FROM ts_issue i WHERE " + where
        + " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, CASE WHEN deadline_at IS NULL THEN 1 ELSE 0 END,"
        + " deadline_at, filed_at DESC, issue_number LIMIT ? OFFSET ?", this::issue, args.toArray());
  }

  /** How many issues {@link #inScope} pages through. */
  long countInScope(IssueScope scope, IssueStatus status, String field) {
    List<Object> args = new ArrayList<>();
    String where = scopeWhere(scope, status, field, args);
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue i WHERE " + where, Long.class, args.toArray());
    return count == null ? 0 : count;
  }

  private static String scopeWhere(IssueScope scope, IssueStatus status, String field, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    if (!scope.everything()) {
      // One indexed lookup per way of being in scope, so a unit's list never scans every issue.
      List<String> anyOf = new ArrayList<>();
      if (!scope.communeCodes().isEmpty()) {
        anyOf.add("SELECT issue_number FROM ts_issue WHERE commune_code IN (" + marks(scope.communeCodes().size()) + ")");
        args.addAll(scope.communeCodes());
      }
      if (!scope.provinceCodes().isEmpty()) {
        anyOf.add("SELECT issue_number FROM ts_issue WHERE province_code IN (" + marks(scope.provinceCodes().size()) + ")");
        args.addAll(scope.provinceCodes());
      }
      if (!scope.groups().isEmpty()) {
        anyOf.add("SELECT issue_number FROM ts_issue WHERE current_group IN (" + marks(scope.groups().size()) + ")");
        args.addAll(scope.groups());
        anyOf.add("SELECT issue_number FROM ts_issue_event WHERE unit_group IN (" + marks(scope.groups().size()) + ")");
        args.addAll(scope.groups());
      }
      conditions.add(anyOf.isEmpty() ? "1 = 0" : "i.issue_number IN (" + String.join(" UNION ", anyOf) + ")");
    }
    if (status != null) {
      conditions.add("i.status = ?");
      args.add(status.name());
    }
    if (field != null) {
      conditions.add("i.field_code = ?");
      args.add(field);
    }
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }

  private static String marks(int count) {
    return String.join(",", java.util.Collections.nCopies(count, "?"));
  }

  /** Every unit the issue has been with: they may read it afterwards. */
  public List<String> unitsInvolved(String number) {
    return jdbc.queryForList("SELECT DISTINCT unit_group FROM ts_issue_event WHERE issue_number = ?"
        + " AND unit_group IS NOT NULL", String.class, number);
  }

  private IssueRecord issue(ResultSet rs, int row) throws SQLException {
    return new IssueRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), Urgency.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), instant(rs, 12),
        IssueStatus.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15), instant(rs, 16),
        rs.getString(17), rs.getBoolean(18), instant(rs, 19), rs.getBoolean(20));
  }
}
