package vn.thongsuot.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/** What the cluster tests do with several nodes at once, and polling instead of sleeping. */
final class Nodes {

  private Nodes() {}

  /** Starts the nodes in parallel (they race for the schema, as compose's nodes do); all or an error. */
  static void startTogether(ClusterNode... nodes) throws InterruptedException {
    inParallel(nodes, ClusterNode::start);
  }

  /** Graceful stop of every node that runs, in parallel; nulls are skipped. */
  static void stopTogether(ClusterNode... nodes) {
    try {
      inParallel(nodes, node -> {
        if (node != null) {
          node.stop();
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void inParallel(ClusterNode[] nodes, java.util.function.Consumer<ClusterNode> action)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (ClusterNode node : nodes) {
      Thread thread = new Thread(() -> {
        try {
          action.accept(node);
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  /** Polls every 250 ms until the condition holds or the timeout passes; whether it held. */
  static boolean await(Duration timeout, BooleanSupplier condition) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      ClusterNode.sleep(Duration.ofMillis(250));
    }
    return condition.getAsBoolean();
  }

  /** Job meters (names starting with job-) per reporting node, as ACT_RU_METER_LOG holds them. */
  static Map<String, Map<String, Long>> metersByReporter(ClusterDatabase database) {
    Map<String, Map<String, Long>> meters = new TreeMap<>();
    for (Map<String, Object> row : database.rows("select coalesce(reporter_, '?') as reporter, name_,"
        + " sum(value_) as total from act_ru_meter_log where name_ like 'job-%' group by 1, 2")) {
      meters.computeIfAbsent((String) row.get("reporter"), r -> new TreeMap<>())
          .put((String) row.get("name_"), ((Number) row.get("total")).longValue());
    }
    return meters;
  }
}
