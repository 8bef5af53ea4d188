package vn.thongsuot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two officials of the same department answer the same task at the same moment, one through each
 * node's {@code /engine-rest}: exactly one answer counts, the other gets a clear Vietnamese
 * refusal (409, or a "no such task" if it arrived after the first committed), never a 500; the
 * issue moves on once, with one answer in its timeline.
 */
@Tag("cluster")
class ConcurrentCompletionIT {

  static final int ROUNDS = Integer.getInteger("thongsuot.completion.rounds", 10);
  static final ObjectMapper JSON = new ObjectMapper();

  static ClusterDatabase database;
  static ClusterNode a;
  static ClusterNode b;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    database = ClusterDatabase.fresh("thongsuot_cluster_completion");
    a = new ClusterNode("completion-a", database);
    b = new ClusterNode("completion-b", database);
    Nodes.startTogether(a, b);
    assertThat(b.isAlive()).as("node b started").isTrue();
  }

  @AfterAll
  static void stopNodes() {
    Nodes.stopTogether(a, b);
  }

  record Answer(ClusterNode node, String via, int status, String body, long millis) {
    @Override
    public String toString() {
      return node.name() + " " + via + " " + status + " (" + millis + " ms)"
          + (status / 100 == 2 ? "" : " " + body);
    }
  }

  @Test
  void twoNodesCompletingTheSameTaskAtOnceGiveOneAnswerAndOneClearRefusal() throws Exception {
    Map<Integer, Integer> losers = new TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        String issue = file(round % 2 == 0 ? a : b, round);
        String unit = JSON.readTree(a.get(THANH_DONG, "/api/issues/" + issue).body())
            .get("current").get("unitGroup").asText();
        String official = "cb." + unit;
        JsonNode open = JSON.readTree(b.get(official,
            "/engine-rest/task?firstResult=0&maxResults=10&processInstanceBusinessKey=" + issue).body());
        assertThat(open).as("the department's task of " + issue).hasSize(1);
        String taskId = open.get(0).get("id").asText();
        // Both complete, or both submit the form: the two REST paths in turn.
        String via = round % 2 == 0 ? "complete" : "submit-form";
        String body = """
            {"variables":{"outcome":{"value":"EXCEEDS_DEPARTMENT"},
             "answer":{"value":"Vượt thẩm quyền của sở, kiến nghị UBND thành phố (vòng %d)."}}}"""
            .formatted(round);

        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Answer>> sent = new ArrayList<>();
        for (ClusterNode node : List.of(a, b)) {
          sent.add(pool.submit(() -> {
            var request = node.request(official, "/engine-rest/task/" + taskId + "/" + via)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            together.await();
            long started = System.nanoTime();
            HttpResponse<String> response = node.send(request);
            return new Answer(node, via, response.statusCode(), response.body(),
                (System.nanoTime() - started) / 1_000_000);
          }));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : sent) {
          answers.add(answer.get());
        }
        System.out.printf("completion round %2d %s task %s: %s | %s%n", round, issue, taskId,
            answers.get(0), answers.get(1));

        List<Answer> accepted = answers.stream().filter(x -> x.status() / 100 == 2).toList();
        List<Answer> refused = answers.stream().filter(x -> x.status() / 100 != 2).toList();
        assertThat(accepted).as("one answer counts: " + answers).hasSize(1);
        assertThat(refused).as("the other is refused: " + answers).hasSize(1);
        Answer loser = refused.get(0);
        losers.merge(loser.status(), 1, Integer::sum);
        assertThat(loser.status()).as(loser.toString()).isIn(409, 404);
        assertThat(loser.body()).as(loser.toString()).contains("đã được người khác xử lý");
        assertClean(loser.body());

        awaitOneSuccessor(issue);
        assertThat(database.number("select count(*) from ts_issue_event where issue_number = ?"
            + " and event_type = 'ANSWERED'", issue)).as("answers in the timeline of " + issue).isEqualTo(1);
        assertThat(database.number("select count(*) from act_hi_taskinst where id_ = ?"
            + " and end_time_ is not null", taskId)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("completion: %d rounds, refusals by status %s%n", ROUNDS, losers);
  }

  static String file(ClusterNode node, int round) throws Exception {
    HttpResponse<String> filed = node.postJson(THANH_DONG, "/api/issues", """
        {"field":"finance-budget","title":"Trụ sở cũ chưa bàn giao (vòng %d)",
         "description":"Sau sáp nhập, trụ sở cũ chưa có quyết định giao quản lý.",
         "attempted":"Đã gửi công văn số 15/UBND tới Sở Tài chính.","urgency":"NORMAL"}"""
        .formatted(round));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return JSON.readTree(filed.body()).get("number").asText();
  }

  /** Exactly one open task for the issue (the provincial committee's), and it stays one. */
  static void awaitOneSuccessor(String issue) {
    String openTasks = "select t.name_ from act_ru_task t join act_ru_execution p"
        + " on p.id_ = t.proc_inst_id_ where p.business_key_ = ?";
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    List<Map<String, Object>> tasks = database.rows(openTasks, issue);
    while (tasks.size() != 1 && Instant.now().isBefore(until)) {
      assertThat(tasks).as("open tasks of " + issue).hasSizeLessThanOrEqualTo(1);
      ClusterNode.sleep(Duration.ofMillis(200));
      tasks = database.rows(openTasks, issue);
    }
    assertThat(tasks).as("open tasks of " + issue).hasSize(1);
    assertThat((String) tasks.get(0).get("name_")).endsWith("UBND Thành phố Hải Phòng quyết định");
  }

  /** No trace of the machinery: SQL, Java exceptions, stack frames, JDBC URLs. */
  static void assertClean(String body) {
    assertThat(body).doesNotContainIgnoringCase("sql")
        .doesNotContain("Exception:", "\tat ", "at org.", "at java.", "jdbc:", "password");
  }
}
