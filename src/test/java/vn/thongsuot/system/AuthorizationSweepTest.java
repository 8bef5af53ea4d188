package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.ADMINISTRATOR;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.FINANCE_MINISTRY;
import static vn.thongsuot.DemoAccounts.GOVERNMENT_OFFICE;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.HEALTH_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_COMMITTEE;
import static vn.thongsuot.DemoAccounts.LAM_DONG_FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.MUI_NE;
import static vn.thongsuot.DemoAccounts.NATIONAL_ASSEMBLY;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCIAL_COMMITTEE;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.reporting.MonthlyReports;
import vn.thongsuot.reporting.ReportLine;
import vn.thongsuot.reporting.ReportPeriod;
import vn.thongsuot.system.SweepCalls.Reply;

/**
 * Every endpoint of ours, called by an official of every kind of unit, anonymously and with a wrong
 * password: who gets through, and that nobody reads another unit's issue, its timeline, its board
 * rows, its report lines, or, through the engine REST API, its tasks, process instances and history.
 * The endpoints come from Spring's handler mapping: a new endpoint under /api fails this test until
 * the table below says how to call it and who may.
 */
@AppTest
class AuthorizationSweepTest {

  /** Every kind of unit of the directory, plus the administrator. */
  static final List<String> USERS = List.of(THANH_DONG, HAI_DUONG, MUI_NE, FINANCE_DEPARTMENT,
      HEALTH_DEPARTMENT, LAM_DONG_FINANCE_DEPARTMENT, PROVINCIAL_COMMITTEE, LAM_DONG_COMMITTEE,
      FINANCE_MINISTRY, GOVERNMENT_OFFICE, NATIONAL_ASSEMBLY, PROVINCE_SUPERVISOR, LAM_DONG_SUPERVISOR,
      CENTRAL_SUPERVISOR, ADMINISTRATOR);
  /** Who may read the issue: the filing commune, the unit holding it, supervisors in scope, the administrator. */
  static final Set<String> READERS = Set.of(THANH_DONG, FINANCE_DEPARTMENT, PROVINCE_SUPERVISOR, CENTRAL_SUPERVISOR, ADMINISTRATOR);
  static final Set<String> SUPERVISORS = Set.of(PROVINCE_SUPERVISOR, LAM_DONG_SUPERVISOR, CENTRAL_SUPERVISOR);
  static final YearMonth MONTH = YearMonth.of(2029, 2);

  @Autowired TestRestTemplate http;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired MonthlyReports reports;
  final ObjectMapper json = new ObjectMapper();

  /**
   * How to call each endpoint of ours: its path with the issue's number or the report's month, a
   * body that changes nothing even for an official allowed to call it (so allowed callers get a 400
   * from the check that runs after the access check), who is allowed, and what they get.
   */
  record Call(String path, String body, Set<String> allowed, int allowedStatus) {}

  Map<String, Call> table(String number) {
    Map<String, Call> table = new LinkedHashMap<>();
    table.put("POST /api/issues", new Call("/api/issues",
        "{\"communeCode\":\"10507\",\"field\":\"finance-budget\",\"title\":\" \"}", Set.of(THANH_DONG), 400));
    // "Hồ sơ của đơn vị": every official lists its own units' issues (UnitIssuesApiTest pages through
    // them); whoever may not read this issue must not find it there.
    table.put("GET /api/issues", new Call("/api/issues?size=100&field=finance-budget&status=OPEN", null,
        Set.copyOf(USERS), 200));
    table.put("GET /api/issues/filters", new Call("/api/issues/filters", null, Set.copyOf(USERS), 200));
    table.put("GET /api/issues/{number}", new Call("/api/issues/" + number, null, READERS, 200));
    table.put("POST /api/issues/{number}/withdrawal", new Call("/api/issues/" + number + "/withdrawal", "{}",
        Set.of(THANH_DONG), 400));
    table.put("POST /api/issues/{number}/deadline-extension", new Call("/api/issues/" + number
        + "/deadline-extension", "{\"workingDays\":0,\"reason\":\"x\"}", Set.of(PROVINCE_SUPERVISOR, CENTRAL_SUPERVISOR), 400));
    table.put("GET /api/board/me", new Call("/api/board/me", null, SUPERVISORS, 200));
    table.put("GET /api/board/options", new Call("/api/board/options", null, SUPERVISORS, 200));
    table.put("GET /api/board/timers", new Call("/api/board/timers?size=200", null, SUPERVISORS, 200));
    table.put("GET /api/board/league", new Call("/api/board/league?by=COMMUNE", null, SUPERVISORS, 200));
    table.put("GET /api/board/league.csv", new Call("/api/board/league.csv?by=DEPARTMENT", null, SUPERVISORS, 200));
    table.put("GET /api/board/trend", new Call("/api/board/trend?months=1", null, SUPERVISORS, 200));
    table.put("GET /api/board/provisional", new Call("/api/board/provisional", null, SUPERVISORS, 200));
    table.put("GET /api/reports", new Call("/api/reports", null, SUPERVISORS, 200));
    table.put("GET /api/reports/{month}.html", new Call("/api/reports/" + MONTH + ".html", null, SUPERVISORS, 200));
    table.put("GET /api/reports/{month}.csv", new Call("/api/reports/" + MONTH + ".csv", null, SUPERVISORS, 200));
    table.put("GET /api/reports/{month}/status", new Call("/api/reports/" + MONTH + "/status", null, SUPERVISORS, 200));
    table.put("GET /api/reports/{month}/annex", new Call("/api/reports/" + MONTH + "/annex", null, SUPERVISORS, 200));
    table.put("GET /api/reports/{month}/annex.csv", new Call("/api/reports/" + MONTH + "/annex.csv", null,
        SUPERVISORS, 200));
    // The working-day calendar is the administrator's alone; a load without a source changes nothing (400).
    table.put("GET /api/calendar", new Call("/api/calendar", null, Set.of(ADMINISTRATOR), 200));
    table.put("GET /api/calendar/versions", new Call("/api/calendar/versions", null, Set.of(ADMINISTRATOR), 200));
    table.put("GET /api/calendar/versions/{number}", new Call("/api/calendar/versions/1", null, Set.of(ADMINISTRATOR), 200));
    table.put("POST /api/calendar/versions", new Call("/api/calendar/versions",
        "{\"content\":\"years:\\n\",\"source\":\" \"}", Set.of(ADMINISTRATOR), 400));
    return table;
  }

  /** "GET /api/issues/{number}" for every method and pattern under /api that Spring MVC serves. */
  Set<String> endpointsOfOurs() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api")) {
          assertThat(info.getMethodsCondition().getMethods()).as("%s answers only named methods", pattern)
              .isNotEmpty();
          info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method + " " + pattern));
        }
      }
    }
    return endpoints;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyRoleReachesOnlyItsOwnUnitsDataOnEveryEndpoint() throws Exception {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2029, 2, 5, 9, 0, 0, 0, WorkingDayCalendar.VIETNAM)
        .toInstant()));
    String number = issueOfThanhDong();
    String title = titleOf(number);
    publishReportOfTheMonth();
    Map<String, Call> table = table(number);
    assertThat(table.keySet()).as("the sweep's table covers every endpoint under /api, and only those")
        .containsExactlyInAnyOrderElementsOf(endpointsOfOurs());

    SweepCalls calls = new SweepCalls(http, "Authorization sweep: our API");
    for (Map.Entry<String, Call> endpoint : table.entrySet()) {
      HttpMethod method = HttpMethod.valueOf(endpoint.getKey().split(" ")[0]);
      Call call = endpoint.getValue();
      for (String user : USERS) {
        Reply reply = send(calls, endpoint.getKey(), user, method, call);
        // An issue's endpoints answer an official who may not read the issue as for one that does not exist.
        boolean aboutTheIssue = call.path().startsWith("/api/issues/");
        int expected = call.allowed().contains(user) ? call.allowedStatus()
            : aboutTheIssue && !READERS.contains(user) ? 404 : 403;
        assertThat(reply.status()).as("%s as %s: %s", endpoint.getKey(), user, reply.body()).isEqualTo(expected);
        if (expected == 403 || expected == 404) {
          assertThat(reply.body()).as("%s as %s", endpoint.getKey(), user).containsPattern(SweepCalls.VIETNAMESE)
              .doesNotContain(title);
        }
        if (reply.status() == 200 && !READERS.contains(user)) {
          // A supervisor of another province: nothing of Hải Phòng, nothing of this issue. (A unit's
          // own list names its own province.)
          assertThat(reply.body()).as("%s as %s", endpoint.getKey(), user).doesNotContain(number).doesNotContain(title);
          if (!call.path().startsWith("/api/issues?")) {
            assertThat(reply.body()).as("%s as %s", endpoint.getKey(), user).doesNotContain("Hải Phòng");
          }
        }
        assertThat(reply.body()).doesNotContainPattern(SweepCalls.LEAK);
      }
      for (String anonymous : new String[] {null, "unknown account"}) {
        Reply reply = anonymous == null
            ? send(calls, endpoint.getKey(), null, method, call)
            : wrongPassword(calls, endpoint.getKey(), method, call);
        // A wrong password, again and again from this address, soon waits (429) without being checked.
        assertThat(reply.status()).as("%s %s", endpoint.getKey(), anonymous).isIn(401, 429);
        assertThat(reply.body()).containsAnyOf("Cần đăng nhập", "xin chờ").doesNotContain(title);
      }
    }
    // The positive side: readers in scope do see the issue where it should be.
    assertThat(calls.get(CENTRAL_SUPERVISOR, "/api/board/timers?size=200").body()).contains(number);
    assertThat(calls.get(PROVINCE_SUPERVISOR, "/api/board/timers?size=200").body()).contains(number);
    assertThat(calls.get(CENTRAL_SUPERVISOR, "/api/reports/" + MONTH + ".html").body()).contains("Hải Phòng");
    assertThat(calls.get(LAM_DONG_SUPERVISOR, "/api/reports/" + MONTH + ".csv").body()).contains("Lâm Đồng");
    calls.print();
  }

  @Test
  void throughTheEngineRestApiNoOfficialReachesAnotherUnitsIssue() throws Exception {
    String number = issueOfThanhDong();
    String instance = new EscalationDriver(filing, tasks, runtime, management).issueInstance(number).getId();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    List<String> lists = List.of("/task?processInstanceBusinessKey=" + number,
        "/process-instance?businessKey=" + number,
        "/history/process-instance?processInstanceBusinessKey=" + number,
        "/history/task?processInstanceBusinessKey=" + number,
        "/history/variable-instance?processInstanceIdIn=" + instance,
        "/history/activity-instance?processInstanceId=" + instance,
        "/variable-instance?processInstanceIdIn=" + instance);
    // Hidden (404) or refused (403), as docs/directory.md says for each.
    Map<String, Integer> singles = new LinkedHashMap<>();
    singles.put("/task/" + task.getId(), 404);
    singles.put("/task/" + task.getId() + "/form-variables", 403);
    singles.put("/task/" + task.getId() + "/variables", 403);
    singles.put("/process-instance/" + instance, 404);
    singles.put("/process-instance/" + instance + "/variables", 403);
    singles.put("/history/process-instance/" + instance, 404);

    SweepCalls calls = new SweepCalls(http, "Authorization sweep: engine REST API");
    Map<String, Set<String>> seenBy = new LinkedHashMap<>();
    for (String user : USERS) {
      boolean outsider = !READERS.contains(user);
      for (String list : lists) {
        String path = "/engine-rest" + list + "&maxResults=50";
        Reply reply = calls.get(user, path);
        JsonNode items = json.readTree(reply.body());
        calls.record("GET /engine-rest" + list.replace(number, "{number}").replace(instance, "{pi}"),
            items.isArray() ? items.size() + " item(s)" : "", user, reply.status());
        assertThat(reply.status()).as(path + " " + user + " " + reply.body()).isEqualTo(200);
        if (items.size() > 0) {
          seenBy.computeIfAbsent(list, k -> new TreeSet<>()).add(user);
        }
        if (outsider) {
          assertThat(items).as("%s as %s", list, user).isEmpty();
        }
      }
      for (Map.Entry<String, Integer> single : singles.entrySet()) {
        Reply reply = calls.get(user, "/engine-rest" + single.getKey());
        calls.record("GET /engine-rest" + single.getKey().replace(task.getId(), "{task}").replace(instance, "{pi}"),
            "", user, reply.status());
        if (outsider) {
          assertThat(reply.status()).as("%s as %s: %s", single.getKey(), user, reply.body())
              .isIn(403, 404);
          assertThat(reply.body()).doesNotContain(number);
        }
      }
      Reply claim = calls.postJson(user, "/engine-rest/task/" + task.getId() + "/claim",
          "{\"userId\":\"" + user + "\"}");
      calls.record("POST /engine-rest/task/{task}/claim", "", user, claim.status());
      if (user.equals(PROVINCE_SUPERVISOR) || user.equals(CENTRAL_SUPERVISOR)) {
        assertThat(claim.status()).as("claim as %s, who reads the task", user).isEqualTo(403);
      } else if (!user.equals(FINANCE_DEPARTMENT) && !user.equals(ADMINISTRATOR)) {
        assertThat(claim.status()).as("claim as %s, who cannot even read it", user).isEqualTo(404);
      } else {
        tasks.setAssignee(task.getId(), null);
      }
      Reply anonymous = calls.get(null, "/engine-rest/task?maxResults=5");
      assertThat(anonymous.status()).isEqualTo(401);
    }
    calls.record("GET /engine-rest/task", "anonymous", null, 401);
    // Each list does find the issue for someone allowed: the probes would see a leak.
    assertThat(seenBy.keySet()).containsExactlyInAnyOrderElementsOf(lists);
    seenBy.values().forEach(users -> assertThat(READERS).containsAll(users));
    assertThat(seenBy.get(lists.get(0))).contains(FINANCE_DEPARTMENT);
    assertThat(seenBy.get(lists.get(1))).contains(THANH_DONG, FINANCE_DEPARTMENT, PROVINCE_SUPERVISOR);
    calls.print();
  }

  private Reply send(SweepCalls calls, String endpoint, String user, HttpMethod method, Call call) {
    Reply reply = calls.call(user, method, call.path(), call.body() == null ? null : MediaType.APPLICATION_JSON,
        call.body(), Map.of());
    calls.record(endpoint, call.body() == null ? "" : call.body(), user, reply.status());
    return reply;
  }

  /** An account that does not exist (a wrong password would lock a demo account for a while). */
  private Reply wrongPassword(SweepCalls calls, String endpoint, HttpMethod method, Call call) {
    Reply reply = new SweepCalls(http.withBasicAuth("cb.commune-00000", "demo"), "").call(null, method, call.path(),
        call.body() == null ? null : MediaType.APPLICATION_JSON, call.body(), Map.of());
    calls.record(endpoint, "unknown account", "cb.commune-00000", reply.status());
    return reply;
  }

  /** An issue of Phường Thành Đông (Hải Phòng) waiting at Sở Tài chính, with a title nobody else uses. */
  private String issueOfThanhDong() {
    return filing.file(new FilingRequest("10507", "finance-budget", "Kiểm tra quyền " + UUID.randomUUID(),
        "Trụ sở cũ chưa bàn giao.", "Đã gửi công văn.", null, "NORMAL"), EscalationDriver.THANH_DONG, null).number();
  }

  private String titleOf(String number) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getDescription();
  }

  /** A published report of the month with a line for Hải Phòng and one for Lâm Đồng. */
  private void publishReportOfTheMonth() {
    if (reports.published(MONTH).isPresent()) {
      return;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<ReportLine> lines = new ArrayList<>();
    lines.add(new ReportLine("31", "Thành phố Hải Phòng", ReportLine.ALL_FIELDS, "Tất cả", 1, 0, 0, 0, 0, 0, 0, 0, 0,
        0, null));
    lines.add(new ReportLine("68", "Tỉnh Lâm Đồng", ReportLine.ALL_FIELDS, "Tất cả", 2, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        null));
    ReportPeriod period = reports.nextPeriod(MONTH, now, null);
    long id = reports.createDraft(MONTH, "sweep-" + UUID.randomUUID(), period, lines, now);
    reports.publish(id, CENTRAL_SUPERVISOR, now);
  }
}
