package vn.thongsuot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.ADMINISTRATOR;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thongsuot.AppTest;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.escalation.process.CommuneIssueEscalationModel;
import vn.thongsuot.escalation.process.EscalationLevelModel;
import vn.thongsuot.security.HttpAs.EngineDoor;
import vn.thongsuot.security.HttpAs.Reply;

/**
 * One test per finding of the review "One door per role" (issue 16), each tried the way an attacker
 * with a demo account would, through HTTP only, on both doors of the engine API where it applies.
 * Each asserts what the attacker gets back and that nothing changed.
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityFindingsTest {

  static final String VIETNAMESE = "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]";

  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
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

  @AfterEach
  void tearDown() {
    throttle.useClock(Clock.systemUTC());
    throttle.forgetAll();
  }

  List<EngineDoor> doors(String user) {
    return List.of(http.engineRest(user), http.tasklist(user));
  }

  long instances() {
    return runtime.createProcessInstanceQuery().count();
  }

  int timelineOf(String number) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue_event WHERE issue_number = ?", Integer.class, number);
  }

  static String variables(String... nameValue) {
    StringBuilder body = new StringBuilder("{\"variables\":{");
    for (int i = 0; i < nameValue.length; i += 2) {
      body.append(i == 0 ? "" : ",").append('"').append(nameValue[i]).append("\":{\"value\":\"")
          .append(nameValue[i + 1]).append("\",\"type\":\"String\"}");
    }
    return body.append("}}").toString();
  }

  static final String FILING_FIELDS = "\"communeCode\":{\"value\":\"10507\"},\"field\":{\"value\":\"health\"},"
      + "\"title\":{\"value\":\"Thiếu bác sĩ\"},\"description\":{\"value\":\"Trạm y tế thiếu bác sĩ.\"},"
      + "\"attempted\":{\"value\":\"Đã đề nghị sở.\"},\"urgency\":{\"value\":\"NORMAL\"}";

  @Test
  void c1_aCommuneCannotStartTheProcessPastItsRegistrationNorNameAnotherIssue() {
    String victim = issues.file("10525", "finance-budget", "NORMAL");
    int victimTimeline = timelineOf(victim);
    long before = instances();
    String skipRegistration = "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\""
        + CommuneIssueEscalationModel.CALL_DEPARTMENT_GUIDANCE + "\"}],\"variables\":{\"issueNumber\":{\"value\":\""
        + victim + "\"},\"communeGroup\":{\"value\":\"commune-10507\"}," + FILING_FIELDS + "}}";
    for (EngineDoor door : doors(THANH_DONG)) {
      Reply start = door.call("POST", "/process-definition/key/CommuneIssueEscalation/start", skipRegistration);
      assertThat(start.status()).as("%s: start", door.name()).isEqualTo(403);
      assertThat(start.body()).containsPattern(VIETNAMESE);
      Reply submit = door.call("POST", "/process-definition/key/CommuneIssueEscalation/submit-form", skipRegistration);
      assertThat(submit.status()).as("%s: submit-form %s", door.name(), submit.body()).isEqualTo(400);
      assertThat(submit.body()).contains("startInstructions").containsPattern(VIETNAMESE);
    }
    assertThat(instances()).as("nothing started").isEqualTo(before);
    assertThat(timelineOf(victim)).isEqualTo(victimTimeline);
  }

  @Test
  void c2_aRefusedJobExecutionLeavesTheEscalationTimerAsItWas() {
    String number = issues.file("finance-budget", "NORMAL");
    Job timer = issues.timer(number, EscalationLevelModel.BOUNDARY_NO_ANSWER);
    List<Reply> refusals = new ArrayList<>();
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      for (int i = 0; i < 3; i++) {
        refusals.add(door.call("POST", "/job/" + timer.getId() + "/execute", null));
      }
    }
    Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).as("retries after six refused executions").isEqualTo(timer.getRetries());
    assertThat(refusals).allSatisfy(refusal -> {
      assertThat(refusal.status()).isEqualTo(403);
      assertThat(refusal.body()).containsPattern(VIETNAMESE);
    });
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  @Test
  void h1_noSpellingOfATaskSubmissionCarriesVariablesTheFormDoesNotHave() {
    String number = issues.file("finance-budget", "NORMAL");
    String victim = issues.file("10525", "finance-budget", "NORMAL");
    int victimTimeline = timelineOf(victim);
    Task task = issues.levelTask(number);
    String encoded = task.getId().replace("-", "%2D");
    String smuggled = variables("outcome", "GUIDANCE_GIVEN", "answer", "Hướng dẫn", "issueNumber", victim);
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      for (String path : List.of("/task/" + task.getId() + "/complete/", "/task/" + encoded + "/complete",
          "/task/" + task.getId() + "/submit-form/", "/task/" + encoded + "/submit-form")) {
        Reply reply = door.call("POST", path, smuggled);
        assertThat(reply.status()).as("%s %s: %s", door.name(), path, reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("issueNumber").containsPattern(VIETNAMESE);
      }
      Reply resolve = door.call("POST", "/task/" + task.getId() + "/resolve/", smuggled);
      assertThat(resolve.status()).as("%s resolve", door.name()).isEqualTo(403);
    }
    assertThat(issues.levelTask(number).getId()).as("still open").isEqualTo(task.getId());
    assertThat(timelineOf(victim)).isEqualTo(victimTimeline);
  }

  @Test
  void h2_anOfficialClaimsOnlyForThemself() {
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      for (String other : List.of(THANH_DONG, "nobody-at-all")) {
        Reply claim = door.call("POST", "/task/" + task.getId() + "/claim", "{\"userId\":\"" + other + "\"}");
        assertThat(claim.status()).as("%s for %s", door.name(), other).isEqualTo(403);
        assertThat(claim.body()).contains("chính mình");
      }
      assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }
    assertThat(http.engineRest(FINANCE_DEPARTMENT).call("POST", "/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + FINANCE_DEPARTMENT + "\"}").status()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(FINANCE_DEPARTMENT);
  }

  @Test
  void h3_pacedGuessingNeverLocksAnOfficialOut() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T02:00:00Z"));
    throttle.useClock(new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    });
    Map<String, String> attacker = Map.of("X-Forwarded-For", "10.9.9.66");
    Map<String, String> official = Map.of("X-Forwarded-For", "10.1.1.7");
    // Thirty wrong guesses, each sent once the wait the last one earned has passed: the report's pace.
    for (int guess = 1; guess <= 30; guess++) {
      Reply reply = http.basic(ADMINISTRATOR, "guess-" + guess, "GET", "/api/board/me", null, attacker);
      assertThat(reply.status()).as("guess %d", guess).isEqualTo(401);
      if (guess >= 5) {
        Reply tooSoon = http.basic(ADMINISTRATOR, "guess-again", "GET", "/api/board/me", null, attacker);
        assertThat(tooSoon.status()).as("right after guess %d", guess).isEqualTo(429);
        assertThat(tooSoon.header("Retry-After")).isNotNull();
        assertThat(tooSoon.body()).contains("xin chờ");
      }
      // Meanwhile the administrator, from their own address, logs in at once.
      assertThat(http.basic(ADMINISTRATOR, DEMO_PASSWORD, "GET", "/engine-rest/user/demo/profile", null, official).status())
          .as("the administrator during guess %d", guess).isEqualTo(200);
      now.set(now.get().plus(LoginThrottle.LONGEST_WAIT).plusSeconds(1));
    }
    // And from the attacker's address too, once the wait has passed: the account was never locked.
    assertThat(http.basic(ADMINISTRATOR, DEMO_PASSWORD, "GET", "/engine-rest/user/demo/profile", null, attacker).status())
        .isEqualTo(200);
    assertThat(http.webapp(ADMINISTRATOR, "cockpit").login().status()).isEqualTo(200);
    // Camunda's own lockout is off: twelve wrong passwords checked by the engine itself lock nothing.
    for (int i = 0; i < 12; i++) {
      assertThat(identity.checkPassword(FINANCE_DEPARTMENT, "wrong-" + i)).isFalse();
    }
    assertThat(identity.checkPassword(FINANCE_DEPARTMENT, DEMO_PASSWORD)).isTrue();
  }

  @Test
  void h3_theWebappLoginIsThrottledLikeHttpBasic() {
    Map<String, String> from = Map.of("X-Forwarded-For", "10.9.9.67");
    for (int i = 0; i < 5; i++) {
      Reply wrong = loginForm(PROVINCE_SUPERVISOR, "wrong", from);
      assertThat(wrong.status()).as(wrong.body() + wrong.headers().map()).isEqualTo(401);
    }
    Reply waiting = loginForm(PROVINCE_SUPERVISOR, DEMO_PASSWORD, from);
    assertThat(waiting.status()).isEqualTo(429);
    assertThat(waiting.body()).contains("xin chờ");
  }

  private Reply loginForm(String user, String password, Map<String, String> headers) {
    return http.anonymous("tasklist", headers).callForm("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + user + "&password=" + password, headers);
  }

  @Test
  void m1_messagesAreCorrelatedByTheAdministratorOnly() {
    String number = issues.file("finance-budget", "NORMAL");
    String body = "{\"messageName\":\"" + CommuneIssueEscalationModel.MESSAGE_ISSUE_WITHDRAWN + "\","
        + "\"businessKey\":\"" + number + "\",\"resultEnabled\":true,\"variablesInResultEnabled\":true}";
    for (String user : List.of(THANH_DONG, FINANCE_DEPARTMENT, PROVINCE_SUPERVISOR)) {
      for (EngineDoor door : doors(user)) {
        Reply reply = door.call("POST", "/message", body);
        assertThat(reply.status()).as(door.name()).isEqualTo(403);
        assertThat(reply.body()).doesNotContain(number).doesNotContain("variables");
      }
    }
    assertThat(issues.openTasks(number)).hasSize(1);
    // Nor does the answer tell a real issue from a made-up one (what made correlation an oracle).
    for (EngineDoor door : doors(THANH_DONG)) {
      Reply real = door.call("POST", "/message", body);
      Reply madeUp = door.call("POST", "/message", body.replace(number, "VM-2026-31-999999"));
      assertThat(madeUp.status()).isEqualTo(real.status());
      assertThat(madeUp.body()).isEqualTo(real.body());
    }
  }

  @Test
  void m2_aFilingCannotCarryTheProcessOwnVariables() {
    long before = instances();
    String marked = "{\"variables\":{" + FILING_FIELDS + ",\"outcome\":{\"value\":\"NO_ANSWER\"},"
        + "\"previousOutcome\":{\"value\":\"NO_ANSWER\"}}}";
    for (EngineDoor door : doors(THANH_DONG)) {
      Reply submit = door.call("POST", "/process-definition/key/CommuneIssueEscalation/submit-form", marked);
      assertThat(submit.status()).as(door.name()).isEqualTo(400);
      assertThat(submit.body()).contains("outcome").contains("previousOutcome").containsPattern(VIETNAMESE);
    }
    assertThat(instances()).isEqualTo(before);
    // The same filing without them is filed, by our filing service, with a number of the server's.
    Reply filed = http.tasklist(THANH_DONG).call("POST", "/process-definition/key/CommuneIssueEscalation/submit-form",
        "{\"variables\":{" + FILING_FIELDS + "}}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(200);
    assertThat(filed.body()).containsPattern("\"businessKey\":\"VM-\\d{4}-31-\\d{6}\"");
  }

  @Test
  void m3_sessionCookiesAreHttpOnlyAndSameSiteAndSecureBehindTls() {
    HttpAs.Session plain = http.webapp(THANH_DONG, "tasklist");
    String cookie = plain.login().header("Set-Cookie");
    assertThat(cookie).contains("JSESSIONID").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
        .doesNotContain("Secure");
    HttpAs.Session behindTls = http.webapp(THANH_DONG, "tasklist", Map.of("X-Forwarded-Proto", "https"));
    assertThat(behindTls.login().header("Set-Cookie")).contains("JSESSIONID").contains("Secure").contains("HttpOnly");
  }

  @Test
  void m4_clientFaultsAreNever5xx() {
    long before = instances();
    String filing = "{\"communeCode\":\"10507\",\"field\":\"health\",\"title\":\"T\",\"description\":\"D\","
        + "\"attempted\":\"A\",\"urgency\":\"NORMAL\"}";
    Reply textPlain = http.basic(THANH_DONG, DEMO_PASSWORD, "POST", "/api/issues", filing, Map.of("Accept", "text/plain"));
    assertThat(textPlain.status()).as(textPlain.body()).isEqualTo(406);
    assertThat(instances()).as("nothing filed").isEqualTo(before);
    for (String accept : List.of("text/plain;q=x", "/", "application/json;;;", "*/*;q=2")) {
      Reply reply = http.basic(THANH_DONG, DEMO_PASSWORD, "GET", "/api/board/me", null, Map.of("Accept", accept));
      assertThat(reply.status()).as("Accept: %s", accept).isBetween(200, 499);
    }
    for (String language : List.of("vi-VN;q=abc", "=,;", "x".repeat(300))) {
      Reply reply = http.basic(THANH_DONG, DEMO_PASSWORD, "GET", "/api/board/me", null, Map.of("Accept-Language", language));
      assertThat(reply.status()).as("Accept-Language: %s", language).isBetween(200, 499);
    }
    assertThat(http.basic(THANH_DONG, "GET", "/error", null).status()).isEqualTo(404);
    String auth = "Basic " + Base64.getEncoder().encodeToString((THANH_DONG + ":demo").getBytes(StandardCharsets.UTF_8));
    for (String header : List.of("Idempotency-Key: ế-khóa", "X-Requested-With: Thông suốt", "Accept-Language: tiếng Việt")) {
      byte[] body = filing.getBytes(StandardCharsets.UTF_8);
      Reply raw = http.raw("POST /api/issues HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth + "\r\n"
          + header + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n", body);
      assertThat(raw.status()).as(header).isBetween(200, 499);
      Reply engine = http.raw("GET /engine-rest/task?maxResults=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth
          + "\r\n" + header + "\r\nConnection: close\r\n\r\n", null);
      assertThat(engine.status()).as("engine-rest, " + header).isBetween(200, 499);
    }
    // Claiming a task someone already holds.
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    tasks.claim(task.getId(), "cb.province-31-finance-colleague");
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      Reply claim = door.call("POST", "/task/" + task.getId() + "/claim", "{\"userId\":\"" + FINANCE_DEPARTMENT + "\"}");
      assertThat(claim.status()).as(door.name() + " " + claim.body()).isEqualTo(409);
      assertThat(claim.body()).containsPattern(VIETNAMESE);
    }
    // Tasklist's start form with its required fields empty; an answer typed Object.
    long filed = instances();
    for (EngineDoor door : doors(THANH_DONG)) {
      Reply empty = door.call("POST", "/process-definition/key/CommuneIssueEscalation/submit-form", "{\"variables\":{}}");
      assertThat(empty.status()).as(door.name()).isEqualTo(400);
      assertThat(empty.body()).contains("không được để trống");
    }
    assertThat(instances()).isEqualTo(filed);
    tasks.setAssignee(task.getId(), null);
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      Reply object = door.call("POST", "/task/" + task.getId() + "/complete", "{\"variables\":{\"answer\":{\"value\":"
          + "\"rO0ABXQAAXg=\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
          + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");
      assertThat(object.status()).as(door.name()).isEqualTo(400);
      assertThat(object.body()).contains("văn bản");
    }
    assertThat(issues.levelTask(number).getId()).isEqualTo(task.getId());
  }

  @Test
  void l1_aRefusedRequestLogsNoHeaderOrCookieValue(CapturedOutput output) {
    Reply refused = http.raw("GET /engine-rest//task HTTP/1.1\r\nHost: localhost\r\nCookie: JSESSIONID=leaked-secret-4711\r\n"
        + "Authorization: Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8))
        + "\r\nConnection: close\r\n\r\n", null);
    assertThat(refused.status()).isEqualTo(400);
    Reply badHeader = http.raw("GET /api/board/me HTTP/1.1\r\nHost: localhost\r\nX-Note: leaked-secret-4712\u0007\r\n"
        + "Connection: close\r\n\r\n", null);
    assertThat(badHeader.status()).isBetween(400, 499);
    assertThat(output.getAll()).doesNotContain("leaked-secret-4711").doesNotContain("leaked-secret-4712");
  }

  @Test
  void l3_theApiDescriptionNeedsAnAccount() {
    for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config")) {
      assertThat(http.basic(null, null, "GET", path, null, Map.of("Accept", "*/*")).status()).as(path).isEqualTo(401);
    }
    assertThat(http.basic(THANH_DONG, "GET", "/v3/api-docs", null).status()).isEqualTo(200);
  }

  @Test
  void l4_metricsAndHealthDetailsAreForTheAdministratorAndMonitoring() throws Exception {
    for (String user : List.of(THANH_DONG, FINANCE_DEPARTMENT, PROVINCE_SUPERVISOR, CENTRAL_SUPERVISOR)) {
      assertThat(http.basic(user, DEMO_PASSWORD, "GET", "/actuator/prometheus", null, Map.of("Accept", "*/*")).status())
          .as(user).isEqualTo(403);
      JsonNode health = json.readTree(http.basic(user, "GET", "/actuator/health", null).body());
      assertThat(health.has("components")).as(user).isFalse();
    }
    Map<String, String> anyType = Map.of("Accept", "*/*");
    assertThat(http.basic(ADMINISTRATOR, DEMO_PASSWORD, "GET", "/actuator/prometheus", null, anyType).status()).isEqualTo(200);
    assertThat(json.readTree(http.basic(ADMINISTRATOR, "GET", "/actuator/health", null).body()).has("components")).isTrue();
    String scraper = "prometheus-scraper";
    if (identity.createUserQuery().userId(scraper).count() == 0) {
      User user = identity.newUser(scraper);
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      if (identity.createGroupQuery().groupId(Role.MONITORING_GROUP).count() == 0) {
        identity.saveGroup(identity.newGroup(Role.MONITORING_GROUP));
      }
      identity.createMembership(scraper, Role.MONITORING_GROUP);
    }
    assertThat(http.basic(scraper, DEMO_PASSWORD, "GET", "/actuator/prometheus", null, anyType).status()).isEqualTo(200);
  }

  @Test
  void l5_concurrentBoardCallsKeepTheSession() throws Exception {
    HttpAs.Session board = http.webapp(PROVINCE_SUPERVISOR, "tasklist");
    List<CompletableFuture<Reply>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> board.call("GET", "/api/board/timers?size=5", null,
          Map.of("X-Requested-With", "XMLHttpRequest"))));
    }
    for (CompletableFuture<Reply> call : calls) {
      Reply reply = call.get();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("Set-Cookie")).as("no new session").isNull();
    }
  }

  @Test
  void l6_bodiesAreLimitedOnEveryDoor() {
    String big = "{\"variables\":{\"answer\":{\"value\":\"" + "x".repeat(1_100_000) + "\"}}}";
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      Reply reply = door.call("POST", "/task/" + task.getId() + "/complete", big);
      assertThat(reply.status()).as(door.name()).isEqualTo(413);
      assertThat(reply.body()).contains("quá lớn");
    }
    assertThat(issues.levelTask(number).getId()).isEqualTo(task.getId());
  }

  @Test
  void l6_attachmentsAreOffForOfficials() {
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      Reply attachment = door.send("POST", "/task/" + task.getId() + "/attachment/create",
          "multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n"
              + "x\r\n--XyZ\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.txt\"\r\n"
              + "Content-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n");
      assertThat(attachment.status()).as(door.name()).isEqualTo(403);
    }
    assertThat(tasks.getTaskAttachments(task.getId())).isEmpty();
  }

  @Test
  void l7_anotherUnitsIssueIsNotFoundExactlyLikeOneThatDoesNotExist() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    String missing = number.substring(0, number.length() - 6) + "999999";
    Reply hidden = http.basic(HAI_DUONG, "GET", "/api/issues/" + number, null);
    Reply absent = http.basic(HAI_DUONG, "GET", "/api/issues/" + missing, null);
    assertThat(hidden.status()).as(hidden.body() + hidden.headers().map()).isEqualTo(404);
    assertThat(absent.status()).isEqualTo(404);
    assertThat(json.readTree(hidden.body()).get("detail").asText().replace(number, "#"))
        .isEqualTo(json.readTree(absent.body()).get("detail").asText().replace(missing, "#"));
    Reply withdraw = http.basic(HAI_DUONG, "POST", "/api/issues/" + number + "/withdrawal", "{\"reason\":\"x\"}");
    assertThat(withdraw.status()).isEqualTo(404);
    Task task = issues.levelTask(number);
    for (EngineDoor door : doors(HAI_DUONG)) {
      Reply claim = door.call("POST", "/task/" + task.getId() + "/claim", "{\"userId\":\"" + HAI_DUONG + "\"}");
      Reply nothing = door.call("POST", "/task/no-such-task/claim", "{\"userId\":\"" + HAI_DUONG + "\"}");
      assertThat(claim.status()).isEqualTo(404);
      assertThat(nothing.status()).isEqualTo(404);
      assertThat(json.readTree(claim.body()).get("message").asText())
          .isEqualTo(json.readTree(nothing.body()).get("message").asText());
    }
  }

  @Test
  void aTaskAnsweredAMomentAgoIsAConflictForItsUnitAndUnknownToOthers() {
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    String answer = variables("outcome", "GUIDANCE_GIVEN", "answer", "Áp dụng hướng dẫn số 12.");
    assertThat(http.engineRest(FINANCE_DEPARTMENT).call("POST", "/task/" + task.getId() + "/complete", answer).status())
        .isEqualTo(204);
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      Reply again = door.call("POST", "/task/" + task.getId() + "/submit-form", answer);
      assertThat(again.status()).as(door.name()).isEqualTo(409);
      assertThat(again.body()).contains("đã được người khác xử lý");
    }
    Reply outsider = http.engineRest(HAI_DUONG).call("POST", "/task/" + task.getId() + "/complete", answer);
    assertThat(outsider.status()).as("another commune learns nothing").isEqualTo(404);
  }

  @Test
  void l8_invisibleAndControlCharactersAreRefusedInEveryTextField() {
    long before = instances();
    for (String bad : List.of("\\u0000", "\\u200b", "\\ud800", "\\u202e", "\\u0007")) {
      String filing = "{\"communeCode\":\"10507\",\"field\":\"health\",\"title\":\"Thiếu" + bad + " bác sĩ\","
          + "\"description\":\"D\",\"attempted\":\"A\",\"urgency\":\"NORMAL\"}";
      Reply reply = http.basic(THANH_DONG, "POST", "/api/issues", filing);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.body()).contains("ký tự không được phép");
    }
    assertThat(instances()).isEqualTo(before);
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    for (EngineDoor door : doors(FINANCE_DEPARTMENT)) {
      Reply reply = door.call("POST", "/task/" + task.getId() + "/complete",
          "{\"variables\":{\"outcome\":{\"value\":\"GUIDANCE_GIVEN\"},\"answer\":{\"value\":\"a\\u0000b\"}}}");
      assertThat(reply.status()).as(door.name()).isEqualTo(400);
      assertThat(reply.body()).contains("ký tự không được phép");
    }
    assertThat(issues.levelTask(number).getId()).isEqualTo(task.getId());
  }

  @Test
  void l9_countryWideStatisticsAndMetricsAreNotForUnits() {
    List<String> countryWide = List.of("/process-definition/statistics", "/metrics", "/history/process-instance/report",
        "/task/report/candidate-group-count", "/metrics/activity-instance-start/sum");
    for (String user : List.of(THANH_DONG, FINANCE_DEPARTMENT, PROVINCE_SUPERVISOR)) {
      for (EngineDoor door : doors(user)) {
        for (String path : countryWide) {
          assertThat(door.call("GET", path, null).status()).as("%s %s", door.name(), path).isEqualTo(403);
        }
      }
    }
    assertThat(http.engineRest(CENTRAL_SUPERVISOR).call("GET", "/process-definition/statistics", null).status()).isEqualTo(200);
    assertThat(http.engineRest(CENTRAL_SUPERVISOR).call("GET", "/metrics", null).status()).isEqualTo(403);
  }
}
