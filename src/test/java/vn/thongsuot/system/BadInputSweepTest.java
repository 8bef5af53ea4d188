package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.ADMINISTRATOR;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.FINANCE_MINISTRY;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.escalation.process.CommuneIssueEscalationModel;
import vn.thongsuot.escalation.process.EscalationLevelModel;
import vn.thongsuot.system.SweepCalls.Reply;

/**
 * Bad input on every endpoint of ours and on the Camunda REST calls officials make through
 * Tasklist: malformed JSON, wrong types, missing fields, huge bodies, unknown ids, malformed dates,
 * script in text fields, an invalid model. Every refusal is a 4xx with a Vietnamese message, never
 * a stack trace or SQL, and nothing is created (issues, timeline entries, process instances,
 * deployments, idempotency keys). Prints the table of what it sent and what came back.
 */
@AppTest
class BadInputSweepTest {

  static final String XSS = "<img src=x onerror=alert(1)>";

  static SweepCalls calls;

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IssueFiling filing;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  EscalationDriver issues;

  @BeforeAll
  static void openTable() {
    calls = null;
  }

  @BeforeEach
  void setUp() {
    if (calls == null) {
      calls = new SweepCalls(http, "Bad input sweep");
    }
    issues = new EscalationDriver(filing, tasks, runtime, management);
    // A Monday in a month no other test files in.
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2028, 6, 5, 9, 0, 0, 0,
        WorkingDayCalendar.VIETNAM).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void printTable() {
    if (calls != null) {
      calls.print();
    }
  }

  /** What a refused request must not have created. */
  record Counts(long issues, long events, long keys, long instances, long historicInstances,
      long deployments, long tasks) {}

  Counts counts() {
    return new Counts(count("ts_issue"), count("ts_issue_event"), count("ts_idempotency_key"),
        runtime.createProcessInstanceQuery().count(), history.createHistoricProcessInstanceQuery().count(),
        repository.createDeploymentQuery().count(), tasks.createTaskQuery().count());
  }

  long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  /**
   * Sends one bad request and checks what a user notices: the status, a Vietnamese message
   * containing {@code fragment}, no stack trace or SQL, nothing created.
   */
  Reply refused(String endpoint, String input, String user, HttpMethod method, String path, String body,
      int status, String fragment) {
    return refused(endpoint, input, user, method, path, MediaType.APPLICATION_JSON, body, Map.of(), status, fragment);
  }

  Reply refused(String endpoint, String input, String user, HttpMethod method, String path, MediaType type,
      Object body, Map<String, String> headers, int status, String fragment) {
    Counts before = counts();
    Reply reply = calls.call(user, method, path, type, body, headers);
    calls.record(endpoint, input, user, reply.status());
    assertRefusal(endpoint + " " + input, reply, status, fragment);
    assertThat(counts()).as("nothing created by %s %s", endpoint, input).isEqualTo(before);
    return reply;
  }

  static void assertRefusal(String what, Reply reply, int status, String fragment) {
    assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(status);
    assertThat(reply.body()).as(what).doesNotContainPattern(SweepCalls.LEAK);
    assertThat(reply.body()).as(what + " answers in Vietnamese").containsPattern(SweepCalls.VIETNAMESE);
    if (fragment != null) {
      assertThat(reply.body()).as(what).contains(fragment);
    }
  }

  String filingJson(Map<String, Object> changes) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("communeCode", "10507", "field", "finance-budget",
        "title", "Chưa rõ thẩm quyền quản lý trụ sở", "description", "Trụ sở cũ chưa bàn giao.",
        "attempted", "Đã gửi công văn số 15/UBND.", "regulation", "Nghị quyết 202/2025/QH15", "urgency", "NORMAL"));
    changes.forEach((k, v) -> {
      if (v == null) {
        body.remove(k);
      } else {
        body.put(k, v);
      }
    });
    return json.writeValueAsString(body);
  }

  /** Camunda REST variables: {"variables":{"name":{"value":...,"type":...}}}. */
  String variables(Object... nameValueType) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameValueType.length; i += 3) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("value", nameValueType[i + 1]);
      if (nameValueType[i + 2] != null) {
        variable.put("type", nameValueType[i + 2]);
      }
      variables.put((String) nameValueType[i], variable);
    }
    return json.writeValueAsString(Map.of("variables", variables));
  }

  static String repeat(int length) {
    return "x".repeat(length);
  }

  @Test
  void malformedAndMistypedJsonIsRefusedOnEveryPostOfOurApi() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    String withdrawal = "/api/issues/" + number + "/withdrawal";
    String extension = "/api/issues/" + number + "/deadline-extension";
    String issuesPath = "/api/issues";
    String unreadable = "JSON hợp lệ";

    for (String bad : List.of("{\"title\": ", "{title: 'x'}", "[]", "\"text\"", "42", "{\"a\":1}}", "\u0000")) {
      refused("POST /api/issues", "malformed " + bad, THANH_DONG, HttpMethod.POST, issuesPath, bad, 400, null);
    }
    refused("POST /api/issues", "title is an array", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("title", List.of("a", "b"))), 400, unreadable);
    refused("POST /api/issues", "description is an object", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("description", Map.of("x", 1))), 400, unreadable);
    refused("POST /api/issues", "urgency is true", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("urgency", true)), 400, "Mức độ 'true' không hợp lệ");
    refused("POST /api/issues", "urgency is 'urgent'", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("urgency", "urgent")), 400, "Mức độ 'urgent' không hợp lệ");
    refused("POST /api/issues", "empty body", THANH_DONG, HttpMethod.POST, issuesPath, "", 400, unreadable);
    refused("POST /api/issues", "Content-Type text/plain", THANH_DONG, HttpMethod.POST, issuesPath,
        MediaType.TEXT_PLAIN, filingJson(Map.of()), Map.of(), 415, "application/json");
    refused("POST /api/issues", "Content-Type form", THANH_DONG, HttpMethod.POST, issuesPath,
        MediaType.APPLICATION_FORM_URLENCODED, "title=x", Map.of(), 415, "application/json");
    refused("PUT /api/issues", "wrong method", THANH_DONG, HttpMethod.PUT, issuesPath, filingJson(Map.of()), 405, "PUT");
    refused("DELETE /api/issues/{number}", "wrong method", THANH_DONG, HttpMethod.DELETE, "/api/issues/" + number,
        null, 405, "DELETE");

    for (String bad : List.of("{\"reason\": ", "[\"x\"]", "\"lý do\"")) {
      refused("POST withdrawal", "malformed " + bad, THANH_DONG, HttpMethod.POST, withdrawal, bad, 400, unreadable);
    }
    refused("POST withdrawal", "reason is a number", THANH_DONG, HttpMethod.POST, withdrawal,
        "{\"reason\": 5}", 400, "reason phải là chuỗi ký tự");
    refused("POST withdrawal", "reason is an object", THANH_DONG, HttpMethod.POST, withdrawal,
        "{\"reason\": {\"text\":\"x\"}}", 400, "reason phải là chuỗi ký tự");
    refused("POST withdrawal", "body null", THANH_DONG, HttpMethod.POST, withdrawal, "null", 400, "lý do rút");
    refused("POST withdrawal", "no body", THANH_DONG, HttpMethod.POST, withdrawal, null, 400, "lý do rút");
    refused("POST withdrawal", "reason blank", THANH_DONG, HttpMethod.POST, withdrawal, "{\"reason\": \"  \"}", 400,
        "lý do rút");

    for (Object days : List.of("3", 3.5, 1e12, 99999999999L, true, List.of(3))) {
      refused("POST deadline-extension", "workingDays " + json.writeValueAsString(days), PROVINCE_SUPERVISOR,
          HttpMethod.POST, extension, json.writeValueAsString(Map.of("workingDays", days, "reason", "Chờ kiểm kê.")),
          400, "workingDays phải là số nguyên");
    }
    for (int days : List.of(0, -1, 61, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
      refused("POST deadline-extension", "workingDays " + days, PROVINCE_SUPERVISOR, HttpMethod.POST, extension,
          "{\"workingDays\": " + days + ", \"reason\": \"Chờ kiểm kê.\"}", 400, "Số ngày gia hạn phải từ 1 đến 60");
    }
    refused("POST deadline-extension", "reason missing", PROVINCE_SUPERVISOR, HttpMethod.POST, extension,
        "{\"workingDays\": 3}", 400, "lý do gia hạn");
    refused("POST deadline-extension", "reason is a list", PROVINCE_SUPERVISOR, HttpMethod.POST, extension,
        "{\"workingDays\": 3, \"reason\": [\"x\"]}", 400, "reason phải là chuỗi ký tự");
    refused("POST deadline-extension", "malformed", PROVINCE_SUPERVISOR, HttpMethod.POST, extension, "{\"workingDays\": 3,",
        400, unreadable);
  }

  @Test
  void missingFieldsUnknownIdsAndMalformedDatesAreRefused() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    String issuesPath = "/api/issues";
    for (String field : List.of("field", "title", "description", "attempted")) {
      Map<String, Object> missing = new LinkedHashMap<>();
      missing.put(field, null);
      refused("POST /api/issues", "missing " + field, THANH_DONG, HttpMethod.POST, issuesPath,
          filingJson(missing), 400, field.equals("field") ? "Chưa chọn lĩnh vực" : "không được để trống");
    }
    refused("POST /api/issues", "every field missing", THANH_DONG, HttpMethod.POST, issuesPath, "{}", 400,
        "Tiêu đề không được để trống");
    for (String commune : List.of("99999", "abc", "1050", "10507 OR 1=1", "10507'--", "<b>10507</b>")) {
      refused("POST /api/issues", "communeCode " + commune, THANH_DONG, HttpMethod.POST, issuesPath,
          filingJson(Map.of("communeCode", commune)), 400, "đơn vị cấp xã");
    }
    refused("POST /api/issues", "field 'weather'", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("field", "weather")), 400, "Lĩnh vực 'weather'");
    refused("POST /api/issues", "Idempotency-Key blank", THANH_DONG, HttpMethod.POST, issuesPath,
        MediaType.APPLICATION_JSON, filingJson(Map.of()), Map.of("Idempotency-Key", " "), 400, "Idempotency-Key");

    // The firewall refuses an encoded NUL or percent sign before any controller: 400.
    Map<String, Integer> unknownNumbers = new LinkedHashMap<>();
    List.of("VM-2099-99-999999", "VM-2028-31-000000", "abc", "%3Cscript%3E", "'%20OR%20'1'='1", "%E1%BB%B3")
        .forEach(n -> unknownNumbers.put(n, 404));
    unknownNumbers.put("VM%252F..%252Fx", 400);
    unknownNumbers.forEach((unknown, status) -> {
      String fragment = status == 404 ? "Không có" : "không hợp lệ";
      refused("GET /api/issues/{number}", "unknown " + unknown, THANH_DONG, HttpMethod.GET, "/api/issues/" + unknown,
          null, status, fragment);
      refused("POST withdrawal", "unknown " + unknown, THANH_DONG, HttpMethod.POST,
          "/api/issues/" + unknown + "/withdrawal", "{\"reason\":\"x\"}", status, fragment);
      refused("POST deadline-extension", "unknown " + unknown, CENTRAL_SUPERVISOR, HttpMethod.POST,
          "/api/issues/" + unknown + "/deadline-extension", "{\"workingDays\":3,\"reason\":\"x\"}", status, fragment);
    });
    // Tomcat refuses an encoded NUL before any of our code runs, with its own page (no Vietnamese).
    Reply nul = calls.get(THANH_DONG, "/api/issues/VM-2028-31-000001%00");
    calls.record("GET /api/issues/{number}", "number with %00 (Tomcat's own refusal)", THANH_DONG, nul.status());
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body()).doesNotContainPattern(SweepCalls.LEAK);
    refused("GET /api/issues/{number}/nothing", "unknown path", THANH_DONG, HttpMethod.GET,
        "/api/issues/" + number + "/nothing", null, 404, "Không có địa chỉ này");

    // "Hồ sơ của đơn vị": its filters and paging.
    refused("GET /api/issues", "status 'DONE'", THANH_DONG, HttpMethod.GET, "/api/issues?status=DONE", null, 400,
        "Trạng thái 'DONE' không có");
    refused("GET /api/issues", "field 'weather'", THANH_DONG, HttpMethod.GET, "/api/issues?field=weather", null, 400,
        "Lĩnh vực 'weather' không có");
    refused("GET /api/issues", "size 101", THANH_DONG, HttpMethod.GET, "/api/issues?size=101", null, 400, "từ 1 đến 100");
    refused("GET /api/issues", "page -1", THANH_DONG, HttpMethod.GET, "/api/issues?page=-1", null, 400, "bắt đầu từ 0");
    refused("GET /api/issues", "page 'abc'", THANH_DONG, HttpMethod.GET, "/api/issues?page=abc", null, 400,
        "không hợp lệ");
    refused("GET /api/issues", "status with script", THANH_DONG, HttpMethod.GET, "/api/issues?status=%3Cscript%3E",
        null, 400, "không có");

    // The board's filters, paging and periods.
    for (String query : List.of("state=LATE", "level=MARS", "page=-1", "page=abc", "size=0", "size=201",
        "size=abc", "page=99999999999", "province=99", "province=%27%20OR%201=1",
        "field=weather", "unit=commune-99999", "unit=nobody")) {
      Reply reply = refused("GET /api/board/timers", query, CENTRAL_SUPERVISOR, HttpMethod.GET, "/api/board/timers?" + query,
          null, 400, null);
      assertThat(reply.body()).contains("không hợp lệ");
    }
    Reply farPage = calls.get(CENTRAL_SUPERVISOR, "/api/board/timers?page=2147483647&size=200");
    calls.record("GET /api/board/timers", "page=2147483647&size=200 (an empty page)", CENTRAL_SUPERVISOR, farPage.status());
    assertThat(farPage.status()).as(farPage.body()).isEqualTo(200);
    assertThat(json.readTree(farPage.body()).get("items")).isEmpty();
    for (String period : List.of("2027-13", "2027-00", "2027-Q5", "2027-Q0", "abcd", "27", "20270", "2027-1",
        "2027-01-01", "%00")) {
      refused("GET /api/board/league", "period=" + period, CENTRAL_SUPERVISOR, HttpMethod.GET,
          "/api/board/league?period=" + period, null, 400, "không hợp lệ");
      refused("GET /api/board/league.csv", "period=" + period, CENTRAL_SUPERVISOR, HttpMethod.GET,
          "/api/board/league.csv?period=" + period, null, 400, "không hợp lệ");
    }
    refused("GET /api/board/league", "by=NOBODY", CENTRAL_SUPERVISOR, HttpMethod.GET, "/api/board/league?by=NOBODY", null,
        400, "Bảng 'NOBODY' không có");
    for (String months : List.of("0", "37", "-5", "abc", "99999999999")) {
      refused("GET /api/board/trend", "months=" + months, CENTRAL_SUPERVISOR, HttpMethod.GET,
          "/api/board/trend?months=" + months, null, 400, null);
    }
    for (String month : List.of("2027-13", "2027-00", "abcd", "2027-4", "99999-01")) {
      refused("GET /api/reports/{month}.html", month, CENTRAL_SUPERVISOR, HttpMethod.GET, "/api/reports/" + month + ".html",
          null, 400, "không hợp lệ");
      refused("GET /api/reports/{month}.csv", month, CENTRAL_SUPERVISOR, HttpMethod.GET, "/api/reports/" + month + ".csv",
          null, 400, "không hợp lệ");
    }
    refused("GET /api/reports/{month}.html", "2099-01 (none published)", CENTRAL_SUPERVISOR, HttpMethod.GET,
        "/api/reports/2099-01.html", null, 404, "Chưa có báo cáo tháng 01/2099");
  }

  @Test
  void hugeBodiesAndOverlongFieldsAreRefused() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    String huge = "{\"reason\":\"" + repeat(1536 * 1024) + "\"}";
    for (String path : List.of("/api/issues", "/api/issues/" + number + "/withdrawal",
        "/api/issues/" + number + "/deadline-extension")) {
      refused("POST " + path.replace(number, "{number}"), "1.5 MiB body", THANH_DONG, HttpMethod.POST, path, huge,
          413, "quá lớn");
    }
    Reply anonymous = refused("POST /api/issues", "1.5 MiB body, anonymous", null, HttpMethod.POST, "/api/issues",
        huge, 413, "quá lớn");
    assertThat(anonymous.body()).doesNotContain(number);
    chunkedHugeBodyIsRefusedToo(number);

    String issuesPath = "/api/issues";
    refused("POST /api/issues", "title 301 characters", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("title", repeat(301))), 400, "Tiêu đề dài quá 300 ký tự");
    refused("POST /api/issues", "description 4001 characters", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("description", repeat(4001))), 400, "Nội dung vướng mắc dài quá 4000 ký tự");
    refused("POST /api/issues", "attempted 4001 characters", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("attempted", repeat(4001))), 400, "dài quá 4000 ký tự");
    refused("POST /api/issues", "regulation 1001 characters", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("regulation", repeat(1001))), 400, "dài quá 1000 ký tự");
    refused("POST /api/issues", "urgency 1000 characters", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("urgency", repeat(1000))), 400, "Mức độ");
    refused("POST /api/issues", "field 1000 characters", THANH_DONG, HttpMethod.POST, issuesPath,
        filingJson(Map.of("field", repeat(1000))), 400, "không có trong danh mục lĩnh vực");
    refused("POST /api/issues", "Idempotency-Key 129 characters", THANH_DONG, HttpMethod.POST, issuesPath,
        MediaType.APPLICATION_JSON, filingJson(Map.of()), Map.of("Idempotency-Key", repeat(129)), 400,
        "Idempotency-Key phải có từ 1 đến 128 ký tự");
    refused("POST withdrawal", "reason 1001 characters", THANH_DONG, HttpMethod.POST,
        "/api/issues/" + number + "/withdrawal", "{\"reason\":\"" + repeat(1001) + "\"}", 400, "tối đa 1000 ký tự");
    refused("POST deadline-extension", "reason 1001 characters", PROVINCE_SUPERVISOR, HttpMethod.POST,
        "/api/issues/" + number + "/deadline-extension", "{\"workingDays\":3,\"reason\":\"" + repeat(1001) + "\"}",
        400, "tối đa 1000 ký tự");
    refused("GET /api/issues/{number}", "number 5000 characters", THANH_DONG, HttpMethod.GET,
        "/api/issues/" + repeat(5000), null, 404, "Không có vướng mắc");

    // The longest texts the rules allow are filed and read back whole.
    Counts before = counts();
    Reply longest = calls.postJson(THANH_DONG, issuesPath, filingJson(Map.of("title", "t".repeat(300),
        "description", "d".repeat(4000), "attempted", "a".repeat(4000), "regulation", "r".repeat(1000))));
    calls.record("POST /api/issues", "every text at its maximum length", THANH_DONG, longest.status());
    assertThat(longest.status()).as(longest.body()).isEqualTo(201);
    assertThat(json.readTree(longest.body()).get("description").asText()).hasSize(4000);
    assertThat(counts().issues()).isEqualTo(before.issues() + 1);
  }

  /** A body of unknown length (chunked) is cut off at the limit as well. */
  private void chunkedHugeBodyIsRefusedToo(String number) throws Exception {
    byte[] body = ("{\"reason\":\"" + repeat(1536 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    Counts before = counts();
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/issues/" + number + "/withdrawal"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (THANH_DONG + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    calls.record("POST withdrawal", "1.5 MiB body, chunked", THANH_DONG, response.statusCode());
    assertRefusal("chunked withdrawal", new Reply(response.statusCode(), response.body(), null), 413, "quá lớn");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void scriptAndHtmlInTextFieldsAreStoredAsTextAndComeBackVerbatim() throws Exception {
    String description = "<script>alert(\"x\")</script> & 'trích dẫn' \"kép\" </textarea><b>đậm</b> ${7*7} #{7*7}";
    String attempted = "javascript:alert(1) <a href=\"javascript:alert(1)\">bấm</a>";
    Reply filed = calls.postJson(THANH_DONG, "/api/issues", filingJson(Map.of("title", XSS,
        "description", description, "attempted", attempted, "regulation", "=HYPERLINK(\"http://x\")")));
    calls.record("POST /api/issues", "script and HTML in every text", THANH_DONG, filed.status());
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(filed.headers().getContentType().toString()).contains("json");
    assertThat(filed.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    JsonNode issue = json.readTree(filed.body());
    String number = issue.get("number").asText();

    Reply read = calls.get(THANH_DONG, "/api/issues/" + number);
    calls.record("GET /api/issues/{number}", "issue with script and HTML", THANH_DONG, read.status());
    JsonNode back = json.readTree(read.body());
    assertThat(back.get("title").asText()).isEqualTo(XSS);
    assertThat(back.get("description").asText()).isEqualTo(description);
    assertThat(back.get("attempted").asText()).isEqualTo(attempted);
    assertThat(back.get("regulation").asText()).isEqualTo("=HYPERLINK(\"http://x\")");
    assertThat(back.get("timeline").get(0).get("text").asText()).isEqualTo(XSS);
    assertThat(jdbc.queryForObject("SELECT title FROM ts_issue WHERE issue_number = ?", String.class, number))
        .isEqualTo(XSS);

    Reply withdrawn = calls.postJson(THANH_DONG, "/api/issues/" + number + "/withdrawal",
        json.writeValueAsString(Map.of("reason", description)));
    calls.record("POST withdrawal", "reason with script and HTML", THANH_DONG, withdrawn.status());
    assertThat(withdrawn.status()).isEqualTo(200);
    JsonNode timeline = json.readTree(withdrawn.body()).get("timeline");
    assertThat(timeline.get(timeline.size() - 1).get("text").asText()).isEqualTo(description);

    String open = issues.file("finance-budget", "NORMAL");
    Reply extended = calls.postJson(PROVINCE_SUPERVISOR, "/api/issues/" + open + "/deadline-extension",
        json.writeValueAsString(Map.of("workingDays", 2, "reason", XSS)));
    calls.record("POST deadline-extension", "reason with script and HTML", PROVINCE_SUPERVISOR, extended.status());
    assertThat(extended.status()).isEqualTo(200);
    assertThat(extended.body()).contains(json.writeValueAsString(XSS).replace("\"", ""));

    // The board's rows carry the title as JSON text too (the page inserts it with textContent).
    String scripted = json.readTree(calls.postJson(THANH_DONG, "/api/issues", filingJson(Map.of("title", XSS))).body())
        .get("number").asText();
    Reply board = calls.get(PROVINCE_SUPERVISOR, "/api/board/timers?unit=province-31-finance&size=200");
    calls.record("GET /api/board/timers", "row titled " + XSS, PROVINCE_SUPERVISOR, board.status());
    assertThat(json.readTree(board.body()).get("items")).anySatisfy(row -> {
      assertThat(row.get("number").asText()).isEqualTo(scripted);
      assertThat(row.get("title").asText()).isEqualTo(XSS);
    });
  }

  @Test
  void officialsStartFormAndTaskSubmissionsWithBadVariablesAreRefused() throws Exception {
    String start = "/engine-rest/process-definition/key/" + CommuneIssueEscalationModel.PROCESS_ID + "/start";
    String submit = "/engine-rest/process-definition/key/" + CommuneIssueEscalationModel.PROCESS_ID + "/submit-form";
    Object[] valid = {"communeCode", "10507", "String", "field", "health", "String", "title", "Thiếu bác sĩ", "String",
        "description", "Trạm y tế thiếu bác sĩ.", "String", "attempted", "Đã đề nghị sở.", "String",
        "urgency", "NORMAL", "String"};
    // Only our filing service starts the process: the engine's own start is refused for officials
    // whatever they send, Tasklist's start form goes to the filing service and gets its refusals.
    refused("POST …/start", "a valid filing", THANH_DONG, HttpMethod.POST, start, variables(valid), 403, "không có quyền");
    refused("POST …/start", "no variables", THANH_DONG, HttpMethod.POST, start, "{}", 403, "không có quyền");
    String startForm = "POST …/submit-form";
    refused(startForm, "no variables", THANH_DONG, HttpMethod.POST, submit, "{}", 400, "không được để trống");
    refused(startForm, "unknown commune", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "communeCode", "99999")), 400, "Không có đơn vị cấp xã mã '99999'");
    refused(startForm, "another commune", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "communeCode", "10525")), 403, "không thuộc UBND Phường Hải Dương");
    refused(startForm, "field 'weather'", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "field", "weather")), 400, "Lĩnh vực 'weather'");
    refused(startForm, "title 301 characters", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "title", repeat(301))), 400, "Tiêu đề dài quá 300 ký tự");
    refused(startForm, "description 5000 characters", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "description", repeat(5000))), 400, "dài quá 4000 ký tự");
    refused(startForm, "urgency 'SOON'", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "urgency", "SOON")), 400, "Mức độ 'SOON' không hợp lệ");
    refused(startForm, "department official files", FINANCE_DEPARTMENT, HttpMethod.POST, submit, variables(valid), 403, null);
    refused(startForm, "business key sent along", THANH_DONG, HttpMethod.POST, submit,
        json.writeValueAsString(Map.of("businessKey", "VM-2028-31-999999",
            "variables", json.readTree(variables(valid)).get("variables"))), 400, "không gửi kèm business key");
    refused(startForm, "title typed Date", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "title", "không phải ngày", "Date")), 400, "phải là văn bản");
    refused(startForm, "malformed JSON", THANH_DONG, HttpMethod.POST, submit, "{\"variables\": {", 400, null);
    refused(startForm, "1.5 MiB title", THANH_DONG, HttpMethod.POST, submit,
        variables(with(valid, "title", repeat(1536 * 1024))), 413, "quá lớn");
    refused("POST /engine-rest/process-definition/key/{unknown}/submit-form", "unknown process", THANH_DONG,
        HttpMethod.POST, "/engine-rest/process-definition/key/NoSuchProcess/submit-form", variables(valid), 404, null);

    // A department's task, then a ministry's, with bad answers.
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    for (String path : List.of("/engine-rest/task/" + task.getId() + "/complete",
        "/engine-rest/task/" + task.getId() + "/submit-form")) {
      String endpoint = "POST /engine-rest/task/{id}/" + path.substring(path.lastIndexOf('/') + 1);
      refused(endpoint, "no variables", FINANCE_DEPARTMENT, HttpMethod.POST, path, "{}", 400, "Chọn ý kiến của đơn vị");
      refused(endpoint, "outcome HACK", FINANCE_DEPARTMENT, HttpMethod.POST, path,
          variables("outcome", "HACK", "String", "answer", "x", "String"), 400, "Chọn ý kiến của đơn vị");
      refused(endpoint, "outcome of another level (RESOLVED)", FINANCE_DEPARTMENT, HttpMethod.POST, path,
          variables("outcome", "RESOLVED", "String", "answer", "x", "String"), 400, "Chọn ý kiến của đơn vị");
      refused(endpoint, "outcome typed Integer", FINANCE_DEPARTMENT, HttpMethod.POST, path,
          variables("outcome", 5, "Integer", "answer", "x", "String"), 400, "outcome phải là văn bản");
      refused(endpoint, "answer typed Boolean", FINANCE_DEPARTMENT, HttpMethod.POST, path,
          variables("outcome", "GUIDANCE_GIVEN", "String", "answer", true, "Boolean"), 400,
          "answer phải là văn bản");
      refused(endpoint, "answer blank", FINANCE_DEPARTMENT, HttpMethod.POST, path,
          variables("outcome", "GUIDANCE_GIVEN", "String", "answer", "   ", "String"), 400,
          "Nội dung trả lời không được để trống");
      refused(endpoint, "answer 4001 characters", FINANCE_DEPARTMENT, HttpMethod.POST, path,
          variables("outcome", "GUIDANCE_GIVEN", "String", "answer", repeat(4001), "String"), 400,
          "Nội dung trả lời dài quá 4000 ký tự");
      refused(endpoint, "answer typed Date", FINANCE_DEPARTMENT, HttpMethod.POST, path,
          variables("outcome", "GUIDANCE_GIVEN", "String", "answer", "hôm nay", "Date"), 400, "answer phải là văn bản");
      refused(endpoint, "malformed JSON", FINANCE_DEPARTMENT, HttpMethod.POST, path, "{\"variables\":", 400, null);
    }
    // Variables the form does not have: a long note, another issue's number.
    String other = issues.file("health", "NORMAL");
    long otherEvents = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue_event WHERE issue_number = ?", Long.class,
        other);
    refused("POST /engine-rest/task/{id}/complete", "a variable the form does not have", FINANCE_DEPARTMENT, HttpMethod.POST,
        "/engine-rest/task/" + task.getId() + "/complete", variables("outcome", "GUIDANCE_GIVEN", "String",
            "answer", "x", "String", "note", repeat(5000), "String"), 400, "không có trường note");
    refused("POST /engine-rest/task/{id}/complete", "a form field of another level, 5000 characters", FINANCE_DEPARTMENT,
        HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", variables("outcome", "GUIDANCE_GIVEN",
            "String", "answer", "x", "String", "sessionEndDate", repeat(5000), "String"), 400,
        "không có trường sessionEndDate");
    refused("POST /engine-rest/task/{id}/complete", "issueNumber of another issue", FINANCE_DEPARTMENT, HttpMethod.POST,
        "/engine-rest/task/" + task.getId() + "/complete", variables("outcome", "GUIDANCE_GIVEN", "String",
            "answer", "x", "String", "issueNumber", other, "String"), 400, "không có trường issueNumber");
    refused("POST /engine-rest/task/{id}/submit-form", "responsibleGroup of another unit", FINANCE_DEPARTMENT, HttpMethod.POST,
        "/engine-rest/task/" + task.getId() + "/submit-form", variables("outcome", "GUIDANCE_GIVEN", "String",
            "answer", "x", "String", "responsibleGroup", "province-68-finance", "String"), 400,
        "không có trường responsibleGroup");
    refused("PUT /engine-rest/task/{id}/variables/{name}", "issueNumber of another issue", FINANCE_DEPARTMENT, HttpMethod.PUT,
        "/engine-rest/task/" + task.getId() + "/variables/issueNumber",
        json.writeValueAsString(Map.of("value", other, "type", "String")), 403, null);
    refused("POST /engine-rest/task/{id}/variables", "modify issueNumber", FINANCE_DEPARTMENT, HttpMethod.POST,
        "/engine-rest/task/" + task.getId() + "/variables",
        json.writeValueAsString(Map.of("modifications", Map.of("issueNumber", Map.of("value", other)))), 403, null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue_event WHERE issue_number = ?", Long.class, other))
        .isEqualTo(otherEvents);
    refused("POST /engine-rest/task/{id}/complete", "unknown task id", FINANCE_DEPARTMENT, HttpMethod.POST,
        "/engine-rest/task/no-such-task/complete",
        variables("outcome", "GUIDANCE_GIVEN", "String", "answer", "x", "String"), 404, null);
    assertThat(issues.levelTask(number).getId()).isEqualTo(task.getId());

    // The longest answer allowed, asking for more information: its timeline entry adds a sentence.
    Counts before = counts();
    Reply longest = calls.postJson(FINANCE_DEPARTMENT, "/engine-rest/task/" + task.getId() + "/complete",
        variables("outcome", "MORE_INFO", "String", "answer", "m".repeat(4000), "String"));
    calls.record("POST /engine-rest/task/{id}/complete", "MORE_INFO, answer 4000 characters", FINANCE_DEPARTMENT,
        longest.status());
    assertThat(longest.status()).as(longest.body()).isEqualTo(204);
    assertThat(counts().events()).isGreaterThan(before.events());
    Task supply = issues.task(number, EscalationLevelModel.TASK_SUPPLY_INFO);
    refused("POST /engine-rest/task/{id}/complete", "suppliedInfo missing", THANH_DONG, HttpMethod.POST,
        "/engine-rest/task/" + supply.getId() + "/complete", "{}", 400, "Thông tin bổ sung không được để trống");
    issues.supplyInfo(number, "Đã bổ sung hồ sơ.");

    issues.answer(number, "EXCEEDS_DEPARTMENT", "Vượt thẩm quyền của sở.");
    issues.answer(number, "REFER_TO_MINISTRY", "Kiến nghị Bộ Tài chính.");
    Task ministry = issues.levelTask(number);
    String complete = "/engine-rest/task/" + ministry.getId() + "/complete";
    for (String date : List.of("31/12/2028", "2028-02-30", "2028-13-01", "ngày mai", "", "2028-06-05",
        "2020-01-01", "+999999999-12-31")) {
      refused("POST /engine-rest/task/{id}/complete", "ROADMAP, target date '" + date + "'", FINANCE_MINISTRY,
          HttpMethod.POST, complete, variables("outcome", "ROADMAP", "String", "answer", "Lộ trình.", "String",
              "roadmapTargetDate", date, "String"), 400, "Hạn hoàn thành lộ trình");
    }
    refused("POST /engine-rest/task/{id}/complete", "ROADMAP, target date typed Integer", FINANCE_MINISTRY,
        HttpMethod.POST, complete, variables("outcome", "ROADMAP", "String", "answer", "Lộ trình.", "String",
            "roadmapTargetDate", 20281231, "Integer"), 400, "roadmapTargetDate phải là văn bản");
    Counts beforeRoadmap = counts();
    Reply roadmap = calls.postJson(FINANCE_MINISTRY, complete, variables("outcome", "ROADMAP", "String",
        "answer", "r".repeat(4000), "String", "roadmapTargetDate", "2029-12-31", "String"));
    calls.record("POST /engine-rest/task/{id}/complete", "ROADMAP, answer 4000 characters", FINANCE_MINISTRY,
        roadmap.status());
    assertThat(roadmap.status()).as(roadmap.body()).isEqualTo(204);
    assertThat(counts().events()).isGreaterThan(beforeRoadmap.events());
  }

  @Test
  void anInvalidModelDeployedByTheAdministratorIsRefusedAndNothingIsDeployed() throws Exception {
    String broken = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<process id=\"Broken\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"nowhere\"/></process></definitions>";
    String notXml = "this is not BPMN <definitions";
    String noHistoryTimeToLive = broken.replace(" camunda:historyTimeToLive=\"P1D\"", "")
        .replace("<sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"nowhere\"/>", "");
    for (Map.Entry<String, String> model : Map.of("a flow to a missing element", broken, "not XML", notXml,
        "no historyTimeToLive", noHistoryTimeToLive).entrySet()) {
      refused("POST /engine-rest/deployment/create", model.getKey(), ADMINISTRATOR, HttpMethod.POST,
          "/engine-rest/deployment/create", MediaType.MULTIPART_FORM_DATA, deployment(model.getValue()), Map.of(),
          400, "không hợp lệ");
    }
  }

  static MultiValueMap<String, Object> deployment(String bpmn) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "sweep");
    form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "Broken.bpmn";
      }
    });
    return form;
  }

  /** The variables with one value replaced (and, optionally, its type). */
  static Object[] with(Object[] variables, String name, Object value, String... type) {
    Object[] copy = variables.clone();
    for (int i = 0; i < copy.length; i += 3) {
      if (copy[i].equals(name)) {
        copy[i + 1] = value;
        if (type.length > 0) {
          copy[i + 2] = type[0];
        }
      }
    }
    return copy;
  }
}
