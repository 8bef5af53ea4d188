package vn.thongsuot.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.EscalationLadder;

/**
 * A simulated year of monthly reports on a database of its own (H2 here, PostgreSQL in
 * {@link ReportPeriodsYearPostgresTest}): events at every boundary (the cut-off minute and the
 * millisecond either side of it, while a run is compiling, the end of each month in Vietnam and in
 * UTC), a run that fails and is retried, a report returned and recompiled, a month never approved,
 * and two nodes publishing the same month at once. Every event up to the last cut-off is in exactly
 * one published report, the one whose period holds it, and the published periods join without a gap.
 */
abstract class ReportPeriodsYear {

  static final Duration SETTLE = Duration.ofMinutes(5);

  JdbcTemplate jdbc;
  TransactionTemplate tx;
  ReportRuns runs;
  MonthlyReports reports;
  final Map<String, Instant> events = new HashMap<>();
  int next;
  Instant lastRun;
  long september;
  final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

  abstract DataSource database() throws Exception;

  /** Whose session waits for another's lock (two nodes publishing at once), for this database. */
  abstract String blockedSessionsSql();

  void open() throws Exception {
    DataSource database = database();
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(database);
    tx = new TransactionTemplate(new DataSourceTransactionManager(database));
    reports = new MonthlyReports(jdbc);
    UnitDirectory directory = UnitDirectory.fromClasspath();
    EscalationLadder ladder = mock(EscalationLadder.class);
    MonthlyFigures figures = new MonthlyFigures(jdbc, directory, ladder);
    OutstandingFigures outstanding = new OutstandingFigures(jdbc, directory, ladder, WorkingDayCalendar.standard());
    runs = new ReportRuns(figures, outstanding, reports, registry, SETTLE);
  }

  @Test
  void everyEventOfAYearIsInExactlyOneReport() throws Exception {
    open();
    // The service's first event, long before the first report.
    event(vietnam("2027-01-02T08:30"));
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(2027, m);
      Instant runAt = month.atDay(27).atTime(8, 0).toInstant(java.time.ZoneOffset.UTC); // 15:00 in Vietnam
      Instant cutoff = runAt.minus(SETTLE);
      // Before, at and after the cut-off; at the month's end in Vietnam and in UTC.
      event(cutoff.minusMillis(1));
      event(cutoff);
      event(cutoff.plusMillis(1));
      event(cutoff.plusSeconds(59));
      Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant();
      event(monthEnd.minusMillis(1));
      event(monthEnd);
      Instant utcMonthEnd = month.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      event(utcMonthEnd.minusMillis(1));
      event(utcMonthEnd);

      switch (m) {
        case 3 -> {
          // The run fails (the engine rolls its transaction back) and its job is retried 10 minutes later.
          assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            runs.compile("run-3-failed", runAt);
            throw new IllegalStateException("database went away");
          })).hasMessage("database went away");
          assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ts_monthly_report WHERE process_instance_id = ?",
              Integer.class, "run-3-failed")).isZero();
          event(runAt.plusSeconds(120)); // while the job waits for its retry
          ReportRuns.Draft retried = compile("run-3", runAt.plusSeconds(600));
          assertThat(retried.period().to()).isEqualTo(runAt.plusSeconds(300));
          publish(retried.id());
        }
        case 5 -> {
          // Two nodes: two runs of May, compiled two minutes apart, approved at the same moment.
          ReportRuns.Draft first = compile("run-5-node-1", runAt);
          event(runAt.plusSeconds(30)); // between the two cut-offs
          ReportRuns.Draft second = compile("run-5-node-2", runAt.plusSeconds(120));
          publishAtOnce(first.id(), second.id());
          assertThat(List.of(reports.status(first.id()), reports.status(second.id())))
              .containsExactlyInAnyOrder(MonthlyReports.PUBLISHED, MonthlyReports.SUPERSEDED);
        }
        case 7 -> {
          // Returned by the Committee and recompiled a week later: the same figures.
          ReportRuns.Draft draft = compile("run-7", runAt);
          event(runAt.plusSeconds(3600));
          ReportRuns.Draft again = tx.execute(s -> runs.recompile(draft.id(), "Rà soát lại.", runAt.plus(Duration.ofDays(7))));
          assertThat(again.period()).isEqualTo(draft.period());
          assertThat(again.lines()).isEqualTo(draft.lines());
          publish(draft.id());
        }
        case 9 -> september = compile("run-9", runAt).id(); // never approved: October's report follows August's
        default -> publish(compile("run-" + m, runAt).id());
      }
      event(lastRun.plusMillis(1)); // while the (last) run compiles: the next report's
    }

    List<PublishedReport> published = new ArrayList<>(reports.published());
    published.sort((a, b) -> a.period().to().compareTo(b.period().to()));
    assertThat(published).extracting(r -> r.month().getMonthValue())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12);
    assertThat(published.get(0).period().from()).isNull();
    assertThat(published.get(0).period().shownFrom()).isEqualTo(vietnam("2027-01-02T08:30"));
    for (int i = 1; i < published.size(); i++) {
      assertThat(published.get(i).period().from()).as("report %s starts where %s ended",
          published.get(i).month(), published.get(i - 1).month()).isEqualTo(published.get(i - 1).period().to());
    }
    Instant lastCutoff = published.get(published.size() - 1).period().to();
    // September's draft, approved at last, would count again what October's report holds: refused.
    assertThatThrownBy(() -> publish(september)).isInstanceOf(StaleReportException.class)
        .hasMessageContaining("trả lại để tổng hợp lại");
    assertThat(reports.status(september)).isEqualTo(MonthlyReports.DRAFT);
    // Publications that committed: 11 months, May twice (the second replaced the first).
    assertThat(registry.get("thongsuot.reports.published").counter().count()).isEqualTo(12.0);

    // Each event's line (its own field) in each published report.
    Map<String, List<YearMonth>> reportsOf = new HashMap<>();
    for (PublishedReport report : published) {
      for (ReportLine line : reports.lines(report.id())) {
        if (!line.isTotal()) {
          assertThat(line.filed() + line.resolved() + line.overdue() + line.escalatedNoAnswer() + line.answers())
              .as("event %s in %s: its filing and what happened to it then", line.fieldCode(), report.month())
              .isEqualTo(2);
          reportsOf.computeIfAbsent(line.fieldCode(), k -> new ArrayList<>()).add(report.month());
          Instant at = events.get(line.fieldCode());
          assertThat(!at.isBefore(report.period().shownFrom()) && at.isBefore(report.period().to()))
              .as("event %s at %s in the period of %s", line.fieldCode(), at, report.month()).isTrue();
        }
      }
    }
    events.forEach((field, at) -> {
      if (at.isBefore(lastCutoff)) {
        assertThat(reportsOf.get(field)).as("the reports holding event %s at %s", field, at).hasSize(1);
      } else {
        assertThat(reportsOf).doesNotContainKey(field);
      }
    });
    assertThat(events.values().stream().filter(at -> at.isBefore(lastCutoff)).count()).isGreaterThan(100);
    // The department's answers (every fourth event) are each "solved on time" in exactly one report.
    long answers = events.entrySet().stream()
        .filter(e -> Integer.parseInt(e.getKey().substring(1)) % 4 == 0 && e.getValue().isBefore(lastCutoff)).count();
    assertThat(published.stream().flatMap(r -> reports.units(r.id()).stream()).mapToInt(UnitStatus::solvedOnTime)
        .sum()).isEqualTo((int) answers);
  }

  ReportRuns.Draft compile(String run, Instant now) {
    lastRun = now;
    return tx.execute(s -> runs.compile(run, now));
  }

  void publish(long id) {
    tx.executeWithoutResult(s -> runs.publish(id, "cb.supervisor-central", Instant.now()));
  }

  /** Both publications in their own transaction; the second starts while the first holds its lock. */
  void publishAtOnce(long first, long second) throws Exception {
    CountDownLatch firstPublished = new CountDownLatch(1);
    CountDownLatch secondWaiting = new CountDownLatch(1);
    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
      runs.publish(first, "node-1", Instant.now());
      firstPublished.countDown();
      await(secondWaiting);
    }));
    assertThat(firstPublished.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> two = CompletableFuture.runAsync(() ->
        tx.executeWithoutResult(s -> runs.publish(second, "node-2", Instant.now())));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jdbc.queryForObject(blockedSessionsSql(), Integer.class) == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(two).as("the second node waits for the first").isNotDone();
    secondWaiting.countDown();
    one.get(30, TimeUnit.SECONDS);
    two.get(30, TimeUnit.SECONDS);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * An event at {@code at}, in a field of its own: an issue filed then and, by turns, removed, past
   * its deadline, escalated for no answer, or answered by a department, at the same moment.
   */
  void event(Instant at) {
    int n = next++;
    String field = "e" + n;
    events.put(field, at);
    Timestamp t = Timestamp.from(at);
    jdbc.update("INSERT INTO ts_issue (issue_number, commune_code, province_code, field_code, urgency, title,"
        + " description, attempted, filed_by, filed_at, status) VALUES (?, '10507', '31', ?, 'NORMAL', 't', 'd',"
        + " 'a', 'u', ?, 'OPEN')", "VM-2027-31-" + n, field, t);
    switch (n % 4) {
      case 1 -> timeline("VM-2027-31-" + n, t, "RESOLVED");
      case 2 -> timeline("VM-2027-31-" + n, t, "DEADLINE_PASSED");
      case 3 -> timeline("VM-2027-31-" + n, t, "ESCALATED_NO_ANSWER");
      default -> jdbc.update("INSERT INTO ts_level_visit (issue_number, province_code, field_code, stage,"
          + " unit_group, unit_kind, assigned_at, answered_at, outcome, on_time, working_days)"
          + " VALUES (?, '31', ?, 'DEPARTMENT', 'so-tai-chinh-31', 'DEPARTMENT', ?, ?, 'GUIDANCE_GIVEN', TRUE, 1)",
          "VM-2027-31-" + n, field, t, t);
    }
  }

  private void timeline(String number, Timestamp at, String type) {
    jdbc.update("INSERT INTO ts_issue_event (issue_number, occurred_at, event_type, level_code)"
        + " VALUES (?, ?, ?, 'DEPARTMENT')", number, at, type);
  }

  static Instant vietnam(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
