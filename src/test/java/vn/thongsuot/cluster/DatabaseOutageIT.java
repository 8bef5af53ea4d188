package vn.thongsuot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under two nodes and comes back: meanwhile every request gets a clean 503
 * (Vietnamese, no SQL, no stack trace, no connection details), afterwards the nodes serve again
 * without a restart, nothing committed before is lost, and a timer due after the outage fires.
 *
 * <p>The nodes run on a PostgreSQL server of the test's own ({@link OwnPostgres}), stopped with
 * {@code pg_ctl stop -m immediate} (a crash: no checkpoint, connections cut mid-transaction).
 * Outage length: {@code -Dthongsuot.outage.seconds} (default 30).
 */
@Tag("cluster")
class DatabaseOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("thongsuot.outage.seconds", 30));
  static final Duration RECOVERY = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  static OwnPostgres postgres;
  static ClusterDatabase database;
  static ClusterNode a;
  static ClusterNode b;

  @BeforeAll
  static void startTwoNodesOnOwnPostgres() throws Exception {
    postgres = OwnPostgres.create().start();
    database = ClusterDatabase.fresh(postgres.server(), "thongsuot_outage");
    // One after the other: the first creates the schema and seeds the directory, the second finds
    // them (a start race is TwoNodesIT's subject, not this test's; on 2 busy cores it only costs time).
    a = new ClusterNode("outage-a", database).start();
    b = new ClusterNode("outage-b", database).start();
  }

  @AfterAll
  static void stopEverything() {
    if (a != null) a.close();
    if (b != null) b.close();
    if (postgres != null) postgres.close();
  }

  /** One request the client made: what, where, when it left and came back, what it got. */
  record Call(String kind, ClusterNode node, Instant sent, Instant returned, int status, String body,
      String issue) {
    /**
     * Before; in flight while the server was being stopped; sent while it was down; sent once it
     * was being started again. {@code stopping}/{@code stopped}: pg_ctl stop called/returned.
     */
    String phase(Instant stopping, Instant stopped, Instant restarting) {
      if (returned.isBefore(stopping)) return "1 before";
      if (sent.isBefore(stopped)) return "2 at the cut";
      if (sent.isAfter(restarting)) return "4 after";
      return "3 outage";
    }

    long millis() {
      return Duration.between(sent, returned).toMillis();
    }

    @Override
    public String toString() {
      return kind + "@" + node.name() + " " + status + " " + millis() + " ms " + body;
    }
  }

  /** Files an issue, reads it, the board and the department's task list, every ~0.5 s, on both nodes in turn. */
  static final class Client implements Runnable {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger tick = new AtomicInteger();

    @Override
    public void run() {
      String lastIssue = null;
      while (running.get()) {
        Instant next = Instant.now().plusMillis(500);
        ClusterNode node = tick.getAndIncrement() % 2 == 0 ? a : b;
        Call filed = call("file", node, null, () -> node.postJson(THANH_DONG, "/api/issues", """
            {"field":"finance-budget","title":"Kho bạc chưa mở tài khoản cho phường mới",
             "description":"Sau sáp nhập, phường chưa có tài khoản tại Kho bạc.",
             "attempted":"Đã gửi công văn tới Kho bạc Nhà nước khu vực.","urgency":"NORMAL"}"""));
        if (filed.status() == 201) {
          lastIssue = filed.issue();
        }
        if (lastIssue != null) {
          String issue = lastIssue;
          call("read", node, issue, () -> node.get(THANH_DONG, "/api/issues/" + issue));
          call("engine-rest", node, issue, () -> node.get(FINANCE_DEPARTMENT,
              "/engine-rest/task?firstResult=0&maxResults=10&processInstanceBusinessKey=" + issue));
        }
        call("board", node, null, () -> node.get(PROVINCE_SUPERVISOR, "/api/board/timers?province=31"));
        call("health", node, null, () -> node.get(null, "/actuator/health"));
        long wait = Duration.between(Instant.now(), next).toMillis();
        if (wait > 0) {
          ClusterNode.sleep(Duration.ofMillis(wait));
        }
      }
    }

    Call call(String kind, ClusterNode node, String issue, Supplier<HttpResponse<String>> request) {
      Instant sent = Instant.now();
      int status;
      String body;
      try {
        HttpResponse<String> response = request.get();
        status = response.statusCode();
        body = response.body();
        if (kind.equals("file") && status == 201) {
          issue = body.replaceAll("(?s).*\"number\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        }
      } catch (UncheckedIOException e) {
        status = -1;
        body = e.getCause().toString();
      }
      Call call = new Call(kind, node, sent, Instant.now(), status, body, issue);
      calls.add(call);
      return call;
    }
  }

  @Test
  void nodesAnswer503DuringAnOutageAndRecoverWithoutRestartLosingNothing() throws Exception {
    Instant testStarted = Instant.now();
    Client client = new Client();
    Thread clientThread = new Thread(client, "outage-client");
    clientThread.start();

    // Before: a few issues filed and acknowledged.
    await("5 issues filed before the outage", Duration.ofSeconds(120),
        () -> client.calls.stream().filter(c -> c.status() == 201).count() >= 5);

    // An issue filed before the outage whose escalation timer falls due after it.
    String timed = client.calls.stream().filter(c -> c.status() == 201).findFirst().orElseThrow().issue();
    LocalDateTime due = LocalDateTime.now(ZoneOffset.UTC).plus(OUTAGE).plusSeconds(10);
    int pulled = database.update("update act_ru_job set duedate_ = ? where id_ in (select j.id_"
        + " from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
        + " join act_ru_execution p on p.id_ = j.process_instance_id_"
        + " where d.act_id_ = 'BoundaryEvent_NoAnswer' and p.business_key_ = ?)", due, timed);
    assertThat(pulled).as("escalation timer of " + timed).isEqualTo(1);

    Instant stopping = Instant.now();
    postgres.stop();
    Instant stopped = Instant.now();
    System.out.printf("outage: PostgreSQL stopped (immediate) at +%d s for %d s%n",
        Duration.between(testStarted, stopping).toSeconds(), OUTAGE.toSeconds());
    ClusterNode.sleep(OUTAGE);
    Instant restarting = Instant.now();
    postgres.start();
    Instant restarted = Instant.now();
    System.out.printf("outage: PostgreSQL started again at +%d s%n",
        Duration.between(testStarted, restarted).toSeconds());

    // After: both nodes file again, and say UP, without a restart.
    Instant recovered = null;
    try {
      for (ClusterNode node : List.of(a, b)) {
        await(node.name() + " files again", RECOVERY, () -> client.calls.stream().anyMatch(c ->
            c.kind().equals("file") && c.node() == node && c.status() == 201 && c.sent().isAfter(restarted)));
        await(node.name() + " healthy", RECOVERY, () -> client.calls.stream().anyMatch(c ->
            c.kind().equals("health") && c.node() == node && c.status() == 200 && c.sent().isAfter(restarted)));
      }
      recovered = Instant.now();
      // A few more rounds after recovery, every one of which must succeed.
      int seen = client.tick.get();
      await("4 more rounds", Duration.ofSeconds(60), () -> client.tick.get() >= seen + 4);
    } finally {
      client.running.set(false);
      clientThread.join(Duration.ofMinutes(2).toMillis());
    }
    System.out.printf("outage: both nodes filing and UP %d s after PostgreSQL returned%n",
        Duration.between(restarted, recovered).toSeconds());

    printTimeline(client.calls, stopping, stopped, restarting);
    List<Call> calls = client.calls;

    // Before the outage: everything answered.
    assertThat(calls.stream().filter(c -> c.phase(stopping, stopped, restarting).startsWith("1"))
        .filter(c -> c.status() / 100 != 2)).as("errors before the outage").isEmpty();
    // During: a clean 503 and nothing else (never a 500, never a hang past the client's timeout).
    // In flight when the server died: done before it (2xx, checked for durability below) or a 503.
    List<Call> during = calls.stream().filter(c -> c.phase(stopping, stopped, restarting).startsWith("3")).toList();
    assertThat(during).as("requests during the outage").isNotEmpty();
    assertThat(during.stream().filter(c -> c.status() != 503))
        .as("answers other than 503 during the outage").isEmpty();
    List<Call> cut = calls.stream().filter(c -> c.phase(stopping, stopped, restarting).startsWith("2")).toList();
    assertThat(cut.stream().filter(c -> c.status() != 503 && c.status() / 100 != 2))
        .as("answers other than 2xx or 503 in flight at the cut").isEmpty();
    for (Call c : calls.stream().filter(c -> c.status() == 503).toList()) {
      if (!c.kind().equals("health")) {
        assertThat(c.body()).as(c.toString()).contains("cơ sở dữ liệu");
      }
      assertThat(c.body()).as(c.toString()).doesNotContainIgnoringCase("sql")
          .doesNotContain("Exception", "\tat ", "at org.", "jdbc:", "127.0.0.1:" + postgres.port(),
              "password", "thongsuot_outage");
    }
    // After recovery: everything answered again.
    Instant recoveredAt = recovered;
    assertThat(calls.stream().filter(c -> c.sent().isAfter(recoveredAt)).filter(c -> c.status() / 100 != 2))
        .as("errors after recovery").isEmpty();

    // Nothing acknowledged is lost, on either node and in the tables; numbers unique, no gaps.
    List<String> acknowledged = calls.stream().filter(c -> c.status() == 201).map(Call::issue).toList();
    assertThat(acknowledged).doesNotHaveDuplicates();
    for (String issue : acknowledged) {
      assertThat(a.get(THANH_DONG, "/api/issues/" + issue).statusCode()).as(issue + " on a").isEqualTo(200);
      assertThat(database.number("select count(*) from ts_issue i join act_ru_execution p"
          + " on p.id_ = i.process_instance_id where i.issue_number = ?", issue))
          .as(issue + " with its process").isEqualTo(1);
    }
    List<Long> sequences = database.rows("select issue_number from ts_issue order by issue_number").stream()
        .map(r -> Long.parseLong(((String) r.get("issue_number")).replaceAll(".*-", ""))).toList();
    assertThat(sequences.size()).isGreaterThanOrEqualTo(acknowledged.size());
    assertThat(sequences).as("issue sequence numbers").isEqualTo(
        java.util.stream.LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    System.out.printf("outage: %d issues acknowledged, %d in the database (sequence 1..%d, no gaps)%n",
        acknowledged.size(), sequences.size(), sequences.size());

    // The job executor works again: the escalation timer due after the outage fires.
    await("escalation timer of " + timed + " fired", Duration.ofSeconds(120), () -> "PROVINCE".equals(
        database.rows("select current_level from ts_issue where issue_number = ?", timed).get(0)
            .get("current_level")));
    List<Map<String, Object>> fired = database.rows("select l.hostname_, l.timestamp_ from act_hi_job_log l"
        + " join act_ru_jobdef d on d.id_ = l.job_def_id_ where d.act_id_ = 'BoundaryEvent_NoAnswer'"
        + " and l.process_instance_id_ in (select id_ from act_hi_procinst where business_key_ = ?)"
        + " and l.job_state_ = 2", timed); // 2: successful
    assertThat(fired).as("successful job log entry of the escalation").hasSize(1);
    System.out.printf("outage: escalation timer of %s due %s UTC fired on %s at %s; test took %d s%n",
        timed, due, fired.get(0).get("hostname_"), fired.get(0).get("timestamp_"),
        Duration.between(testStarted, Instant.now()).toSeconds());
  }

  static void printTimeline(List<Call> calls, Instant stopping, Instant stopped, Instant restarting) {
    Map<String, Map<String, Integer>> table = new TreeMap<>();
    for (Call c : calls) {
      String bucket = c.status() / 100 == 2 ? Integer.toString(c.status())
          : c.status() == 503 ? "503" : "other";
      table.computeIfAbsent(c.phase(stopping, stopped, restarting) + " " + c.kind(), k -> new TreeMap<>())
          .merge(bucket, 1, Integer::sum);
    }
    System.out.println("outage: what the client saw (phase, request: status counts)");
    table.forEach((k, v) -> System.out.printf("  %-22s %s%n", k, v));
    List<Long> slow = calls.stream().filter(c -> c.status() == 503).map(Call::millis).sorted().toList();
    if (!slow.isEmpty()) {
      System.out.printf("  503 answered in median %d ms, max %d ms%n", slow.get(slow.size() / 2),
          slow.get(slow.size() - 1));
    }
    List<Call> others = new ArrayList<>(calls.stream()
        .filter(c -> c.status() / 100 != 2 && c.status() != 503).toList());
    others.stream().limit(10).forEach(c -> System.out.println("  other: " + c));
    calls.stream().filter(c -> c.status() == 503).map(c -> c.kind() + ": " + c.body()).distinct()
        .limit(6).forEach(s -> System.out.println("  503 body " + s));
  }

  static void await(String what, Duration timeout, Supplier<Boolean> condition) {
    Instant until = Instant.now().plus(timeout);
    while (!condition.get()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what
            + "\n--- " + a.name() + ":\n" + a.logTail(40) + "\n--- postgres:\n" + postgres.logTail(20));
      }
      ClusterNode.sleep(Duration.ofMillis(250));
    }
  }
}
