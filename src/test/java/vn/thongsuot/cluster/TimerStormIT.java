package vn.thongsuot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #9, item 1: the escalation timers of many issues fall due at the same instant while two
 * nodes run. Every timer fires exactly once, none early, every issue moves to the provincial
 * committee exactly once. Size: {@code -Dthongsuot.storm.issues} (default 2,000).
 */
@Tag("cluster")
class TimerStormIT {

  static final int ISSUES = Integer.getInteger("thongsuot.storm.issues", 2000);

  static ClusterDatabase database;
  static ClusterNode a;
  static ClusterNode b;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    database = ClusterDatabase.fresh("thongsuot_cluster_storm");
    // 10 connections a node (default 20): room on a PostgreSQL server that other suites share.
    a = new ClusterNode("node-a", database).env("THONGSUOT_DB_POOL_SIZE", "10");
    b = new ClusterNode("node-b", database).env("THONGSUOT_DB_POOL_SIZE", "10");
    Nodes.startTogether(a, b);
  }

  @AfterAll
  static void stopNodes() {
    Nodes.stopTogether(a, b);
  }

  @Test
  void everyEscalationTimerDueAtOneInstantFiresOnceOnOneOfTheNodes() throws Exception {
    TimerStorm storm = new TimerStorm(database);
    long filingStarted = System.nanoTime();
    List<String> numbers = storm.file(ISSUES, 4, a, b);
    Duration filing = Duration.ofNanos(System.nanoTime() - filingStarted);

    // A few seconds ahead, so that every timer is moved before the first one may fire.
    Instant due = TimerStorm.millis(Instant.now().plusSeconds(5));
    int moved = storm.escalateAllAt(due);
    boolean drained = storm.awaitDrained(due, Duration.ofMinutes(15));
    Instant drainedAt = Instant.now();
    // The acquisition meters reach ACT_RU_METER_LOG when an engine closes (or every 15 minutes).
    Nodes.stopTogether(a, b);

    TimerStorm.Result result = storm.result(due);
    Map<String, Long> meters = storm.acquisitionMeters();
    System.out.printf("""
        === TimerStormIT: %d issues filed through 2 nodes in %.1f s (%.0f/s); %d escalation timers \
        moved to one instant, drained %s (poll: %.1f s after due)
            %s
            failed executions by message: %s
            engine meters (both nodes): %s
            by reporter: %s
        """, numbers.size(), filing.toMillis() / 1000.0, numbers.size() * 1000.0 / filing.toMillis(), moved,
        drained ? "yes" : "NO", Duration.between(due, drainedAt).toMillis() / 1000.0, result,
        result.failureMessages(), meters, Nodes.metersByReporter(database));

    assertThat(moved).as("escalation timers moved").isEqualTo(ISSUES);
    assertThat(drained).as("all timers executed").isTrue();
    assertThat(result.jobs()).as("timers executed").isEqualTo(ISSUES);
    assertThat(result.executions()).as("successful executions: each timer exactly once").isEqualTo(ISSUES);
    assertThat(result.earliestMillis()).as("no timer before its due time").isGreaterThanOrEqualTo(0);
    assertThat(result.escalations()).as("one ESCALATED_NO_ANSWER per issue").isEqualTo(ISSUES);
    assertThat(result.issuesEscalatedTwice()).isZero();
    assertThat(result.atProvince()).as("issues at the provincial committee").isEqualTo(ISSUES);
    assertThat(result.withOneProvinceTask()).as("issues with exactly one open committee task").isEqualTo(ISSUES);
    assertThat(database.number("select count(*) from act_ru_task")).as("open tasks: one per issue")
        .isEqualTo(ISSUES);
    assertThat(result.byNode()).as("both nodes fired timers").containsKeys("node-a", "node-b");
  }
}
