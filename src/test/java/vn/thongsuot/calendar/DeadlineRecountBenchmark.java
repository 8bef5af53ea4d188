package vn.thongsuot.calendar;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thongsuot.TestPostgres;
import vn.thongsuot.bench.BenchDatabases.Target;
import vn.thongsuot.bench.BenchDatabases;
import vn.thongsuot.bench.BenchmarkDocs;
import vn.thongsuot.bench.Load;
import vn.thongsuot.bench.Machine;
import vn.thongsuot.bench.MarkdownTable;
import vn.thongsuot.bench.StatementCounter;
import vn.thongsuot.directory.Commune;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.escalation.process.CalendarRecountModel;
import vn.thongsuot.system.CurrentOfficial;

/**
 * Recounting open deadlines after a calendar version (issue 17): N open issues filed on Monday
 * 25 January 2027, every one waiting at its department with a deadline counted over the statutory
 * Tết 2027, then the announcement of the break loaded, which moves every one of them; the recount's
 * jobs executed one after another in this thread, as one node's job executor would, each batch
 * counted statement by statement. Then a version that changes a day no open deadline reaches: the
 * cost of checking without recounting. PostgreSQL, history FULL. Figures, not assertions:
 * {@code mvn verify -Pbench -Dtest=DeadlineRecountBenchmark}; {@code -Dbench.recount.issues}
 * (default 10,000), {@code -Dbench.recount.batch} (100).
 */
@Tag("bench")
class DeadlineRecountBenchmark {

  static final int ISSUES = Integer.getInteger("bench.recount.issues", 10_000);
  static final int BATCH = Integer.getInteger("bench.recount.batch", 100);
  static final int TARGET = 100_000;
  static final List<String> FIELDS = List.of("finance-budget", "land", "health", "education-training",
      "construction-planning", "organisation-staff");

  record Pass(String what, int jobs, int issues, double seconds, StatementCounter.Counts statements) {}

  @Test
  void measuresTheRecountOfOpenDeadlines() throws Exception {
    Target target = new Target(true, "thongsuot_bench_recount", "full");
    String loadAtStart = Machine.loadAverage();
    Instant began = Instant.now();
    BenchDatabases.fresh(target);
    StatementCounter counter = new StatementCounter();
    try (ConfigurableApplicationContext context = BenchDatabases.start(target, counter,
        "thongsuot.calendar.recount-batch-size=" + BATCH)) {
      DataSource dataSource = context.getBean(DataSource.class);
      String database = Machine.database(dataSource);
      IssueFiling filing = context.getBean(IssueFiling.class);
      UnitDirectory directory = context.getBean(UnitDirectory.class);
      List<Commune> communes = directory.provinces().stream()
          .flatMap(p -> directory.communesOf(p.code()).stream()).toList();
      ClockUtil.setCurrentTime(java.util.Date.from(ZonedDateTime.of(2027, 1, 25, 9, 0, 0, 0,
          WorkingDayCalendar.VIETNAM).toInstant()));
      AtomicInteger next = new AtomicInteger();
      long filingStart = System.nanoTime();
      Load.Run filed = Load.calls(4, ISSUES / 4, (thread, i) -> {
        int k = next.getAndIncrement();
        Commune commune = communes.get((int) ((k * 7919L) % communes.size()));
        filing.file(new FilingRequest(commune.code(), FIELDS.get(k % FIELDS.size()), "Vướng mắc " + k,
            "Nội dung vướng mắc số " + k, "Đã làm việc với các bên.", null, "NORMAL"),
            new CurrentOfficial("cb.commune-" + commune.code(), Set.of("commune-" + commune.code())), null);
      });
      double filingSeconds = (System.nanoTime() - filingStart) / 1e9;
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      int open = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue WHERE status = 'OPEN'", Integer.class);
      int provisionalBefore = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue WHERE status = 'OPEN'"
          + " AND deadline_provisional = TRUE", Integer.class);
      try (Connection connection = dataSource.getConnection()) {
        TestPostgres.analyze(connection);
      }

      CalendarVersions versions = context.getBean(CalendarVersions.class);
      RuntimeService runtime = context.getBean(RuntimeService.class);
      ManagementService management = context.getBean(ManagementService.class);
      CurrentOfficial admin = new CurrentOfficial("demo", Set.of("camunda-admin"));
      int announced = versions.load(CalendarAdmin.shippedWith(CalendarAdmin.TET_2027), "benchmark: Tết 2027",
          admin).version().number();
      List<Pass> passes = new ArrayList<>();
      passes.add(run("Tết 2027 announced: every open deadline moves", announced, runtime, management, counter, open));
      int moved = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue_event WHERE event_type = 'DEADLINE_RECOUNTED'",
          Integer.class);
      int provisionalAfter = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue WHERE status = 'OPEN'"
          + " AND deadline_provisional = TRUE", Integer.class);

      int untouched = versions.load(CalendarAdmin.shippedWith(CalendarAdmin.TET_2027
          + "    daysOff:\n      - {date: 2027-12-31, reason: \"benchmark\", source: \"benchmark, not verified\"}\n"),
          "benchmark: a day no open deadline reaches", admin).version().number();
      passes.add(run("a day after every open deadline: checked, none recounted", untouched, runtime, management,
          counter, open));
      ClockUtil.reset();

      StringBuilder r = new StringBuilder();
      r.append(String.format(Locale.ROOT, "Run of %s – %s UTC. %s. Load average at the start (1/5/15 min,"
          + " runnable/total): %s; at the end: %s.%n%n", began.toString().substring(0, 19),
          Instant.now().toString().substring(11, 19), Machine.describe(), loadAtStart, Machine.loadAverage()));
      r.append(String.format(Locale.ROOT, "Database: %s, history FULL. %,d issues filed in the JVM (4 threads,"
          + " %.0f s, %d failed) on Monday 25 January 2027, each waiting at its department with a deadline"
          + " counted over the statutory Tết 2027 (%,d of %,d open deadlines provisional); batches of %d issues;"
          + " the recount's jobs executed one after another in the test thread, as one node's job executor"
          + " would.%n%n", database, filed.calls(), filingSeconds, filed.failures(), provisionalBefore, open, BATCH));
      MarkdownTable table = new MarkdownTable("version", ">jobs", ">open issues", ">seconds", ">issues/s",
          ">ms/issue", ">statements/issue", ">SELECT", ">INSERT", ">UPDATE", ">DELETE",
          ">extrapolated to 100,000 (min)");
      for (Pass pass : passes) {
        StatementCounter.Counts c = pass.statements();
        double perIssue = pass.issues() == 0 ? 0 : (double) c.statements() / pass.issues();
        table.row(pass.what(), pass.jobs(), String.format(Locale.ROOT, "%,d", pass.issues()),
            String.format(Locale.ROOT, "%.1f", pass.seconds()),
            String.format(Locale.ROOT, "%.0f", pass.issues() / pass.seconds()),
            String.format(Locale.ROOT, "%.2f", pass.seconds() * 1000 / pass.issues()),
            String.format(Locale.ROOT, "%.1f", perIssue),
            String.format(Locale.ROOT, "%.1f", (double) c.select() / pass.issues()),
            String.format(Locale.ROOT, "%.1f", (double) c.insert() / pass.issues()),
            String.format(Locale.ROOT, "%.1f", (double) c.update() / pass.issues()),
            String.format(Locale.ROOT, "%.1f", (double) c.delete() / pass.issues()),
            String.format(Locale.ROOT, "%.1f", pass.seconds() / pass.issues() * TARGET / 60));
      }
      r.append(table).append('\n');
      r.append(String.format(Locale.ROOT, "After the announcement: %,d timeline lines \"Hạn được tính lại …\","
          + " %,d open deadlines still provisional. The 100,000 column is this run's time per issue times"
          + " 100,000 (a linear extrapolation, not a measurement; the batch query costs the same at any size,"
          + " see below).%n", moved,
          provisionalAfter));
      BenchmarkDocs.publish("recount", r.toString());
    } finally {
      ClockUtil.reset();
      if (!Boolean.getBoolean("bench.keep")) {
        BenchDatabases.drop(target);
      }
    }
  }

  /** Every job of the recount of {@code version}, each counted; the late pass's timer wait included. */
  private static Pass run(String what, int version, RuntimeService runtime, ManagementService management,
      StatementCounter counter, int open) {
    int jobs = 0;
    long start = System.nanoTime();
    long[] totals = new long[6];
    while (true) {
      ProcessInstance instance = runtime.createProcessInstanceQuery()
          .processDefinitionKey(CalendarRecountModel.PROCESS_ID)
          .processInstanceBusinessKey(CalendarRecountModel.businessKey(version)).singleResult();
      if (instance == null) {
        break;
      }
      Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
      StatementCounter.Counts c = counter.count(() -> {
        management.executeJob(job.getId());
        return null;
      }).counts();
      totals[0] += c.select();
      totals[1] += c.insert();
      totals[2] += c.update();
      totals[3] += c.delete();
      totals[4] += c.other();
      totals[5] += c.executions();
      jobs++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Pass(what, jobs, open, seconds, new StatementCounter.Counts(totals[0], totals[1], totals[2],
        totals[3], totals[4], totals[5], java.util.Map.of()));
  }
}
