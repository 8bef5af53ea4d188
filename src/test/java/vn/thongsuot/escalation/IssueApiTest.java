package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.LAM_DONG_FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;

/** The issue API over HTTP, logged in as the demo officials. */
@AppTest
class IssueApiTest {


  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void mondayMorning() {
    ClockUtil.setCurrentTime(java.util.Date.from(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0,
        WorkingDayCalendar.VIETNAM).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> filing(String communeCode) {
    return new java.util.HashMap<>(Map.of("communeCode", communeCode, "field", "finance-budget",
        "title", "Chưa rõ thẩm quyền quản lý trụ sở", "description", "Trụ sở cũ chưa bàn giao.",
        "attempted", "Đã gửi công văn số 15/UBND.", "regulation", "Nghị quyết 202/2025/QH15",
        "urgency", "NORMAL"));
  }

  ResponseEntity<String> post(String user, String path, Object body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
    return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  JsonNode body(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  int issueCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue", Integer.class);
  }

  String fileOne() throws Exception {
    ResponseEntity<String> response = post(THANH_DONG, "/api/issues", filing("10507"), null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return body(response).get("number").asText();
  }

  @Test
  void aCommuneOfficialFilesAnIssueAndReadsWhereItIs() throws Exception {
    ResponseEntity<String> created = post(THANH_DONG, "/api/issues", filing("10507"), null);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = body(created).get("number").asText();
    assertThat(number).matches("VM-2026-31-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/issues/" + number);

    JsonNode issue = body(get(THANH_DONG, "/api/issues/" + number));
    assertThat(issue.get("communeName").asText()).isEqualTo("Phường Thành Đông");
    assertThat(issue.get("fieldName").asText()).isEqualTo("Tài chính, ngân sách");
    JsonNode current = issue.get("current");
    assertThat(current.get("unitGroup").asText()).isEqualTo("province-31-finance");
    assertThat(current.get("unitName").asText()).isEqualTo("Sở Tài chính Thành phố Hải Phòng");
    assertThat(current.get("deadline").asText()).isEqualTo("2026-12-02T10:00:00Z");
    assertThat(current.get("deadlineText").asText()).isEqualTo("17:00 ngày 02/12/2026");
    assertThat(current.get("workingDaysLeft").asInt()).isEqualTo(7);
    assertThat(current.get("legalBasis").asText()).contains("202-KL/TW");
    assertThat(issue.get("timeline").get(0).get("type").asText()).isEqualTo("FILED");
    assertThat(issue.get("timeline").get(1).get("unitGroup").asText()).isEqualTo("province-31-finance");
  }

  @Test
  void theCommuneIsTakenFromTheOfficialsUnitWhenLeftOut() throws Exception {
    Map<String, Object> request = filing("10507");
    request.remove("communeCode");
    ResponseEntity<String> created = post(THANH_DONG, "/api/issues", request, null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(body(created).get("communeCode").asText()).isEqualTo("10507");
  }

  @Test
  void badFilingsGetAClearVietnameseMessageAndFileNothing() throws Exception {
    int before = issueCount();

    ResponseEntity<String> unknownCommune = post(THANH_DONG, "/api/issues", filing("99999"), null);
    assertThat(unknownCommune.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(unknownCommune).get("detail").asText()).contains("Không có đơn vị cấp xã mã '99999'");

    Map<String, Object> badField = filing("10507");
    badField.put("field", "weather");
    badField.put("description", " ");
    ResponseEntity<String> twoProblems = post(THANH_DONG, "/api/issues", badField, null);
    assertThat(twoProblems.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(twoProblems).get("errors")).hasSize(2);
    assertThat(body(twoProblems).get("detail").asText())
        .contains("Lĩnh vực 'weather'", "Nội dung vướng mắc không được để trống");

    ResponseEntity<String> malformed = post(THANH_DONG, "/api/issues", "{\"title\": ", null);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(malformed).get("detail").asText()).contains("JSON");

    ResponseEntity<String> otherUnit = post(THANH_DONG, "/api/issues", filing("10525"), null);
    assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(body(otherUnit).get("detail").asText()).contains("không thuộc UBND Phường Hải Dương");

    ResponseEntity<String> notACommune = post(FINANCE_DEPARTMENT, "/api/issues", filing("10507"), null);
    assertThat(notACommune.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> anonymous = post(null, "/api/issues", filing("10507"), null);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(issueCount()).isEqualTo(before);
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyFilesOnlyOnce() throws Exception {
    int before = issueCount();
    ResponseEntity<String> first = post(THANH_DONG, "/api/issues", filing("10507"), "retry-42");
    ResponseEntity<String> retry = post(THANH_DONG, "/api/issues", filing("10507"), "retry-42");

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(retry).get("number")).isEqualTo(body(first).get("number"));
    assertThat(issueCount()).isEqualTo(before + 1);
  }

  @Test
  void onlyTheCommuneTheUnitsThatHeldItAndSupervisorsInScopeReadAnIssue() throws Exception {
    String number = fileOne();
    String path = "/api/issues/" + number;

    assertThat(get(HAI_DUONG, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(LAM_DONG_FINANCE_DEPARTMENT, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(LAM_DONG_SUPERVISOR, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(FINANCE_DEPARTMENT, path).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(PROVINCE_SUPERVISOR, path).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(CENTRAL_SUPERVISOR, path).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(THANH_DONG, "/api/issues/VM-2026-31-999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void twoOfficialsCompletingTheSameTaskAtOnceGiveOneSuccessAndOneConflict() throws Exception {
    String number = fileOne();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    Map<String, Object> completion = Map.of("variables", Map.of(
        "outcome", Map.of("value", "EXCEEDS_DEPARTMENT"),
        "answer", Map.of("value", "Vượt thẩm quyền của sở.")));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ResponseEntity<String>>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return post(FINANCE_DEPARTMENT, "/engine-rest/task/" + task.getId() + "/complete", completion, null);
      }));
    }
    start.countDown();
    List<HttpStatus> statuses = new ArrayList<>();
    String conflictBody = null;
    for (Future<ResponseEntity<String>> result : results) {
      ResponseEntity<String> response = result.get();
      statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
      if (response.getStatusCode().value() == 409) {
        conflictBody = response.getBody();
      }
    }
    pool.shutdown();

    assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    assertThat(conflictBody).contains("đã được người khác xử lý");
    List<Task> next = tasks.createTaskQuery().processInstanceBusinessKey(number).list();
    assertThat(next).hasSize(1);
    assertThat(next.get(0).getName()).endsWith("UBND Thành phố Hải Phòng quyết định");
  }

  @Test
  void anAnswerWithoutTextIsRefusedWithA400AndTheTaskStays() throws Exception {
    String number = fileOne();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    ResponseEntity<String> refused = post(FINANCE_DEPARTMENT, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("outcome", Map.of("value", "GUIDANCE_GIVEN"))), null);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(refused).get("message").asText()).contains("Nội dung trả lời không được để trống");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void filingThroughTheEngineRestApiGoesThroughTheFilingServiceAndChecksTheOfficialsUnit() throws Exception {
    Map<String, Object> start = Map.of("variables", Map.of(
        "communeCode", Map.of("value", "10525"), "field", Map.of("value", "health"),
        "title", Map.of("value", "T"), "description", Map.of("value", "D"),
        "attempted", Map.of("value", "A"), "urgency", Map.of("value", "NORMAL")));
    int before = issueCount();
    ResponseEntity<String> started = post(THANH_DONG,
        "/engine-rest/process-definition/key/CommuneIssueEscalation/start", start, null);
    assertThat(started.getStatusCode()).as("only our filing service starts the process").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> refused = post(THANH_DONG,
        "/engine-rest/process-definition/key/CommuneIssueEscalation/submit-form", start, null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(body(refused).get("message").asText()).contains("không thuộc UBND Phường Hải Dương");
    assertThat(issueCount()).isEqualTo(before);

    Map<String, Object> own = Map.of("variables", Map.of(
        "communeCode", Map.of("value", "10507"), "field", Map.of("value", "health"),
        "title", Map.of("value", "Thiếu bác sĩ"), "description", Map.of("value", "Trạm y tế thiếu bác sĩ."),
        "attempted", Map.of("value", "Đã đề nghị sở."), "urgency", Map.of("value", "URGENT")));
    ResponseEntity<String> filed = post(THANH_DONG,
        "/engine-rest/process-definition/key/CommuneIssueEscalation/submit-form", own, null);
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(filed).get("businessKey").asText()).matches("VM-2026-31-\\d{6}");
  }

  @Test
  void theFilingCommuneWithdrawsWithAReason() throws Exception {
    String number = fileOne();
    String path = "/api/issues/" + number + "/withdrawal";

    assertThat(post(HAI_DUONG, path, Map.of("reason", "x"), null).getStatusCode())
        .as("another commune does not even see it").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(FINANCE_DEPARTMENT, path, Map.of("reason", "x"), null).getStatusCode())
        .as("the department reads it, but only the commune withdraws").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(THANH_DONG, path, Map.of(), null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> withdrawn = post(THANH_DONG, path, Map.of("reason", "Đã tự giải quyết."), null);

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(withdrawn).get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(body(withdrawn).get("current").isNull()).isTrue();
    assertThat(post(THANH_DONG, path, Map.of("reason", "lần nữa"), null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aProvincialSupervisorExtendsTheDeadlineWithAReason() throws Exception {
    String number = fileOne();
    String path = "/api/issues/" + number + "/deadline-extension";

    assertThat(post(THANH_DONG, path, Map.of("workingDays", 3, "reason", "x"), null).getStatusCode())
        .as("the commune reads its issue but only supervisors extend").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(PROVINCE_SUPERVISOR, path, Map.of("workingDays", "ba", "reason", "x"), null)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post(PROVINCE_SUPERVISOR, path, Map.of("workingDays", 3), null).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> extended = post(PROVINCE_SUPERVISOR, path,
        Map.of("workingDays", 3, "reason", "Chờ kiểm kê tài sản."), null);
    assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(extended).get("current").get("deadline").asText()).isEqualTo("2026-12-07T10:00:00Z");
    JsonNode timeline = body(extended).get("timeline");
    assertThat(timeline.get(timeline.size() - 1).get("type").asText()).isEqualTo("DEADLINE_EXTENDED");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
  }
}
