package vn.thongsuot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #9, item 5: a rolling restart. A client files issues and answers the department's task of
 * each, without pause, through both nodes, and retries on the other node when one does not answer
 * (what the load balancer does). Node A stops gracefully and starts again, then node B. Escalation
 * timers of earlier issues are pulled to just after each node has stopped, so they fall due while
 * it is down and the other node fires them. Afterwards every issue the client filed exists once and is where the client left it,
 * every pulled timer fired once, and no job is left locked by a node that has gone.
 */
@Tag("cluster")
class RollingRestartIT {

  static final Duration LOCK_TIME = Duration.ofSeconds(30);
  static final int PULLED_PER_RESTART = 20;

  static ClusterDatabase database;
  static ClusterNode a;
  static ClusterNode b;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    database = ClusterDatabase.fresh("thongsuot_cluster_rolling");
    a = node("node-a");
    b = node("node-b");
    Nodes.startTogether(a, b);
  }

  static ClusterNode node(String name) {
    return new ClusterNode(name, database).env("THONGSUOT_DB_POOL_SIZE", "10")
        .env("THONGSUOT_JOB_LOCK_TIME_MS", Long.toString(LOCK_TIME.toMillis()));
  }

  @AfterAll
  static void stopNodes() {
    Nodes.stopTogether(a, b);
  }

  @Test
  void everyIssueGoesOnWhileEachNodeIsRestartedInTurn() throws Exception {
    TimerStorm storm = new TimerStorm(database);
    List<String> early = storm.file(2 * PULLED_PER_RESTART, 4, a, b);
    List<String> dueDuringA = early.subList(0, PULLED_PER_RESTART);
    List<String> dueDuringB = early.subList(PULLED_PER_RESTART, early.size());

    Client client = new Client(a, b);
    Thread load = new Thread(client::run, "rolling-restart-client");
    load.start();
    assertThat(Nodes.await(Duration.ofMinutes(2), () -> client.answered.get() >= 5)).as("client working").isTrue();

    Restart restartA = restart(a, storm, dueDuringA, client);
    Restart restartB = restart(b, storm, dueDuringB, client);
    int answeredAfter = client.answered.get();
    Nodes.await(Duration.ofMinutes(2), () -> client.answered.get() >= answeredAfter + 5);
    client.stop.set(true);
    load.join(Duration.ofMinutes(3).toMillis());

    // Every job due by now runs, also those a stopping node had locked, once their lock expires.
    boolean settled = Nodes.await(LOCK_TIME.multipliedBy(4), () -> database.number(
        "select count(*) from act_ru_job where retries_ > 0 and duedate_ <= now()") == 0);
    long expiredLocks = database.number("select count(*) from act_ru_job where lock_owner_ is not null"
        + " and lock_exp_time_ < now()");

    List<String> filed = List.copyOf(client.filed);
    Map<String, Long> levels = Map.of(
        "DEPARTMENT", count("select count(*) from ts_issue where current_level = 'DEPARTMENT' and issue_number = any(?)", filed),
        "PROVINCE", count("select count(*) from ts_issue where current_level = 'PROVINCE' and issue_number = any(?)", filed));
    long answeredAtProvince = count("select count(*) from ts_issue where current_level = 'PROVINCE'"
        + " and issue_number = any(?)", List.copyOf(client.answeredNumbers));
    long withOneOpenTask = count("select count(*) from (select e.business_key_ from act_ru_task t"
        + " join act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = any(?)"
        + " group by e.business_key_ having count(*) = 1) one", filed);
    long pulledEscalated = count("select count(*) from ts_issue_event where event_type = 'ESCALATED_NO_ANSWER'"
        + " and issue_number = any(?)", early);
    long pulledAtProvince = count("select count(*) from ts_issue where current_level = 'PROVINCE'"
        + " and issue_number = any(?)", early);
    long issues = database.number("select count(*) from ts_issue");

    System.out.printf("""
        === RollingRestartIT: client filed %d issues and answered %d department tasks through 2 nodes \
        (%d requests retried on the other node, slowest operation %d ms, %d failures)
            %s
            %s
            %d + %d escalation timers pulled into the restarts: %d escalated once, %d at the committee, \
        fired by %s
            after the restarts: jobs due and runnable %s, locks expired but still held %d; \
        issues in the database %d (client %d + pulled %d); client issues by level %s, with one open task %d
        """, filed.size(), client.answered.get(), client.retries.get(), client.slowestMillis.get(),
        client.failures.size(), restartA, restartB, dueDuringA.size(), dueDuringB.size(), pulledEscalated,
        pulledAtProvince, "while node-a was down " + firedBy(dueDuringA) + ", while node-b was down "
            + firedBy(dueDuringB), settled ? "none" : "SOME LEFT", expiredLocks, issues, filed.size(),
        early.size(), levels, withOneOpenTask);

    assertThat(client.failures).as("client operations that failed on both nodes").isEmpty();
    assertThat(filed).doesNotHaveDuplicates();
    assertThat(issues).as("no issue lost, none filed twice").isEqualTo(filed.size() + early.size());
    assertThat(levels.get("DEPARTMENT") + levels.get("PROVINCE")).as("every filed issue open at a level")
        .isEqualTo(filed.size());
    assertThat(answeredAtProvince).as("every answered issue moved on").isEqualTo(client.answeredNumbers.size());
    assertThat(withOneOpenTask).as("every filed issue has its task").isEqualTo(filed.size());
    assertThat(restartA.pulled()).isEqualTo(PULLED_PER_RESTART);
    assertThat(restartB.pulled()).isEqualTo(PULLED_PER_RESTART);
    assertThat(pulledEscalated).as("timers due during the restarts fired, once each").isEqualTo(early.size());
    assertThat(pulledAtProvince).isEqualTo(early.size());
    assertThat(firedBy(dueDuringA)).as("due while node-a was down").isEqualTo(Map.of("node-b", (long) PULLED_PER_RESTART));
    assertThat(firedBy(dueDuringB)).as("due while node-b was down").isEqualTo(Map.of("node-a", (long) PULLED_PER_RESTART));
    assertThat(settled).as("no job due and runnable is left").isTrue();
    assertThat(expiredLocks).as("no job stuck locked by a node that is gone").isZero();
    assertThat(client.answered.get()).as("the client kept working after both restarts").isGreaterThan(answeredAfter);
  }

  /** Graceful stop of {@code node} with timers falling due at that moment, and its start again. */
  Restart restart(ClusterNode node, TimerStorm storm, List<String> pulled, Client client) {
    int answeredBefore = client.answered.get();
    Instant stopping = Instant.now();
    node.stop();
    Duration stop = Duration.between(stopping, Instant.now());
    // Due while the node is down (it takes a minute or more to start): the other node fires them.
    int moved = storm.escalateAt(Instant.now().plusSeconds(2), pulled);
    // What the stopped node left locked: it waits for its lock to expire.
    long leftLocked = database.number("select count(*) from act_ru_job where lock_owner_ like ?"
        + " and lock_exp_time_ > now()", node.name() + "/%");
    client.servedBy.remove(node.name());
    Instant starting = Instant.now();
    node.start();
    Duration start = Duration.between(starting, Instant.now());
    // The node serves again before the other one goes.
    int answeredWhileDown = client.answered.get() - answeredBefore;
    Nodes.await(Duration.ofMinutes(2), () -> client.servedBy.getOrDefault(node.name(), 0L) > 0
        && client.answered.get() >= answeredBefore + answeredWhileDown + 3);
    return new Restart(node.name(), moved, stop, start, leftLocked, answeredWhileDown);
  }

  record Restart(String node, int pulled, Duration stop, Duration start, long leftLocked, int answeredWhileDown) {
    @Override
    public String toString() {
      return String.format("%s: graceful stop %.1f s (left %d jobs locked), start %.1f s; the client answered"
          + " %d tasks meanwhile", node, stop.toMillis() / 1000.0, leftLocked, start.toMillis() / 1000.0,
          answeredWhileDown);
    }
  }

  /** Which node fired the escalation timers of these issues. */
  Map<Object, Object> firedBy(List<String> numbers) {
    Map<Object, Object> byNode = new java.util.TreeMap<>();
    for (Map<String, Object> row : database.rows("select l.hostname_, count(*) as n from act_hi_job_log l"
        + " join act_hi_procinst p on p.id_ = l.process_instance_id_ where l.act_id_ = ? and l.job_state_ = 2"
        + " and p.business_key_ in (" + String.join(",", java.util.Collections.nCopies(numbers.size(), "?"))
        + ") group by l.hostname_", java.util.stream.Stream.concat(java.util.stream.Stream.of(
            TimerStorm.ESCALATION_TIMER), numbers.stream()).toArray())) {
      byNode.put(row.get("hostname_"), ((Number) row.get("n")).longValue());
    }
    return byNode;
  }

  long count(String query, List<String> numbers) {
    try (var connection = database.connect(); var sql = connection.prepareStatement(query)) {
      sql.setArray(1, connection.createArrayOf("varchar", numbers.toArray()));
      try (var result = sql.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  /**
   * A commune and its department at work through a load balancer: file an issue (with an
   * Idempotency-Key, so a retry never files twice), then answer the department's task of it
   * ("exceeds the department": the issue goes to the provincial committee). A request that gets
   * no answer, or 502/503, goes to the other node, until it succeeds or a minute passes.
   */
  static final class Client {
    final ClusterNode[] nodes;
    final AtomicBoolean stop = new AtomicBoolean();
    final List<String> filed = new CopyOnWriteArrayList<>();
    final Set<String> answeredNumbers = ConcurrentHashMap.newKeySet();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicLong slowestMillis = new AtomicLong();
    final Map<String, Long> servedBy = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private int turn;

    Client(ClusterNode... nodes) {
      this.nodes = nodes;
    }

    void run() {
      while (!stop.get()) {
        try {
          String number = file();
          filed.add(number);
          if (answer(number)) {
            answeredNumbers.add(number);
            answered.incrementAndGet();
          }
        } catch (RuntimeException e) {
          failures.add(e.toString());
          if (failures.size() > 5) {
            return;
          }
        }
        // A steady trickle, not a benchmark: nodes that start share the machine's two cores with us.
        ClusterNode.sleep(Duration.ofMillis(200));
      }
    }

    String file() {
      String key = UUID.randomUUID().toString();
      HttpResponse<String> response = call(node -> node.send(node.request(THANH_DONG, "/api/issues")
          .header("Content-Type", "application/json").header("Idempotency-Key", key)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
              {"communeCode":"10507","field":"finance-budget","title":"Vướng mắc khi khởi động lại",
               "description":"Nội dung","attempted":"Đã làm việc với các bên","urgency":"NORMAL"}""",
              java.nio.charset.StandardCharsets.UTF_8)).build()), 200, 201);
      return response.body().replaceAll("(?s).*\"number\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** True once the department's task is completed (by this call or by a retried one whose answer was lost). */
    boolean answer(String number) {
      Instant until = Instant.now().plus(Duration.ofMinutes(1));
      while (Instant.now().isBefore(until)) {
        HttpResponse<String> tasks = call(node -> node.get(FINANCE_DEPARTMENT, "/engine-rest/task?processInstanceBusinessKey="
            + number + "&candidateGroup=province-31-finance&maxResults=5"), 200);
        String body = tasks.body();
        if (!body.contains("\"id\"")) {
          return true; // completed by an earlier attempt whose response got lost in the restart
        }
        String taskId = body.replaceAll("(?s)^\\[\\{\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> completed = call(node -> node.postJson(FINANCE_DEPARTMENT, "/engine-rest/task/" + taskId
            + "/complete", """
            {"variables":{"outcome":{"value":"EXCEEDS_DEPARTMENT"},"answer":{"value":"Vượt thẩm quyền của sở."}}}"""),
            204, 404, 409, 500);
        if (completed.statusCode() == 204) {
          return true;
        }
        retries.incrementAndGet(); // gone or being completed by the lost attempt: look again
      }
      throw new IllegalStateException("the department's task of " + number + " could not be answered in a minute");
    }

    /** One request through the "load balancer": this node, else the other, until an expected status. */
    HttpResponse<String> call(java.util.function.Function<ClusterNode, HttpResponse<String>> request,
        int... expected) {
      Instant started = Instant.now();
      Instant until = started.plus(Duration.ofMinutes(1));
      String last = "";
      boolean first = true;
      while (Instant.now().isBefore(until)) {
        ClusterNode node = nodes[turn++ % nodes.length];
        if (!first) {
          retries.incrementAndGet();
        }
        first = false;
        try {
          HttpResponse<String> response = request.apply(node);
          for (int status : expected) {
            if (response.statusCode() == status) {
              slowestMillis.accumulateAndGet(Duration.between(started, Instant.now()).toMillis(), Math::max);
              servedBy.merge(node.name(), 1L, Long::sum);
              return response;
            }
          }
          last = node + ": " + response.statusCode() + " " + response.body();
          if (response.statusCode() < 500) {
            throw new IllegalStateException(last);
          }
        } catch (UncheckedIOException e) {
          last = node + ": " + e.getCause();
        }
        ClusterNode.sleep(Duration.ofMillis(100));
      }
      throw new IllegalStateException("no node answered in a minute; last: " + last);
    }
  }
}
