package vn.thongsuot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: two nodes of the packaged jar start together on one empty PostgreSQL
 * database (both racing to create the schema and seed the directory), an issue filed on one is
 * visible on the other, and the job log tells the nodes apart by name.
 */
@Tag("cluster")
class TwoNodesIT {

  static ClusterDatabase database;
  static ClusterNode a;
  static ClusterNode b;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    database = ClusterDatabase.fresh("thongsuot_cluster_two_nodes");
    a = new ClusterNode("node-a", database);
    b = new ClusterNode("node-b", database);
    Nodes.startTogether(a, b);
  }

  @AfterAll
  static void stopNodes() {
    Nodes.stopTogether(a, b);
  }

  @Test
  void anIssueFiledOnOneNodeIsReadOnTheOther() {
    HttpResponse<String> filed = a.postJson(THANH_DONG, "/api/issues", """
        {"field":"finance-budget","title":"Trụ sở chưa bàn giao","description":"Nội dung",
         "attempted":"Đã làm việc với huyện cũ","urgency":"NORMAL"}""");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = filed.body().replaceAll("(?s).*\"number\"\\s*:\\s*\"([^\"]+)\".*", "$1");

    HttpResponse<String> read = b.get(THANH_DONG, "/api/issues/" + number);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("Trụ sở chưa bàn giao");
    System.out.printf("two nodes: %s filed %s on %s, read on %s; directory groups %d%n",
        THANH_DONG, number, a, b, database.number("select count(*) from act_id_group"));
  }

  @Test
  void theSecondNodeWaitsForTheFirstInsteadOfFailing() throws Exception {
    // Schema creation and directory seeding are serialized across nodes (advisory locks): the
    // start of a cluster on an empty database logs no error and no retried seeding.
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      java.util.List<String> problems = java.nio.file.Files.readAllLines(node.log()).stream()
          .filter(line -> line.contains(" ERROR ") || line.contains("seeding attempt")).toList();
      assertThat(problems).as(node.name()).isEmpty();
    }
  }

  @Test
  void bothNodesCreatedTheAcquisitionIndexOnce() {
    assertThat(database.number(
        "select count(*) from pg_indexes where indexname = 'ts_idx_job_acquisition'")).isEqualTo(1);
  }
}
