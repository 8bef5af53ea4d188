package vn.thongsuot.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.Stage;

/**
 * Prometheus gauges of the escalation timers: open and overdue issues by stage, timers due in the
 * next hour, the job executor's backlog, escalations fired in the last hour. They are the same on
 * every node (read from the shared database), computed at most every {@link #MAX_AGE} so a scrape
 * never costs more than a few indexed queries.
 */
@Component
class EscalationMetrics implements MeterBinder {

  static final Duration MAX_AGE = Duration.ofSeconds(15);

  private final JdbcTemplate jdbc;
  private final ManagementService management;
  private Snapshot snapshot;

  EscalationMetrics(JdbcTemplate jdbc, ManagementService management) {
    this.jdbc = jdbc;
    this.management = management;
  }

  record Snapshot(long takenAtMillis, Map<Stage, Long> open, Map<Stage, Long> overdue,
      long timersNextHour, long jobBacklog, long escalationsLastHour) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Stage stage : Stage.values()) {
      Gauge.builder("thongsuot.issues.open", this, m -> m.current().open().getOrDefault(stage, 0L))
          .description("Open issues waiting at this stage").tag("stage", stage.name()).register(registry);
      Gauge.builder("thongsuot.issues.overdue", this, m -> m.current().overdue().getOrDefault(stage, 0L))
          .description("Open issues past their deadline at this stage").tag("stage", stage.name())
          .register(registry);
    }
    Gauge.builder("thongsuot.timers.due.next.hour", this, m -> m.current().timersNextHour())
        .description("Escalation timers (reminder, deadline, escalation, follow-up) due within the hour")
        .register(registry);
    Gauge.builder("thongsuot.jobs.backlog", this, m -> m.current().jobBacklog())
        .description("Jobs due now that no job executor has run yet").register(registry);
    Gauge.builder("thongsuot.escalations.last.hour", this, m -> m.current().escalationsLastHour())
        .description("Issues escalated for no answer in the last hour").register(registry);
  }

  synchronized Snapshot current() {
    if (snapshot == null || System.currentTimeMillis() - snapshot.takenAtMillis() > MAX_AGE.toMillis()) {
      snapshot = take(EngineClock.now());
    }
    return snapshot;
  }

  Snapshot take(Instant now) {
    Timestamp at = Timestamp.from(now);
    Map<Stage, Long> open = new EnumMap<>(Stage.class);
    Map<Stage, Long> overdue = new EnumMap<>(Stage.class);
    jdbc.query("SELECT current_level, COUNT(*), SUM(CASE WHEN deadline_at < ? AND current_level NOT IN "
        + BoardQueries.WAITS + " THEN 1 ELSE 0 END) FROM ts_issue WHERE status = 'OPEN'"
        + " GROUP BY current_level", rs -> {
          java.util.Optional<Stage> stage = Stage.of(rs.getString(1));
          if (stage.isPresent()) {
            open.put(stage.get(), rs.getLong(2));
            overdue.put(stage.get(), rs.getLong(3));
          }
        }, at);
    Long nextHour = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue WHERE status = 'OPEN'"
        + " AND next_timer_at >= ? AND next_timer_at < ?", Long.class, at,
        Timestamp.from(now.plus(Duration.ofHours(1))));
    // Bounded on both sides: an event stamped after "now" (another node's clock ahead) is not in the last hour.
    Long escalations = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue_event"
        + " WHERE event_type = 'ESCALATED_NO_ANSWER' AND occurred_at >= ? AND occurred_at <= ?", Long.class,
        Timestamp.from(now.minus(Duration.ofHours(1))), at);
    long backlog = management.createJobQuery().executable().count();
    return new Snapshot(System.currentTimeMillis(), open, overdue, nextHour == null ? 0 : nextHour,
        backlog, escalations == null ? 0 : escalations);
  }
}
