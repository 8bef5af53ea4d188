package vn.thongsuot.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.thongsuot.TestPostgres;
import vn.thongsuot.bench.BenchmarkDocs;
import vn.thongsuot.bench.Figures;
import vn.thongsuot.bench.Machine;
import vn.thongsuot.bench.RawCommits;

/**
 * Issue #10, timers: 10,000 escalation timers due at the same instant, drained by one node and by
 * two nodes (runs alternate, so both see the same machine and a similar ladder level), then the
 * lateness of a single timer on a quiet node, beside the raw commit rate of the same PostgreSQL at
 * the nodes' job thread count. Reports, never asserts: the figures go to stdout,
 * {@code target/bench/timers.md} and the "timers" section of docs/benchmarks.md. Run by
 * {@code mvn verify -Pbench} (docs/benchmarks.md); smaller:
 * {@code -Dbench.timers=2000 -Dbench.timerRuns=1 -Dbench.idleRuns=2 -Dbench.docs=false}.
 */
@Tag("bench")
class TimerStormBenchmarkIT {

  private static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
  private static final int RUNS = Integer.getInteger("bench.timerRuns", 3);
  private static final int IDLE_RUNS = Integer.getInteger("bench.idleRuns", 5);
  private static final int FILING_THREADS = Integer.getInteger("bench.filingThreads", 8);
  private static final Duration LEAD = Duration.ofSeconds(15);

  record Run(int nodes, String level, TimerStorm.Result result, long peakRssKib) {}

  @Test
  void drainsTimerStormsOnOneAndTwoNodes() throws Exception {
    ClusterDatabase database = ClusterDatabase.fresh("thongsuot_bench_timers");
    TimerStorm storm = new TimerStorm(database);
    List<Run> runs = new ArrayList<>();
    List<Long> idle = new ArrayList<>();
    Map<String, Long> meters;
    Duration filing;
    Figures.Spread commitsAt4;
    Figures.Spread commitsAt8;
    String load = Machine.loadAverage();
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(database.url());
      pool.setUsername(database.user());
      pool.setPassword(database.password());
      pool.setMaximumPoolSize(8);
      RawCommits commits = new RawCommits(pool);
      commits.rate(8, 3, 1);
      commitsAt4 = commits.rate(4, 5, 3);
      commitsAt8 = commits.rate(8, 5, 3);
    }
    try (ClusterNode a = new ClusterNode("node-a", database); ClusterNode b = new ClusterNode("node-b", database)) {
      a.start();
      Instant started = Instant.now();
      List<String> numbers = storm.file(TIMERS, FILING_THREADS, a);
      filing = Duration.between(started, Instant.now());
      System.out.printf("timers: filed %d issues on one node in %.0f s (%.0f/s, %d client threads)%n",
          TIMERS, filing.toMillis() / 1000.0, TIMERS * 1000.0 / filing.toMillis(), FILING_THREADS);
      for (int i = 0; i < 2 * RUNS; i++) {
        int nodes = i % 2 == 0 ? 1 : 2;
        if (nodes == 2) {
          b.start();
        }
        String level = String.valueOf(database.rows("select current_level, count(*) from ts_issue"
            + " group by current_level order by 2 desc").get(0).get("current_level"));
        try (java.sql.Connection connection = database.connect()) {
          TestPostgres.analyze(connection);
        }
        Instant due = Instant.now().plus(LEAD).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int moved = storm.escalateAllAt(due);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(a.residentKib(), Math::max);
            try {
              Thread.sleep(250);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
        sampler.setDaemon(true);
        sampler.start();
        boolean drained = storm.awaitDrained(due, LEAD.plus(Duration.ofMinutes(Math.max(10, TIMERS / 500))));
        sampler.interrupt();
        TimerStorm.Result result = storm.result(due);
        System.out.printf("timers: run %d, %d node(s), %d timers moved, level %s: %s; drained %s;"
            + " node-a peak RSS %d MiB%n", i + 1, nodes, moved, level, result, drained, peak.get() / 1024);
        runs.add(new Run(nodes, level, result, peak.get()));
        if (nodes == 2) {
          b.stop();
        }
      }
      for (int i = 0; i < IDLE_RUNS; i++) {
        // A quiet node: nothing due for a while, so acquisition has backed off to its longest wait.
        ClusterNode.sleep(Duration.ofSeconds(20));
        Instant due = Instant.now().plusSeconds(7).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        storm.escalateAt(due, List.of(numbers.get(i)));
        storm.awaitDrained(due, Duration.ofMinutes(2));
        long lateness = storm.result(due).percentile(100);
        idle.add(lateness);
        System.out.printf("timers: idle run %d: one timer fired %d ms after its due time%n", i + 1, lateness);
      }
      a.stop();
      meters = storm.acquisitionMeters();
    }
    report(runs, idle, meters, filing, load, commitsAt4, commitsAt8);
  }

  private static void report(List<Run> runs, List<Long> idle, Map<String, Long> meters, Duration filing,
      String load, Figures.Spread commitsAt4, Figures.Spread commitsAt8) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append(String.format("Run of %s UTC. Machine: %s; load average at the start %s. Database: PostgreSQL"
            + " on 127.0.0.1 (the suite's server), history FULL. Nodes: the packaged jar, profiles"
            + " postgres,demo, -Xmx768m, job executor as in application.yaml (4 threads per node).%n%n",
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0), Machine.describe(), load));
    md.append(String.format("Timer storm: %,d escalation timers due at one instant; %d runs per node count,"
        + " alternating; filing them took %.0f s on one node.%n%n", TIMERS, RUNS, filing.toMillis() / 1000.0));
    md.append(String.format("Raw commit rate of this PostgreSQL (one INSERT + one UPDATE per transaction):"
        + " %s tx/s at 4 threads (one node's job threads), %s tx/s at 8 (two nodes').%n%n",
        commitsAt4.format(0), commitsAt8.format(0)));
    md.append("| nodes | drain s (median, min–max) | timers/s | × raw commit rate | lateness p50 ms | lateness p99 ms | failed attempts | peak RSS node-a MiB |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (int nodes = 1; nodes <= 2; nodes++) {
      int n = nodes;
      List<Run> mine = runs.stream().filter(r -> r.nodes() == n).toList();
      double commits = (nodes == 1 ? commitsAt4 : commitsAt8).median();
      md.append(String.format("| %d | %s | %s | %s | %s | %s | %s | %s |%n", nodes,
          stat(mine, r -> r.result().drain().toMillis() / 1000.0, "%.1f"),
          stat(mine, r -> r.result().jobsPerSecond(), "%.0f"),
          stat(mine, r -> r.result().jobsPerSecond() / commits, "%.3f"),
          stat(mine, r -> r.result().percentile(50), "%.0f"),
          stat(mine, r -> r.result().percentile(99), "%.0f"),
          stat(mine, r -> r.result().failures(), "%.0f"),
          stat(mine, r -> r.peakRssKib() / 1024.0, "%.0f")));
    }
    md.append("\nRuns in order: ");
    for (Run run : runs) {
      md.append(String.format("%d node(s) at %s: %.1f s, by node %s, executed twice %d; ", run.nodes(),
          run.level(), run.result().drain().toMillis() / 1000.0, run.result().byNode(),
          run.result().executions() - run.result().jobs()));
    }
    idle.sort(Comparator.naturalOrder());
    md.append(String.format("%n%nIdle lateness (one timer on a quiet node, %d runs): median %d ms, min %d ms,"
        + " max %d ms.%n%nEngine acquisition meters over the whole run (both nodes): %s%n",
        idle.size(), idle.isEmpty() ? 0 : idle.get(idle.size() / 2), idle.isEmpty() ? 0 : idle.get(0),
        idle.isEmpty() ? 0 : idle.get(idle.size() - 1), meters));
    BenchmarkDocs.publish("timers", md.toString());
  }

  private static String stat(List<Run> runs, ToDoubleFunction<Run> figure, String format) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    if (values.length == 0) {
      return "–";
    }
    Figures.Spread spread = Figures.spread(java.util.Arrays.stream(values).boxed().toList());
    return String.format(java.util.Locale.ROOT, format + " (" + format + "–" + format + ")",
        spread.median(), spread.min(), spread.max());
  }
}
