package vn.thongsuot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.thongsuot.AppTest;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.escalation.process.CommuneIssueEscalationModel;
import vn.thongsuot.security.HttpAs.EngineDoor;
import vn.thongsuot.security.HttpAs.Reply;

/**
 * What Tasklist shows an official whose submission the server refuses: one Vietnamese sentence,
 * never the engine's "Cannot submit task form &lt;id&gt;:" or "Cannot instantiate process definition
 * …:" in front of it, on both doors of the engine API.
 */
@AppTest
class TasklistRefusalsTest {

  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired LoginThrottle throttle;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  EscalationDriver issues;
  HttpAs http;

  @BeforeEach
  void setUp() {
    issues = new EscalationDriver(filing, tasks, runtime, management);
    http = new HttpAs(port);
    throttle.forgetAll();
  }

  String message(Reply reply) throws Exception {
    return json.readTree(reply.body()).path("message").asText();
  }

  @Test
  void aRefusedTaskFormSaysOnlyTheVietnameseReason() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    issues.answer(number, "GUIDANCE_GIVEN", "Hướng dẫn: bàn giao trụ sở theo Nghị định 186.");
    Task assessment = issues.task(number, CommuneIssueEscalationModel.TASK_ASSESS_ANSWER);
    for (EngineDoor door : java.util.List.of(http.engineRest(THANH_DONG), http.tasklist(THANH_DONG))) {
      Reply refused = door.call("POST", "/task/" + assessment.getId() + "/submit-form",
          SecurityFindingsTest.variables("assessment", "NOT_REMOVED"));
      assertThat(refused.status()).as(door.name() + " " + refused.body()).isEqualTo(400);
      assertThat(message(refused)).as(door.name())
          .startsWith("Nhận xét của xã")
          .doesNotContain("Cannot", assessment.getId());
    }
    assertThat(tasks.createTaskQuery().taskId(assessment.getId()).count()).as("the task stays").isEqualTo(1);
  }

  @Test
  void aRefusedFilingSaysOnlyTheVietnameseReason() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    String noDescription = "{\"variables\":{\"communeCode\":{\"value\":\"10507\"},\"field\":{\"value\":\"health\"},"
        + "\"title\":{\"value\":\"Thiếu bác sĩ\"},\"description\":{\"value\":\" \"},"
        + "\"attempted\":{\"value\":\"Đã đề nghị sở.\"},\"urgency\":{\"value\":\"NORMAL\"}}}";
    for (EngineDoor door : java.util.List.of(http.engineRest(THANH_DONG), http.tasklist(THANH_DONG))) {
      Reply refused = door.call("POST", "/process-definition/key/CommuneIssueEscalation/submit-form", noDescription);
      assertThat(refused.status()).as(door.name() + " " + refused.body()).isEqualTo(400);
      assertThat(message(refused)).as(door.name())
          .startsWith("Nội dung vướng mắc không được để trống")
          .doesNotContain("Cannot", "CommuneIssueEscalation:");
    }
    assertThat(runtime.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);
  }
}
