package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.FINANCE_MINISTRY;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.HEALTH_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.MUI_NE;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCIAL_COMMITTEE;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;

/**
 * "Hồ sơ của đơn vị", {@code GET /api/issues}, over HTTP as the demo officials: each sees the issues
 * its commune filed, its units hold or have held, a supervisor its province's; never another unit's.
 */
@AppTest
class UnitIssuesApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();
  EscalationDriver issues;

  @BeforeEach
  void mondayMorning() {
    ClockUtil.setCurrentTime(java.util.Date.from(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0,
        WorkingDayCalendar.VIETNAM).toInstant()));
    issues = new EscalationDriver(filing, tasks, runtime, management);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ResponseEntity<String> get(String user, String path) {
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, DEMO_PASSWORD);
    return client.getForEntity(path, String.class);
  }

  /** Every issue the official lists under the query, page after page, by number. */
  Map<String, JsonNode> listed(String user, String query) throws Exception {
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    for (int page = 0; ; page++) {
      ResponseEntity<String> response = get(user, "/api/issues?size=100&page=" + page + (query.isEmpty() ? "" : "&" + query));
      assertThat(response.getStatusCode()).as(user + " " + query).isEqualTo(HttpStatus.OK);
      JsonNode body = json.readTree(response.getBody());
      body.get("items").forEach(item -> rows.put(item.get("number").asText(), item));
      if ((long) (page + 1) * 100 >= body.get("total").asLong()) {
        return rows;
      }
    }
  }

  @Test
  void eachUnitListsWhatItFiledHoldsOrHeldAndNeverAnotherUnitsIssue() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");

    JsonNode own = listed(THANH_DONG, "").get(number);
    assertThat(own).as("the filing commune lists its issue").isNotNull();
    assertThat(own.get("status").asText()).isEqualTo("OPEN");
    assertThat(own.get("statusLabel").asText()).isEqualTo("Đang xử lý");
    assertThat(own.get("unitGroup").asText()).isEqualTo("province-31-finance");
    assertThat(own.get("unitName").asText()).isEqualTo("Sở Tài chính Thành phố Hải Phòng");
    assertThat(own.get("levelLabel").asText()).isNotBlank();
    assertThat(own.get("deadline").asText()).isEqualTo("2026-12-02T10:00:00Z");
    assertThat(own.get("deadlineText").asText()).isEqualTo("17:00 ngày 02/12/2026");
    assertThat(own.get("workingDaysLeft").asInt()).isEqualTo(7);
    assertThat(own.get("deadlineProvisional").asBoolean()).isFalse();
    assertThat(own.get("heldByCaller").asBoolean()).isFalse();
    assertThat(own.get("communeName").asText()).isEqualTo("Phường Thành Đông");
    assertThat(own.get("fieldName").asText()).isEqualTo("Tài chính, ngân sách");

    JsonNode held = listed(FINANCE_DEPARTMENT, "").get(number);
    assertThat(held).as("the department that holds it").isNotNull();
    assertThat(held.get("heldByCaller").asBoolean()).isTrue();
    assertThat(listed(PROVINCE_SUPERVISOR, "")).containsKey(number);
    assertThat(listed(CENTRAL_SUPERVISOR, "")).containsKey(number);
    for (String other : new String[] {HAI_DUONG, MUI_NE, HEALTH_DEPARTMENT, LAM_DONG_FINANCE_DEPARTMENT,
        LAM_DONG_SUPERVISOR, PROVINCIAL_COMMITTEE, FINANCE_MINISTRY}) {
      assertThat(listed(other, "")).as(other + " has never held it").doesNotContainKey(number);
    }
    // Every row another commune sees is its own.
    assertThat(listed(HAI_DUONG, "").values()).allSatisfy(row ->
        assertThat(row.get("communeCode").asText()).isEqualTo("10525"));

    issues.answer(number, "EXCEEDS_DEPARTMENT", "Vượt thẩm quyền của sở.");

    JsonNode atCommittee = listed(PROVINCIAL_COMMITTEE, "").get(number);
    assertThat(atCommittee).as("the committee now holds it").isNotNull();
    assertThat(atCommittee.get("heldByCaller").asBoolean()).isTrue();
    JsonNode answered = listed(FINANCE_DEPARTMENT, "").get(number);
    assertThat(answered).as("the department still lists what it held").isNotNull();
    assertThat(answered.get("heldByCaller").asBoolean()).isFalse();
    assertThat(answered.get("unitGroup").asText()).isEqualTo("province-31-committee");
    assertThat(listed(HAI_DUONG, "")).doesNotContainKey(number);
    assertThat(listed(HEALTH_DEPARTMENT, "")).doesNotContainKey(number);
  }

  @Test
  void statusAndFieldFilterAndPagesAreCut() throws Exception {
    String finance = issues.file("finance-budget", "NORMAL");
    String health = issues.file("health", "URGENT");

    assertThat(listed(THANH_DONG, "field=health")).containsKey(health).doesNotContainKey(finance)
        .allSatisfy((number, row) -> assertThat(row.get("field").asText()).isEqualTo("health"));
    assertThat(listed(THANH_DONG, "status=OPEN")).containsKeys(finance, health);
    assertThat(listed(THANH_DONG, "status=RESOLVED")).doesNotContainKeys(finance, health)
        .allSatisfy((number, row) -> assertThat(row.get("status").asText()).isEqualTo("RESOLVED"));

    JsonNode first = json.readTree(get(THANH_DONG, "/api/issues?size=1").getBody());
    assertThat(first.get("size").asInt()).isEqualTo(1);
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("items")).hasSize(1);
    assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
    JsonNode second = json.readTree(get(THANH_DONG, "/api/issues?size=1&page=1").getBody());
    assertThat(second.get("items").get(0).get("number")).isNotEqualTo(first.get("items").get(0).get("number"));
    JsonNode beyond = json.readTree(get(THANH_DONG, "/api/issues?size=100&page=100000").getBody());
    assertThat(beyond.get("items")).isEmpty();
  }

  @Test
  void badQueriesAre400InVietnameseAsProblemDetailsAndAnonymousIs401() throws Exception {
    String before = jdbc.queryForObject("SELECT COUNT(*) || '/' || (SELECT COUNT(*) FROM ts_issue_event) FROM ts_issue",
        String.class);
    Map<String, String> refusals = Map.of(
        "/api/issues?status=DONE", "Trạng thái 'DONE' không có",
        "/api/issues?size=1000", "từ 1 đến 100",
        "/api/issues?size=0", "từ 1 đến 100",
        "/api/issues?page=-1", "bắt đầu từ 0",
        "/api/issues?page=abc", "tham số 'page' không hợp lệ",
        "/api/issues?size=9999999999", "tham số 'size' không hợp lệ",
        "/api/issues?field=weather", "Lĩnh vực 'weather' không có");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      ResponseEntity<String> response = get(THANH_DONG, refusal.getKey());
      assertThat(response.getStatusCode()).as(refusal.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .as(refusal.getKey()).isTrue();
      assertThat(json.readTree(response.getBody()).get("detail").asText()).as(refusal.getKey())
          .contains(refusal.getValue());
    }
    JsonNode both = json.readTree(get(THANH_DONG, "/api/issues?status=x&size=101").getBody());
    assertThat(both.get("errors")).hasSize(2);
    assertThat(get(null, "/api/issues").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) || '/' || (SELECT COUNT(*) FROM ts_issue_event) FROM ts_issue",
        String.class)).isEqualTo(before);
  }

  @Test
  void theFiltersNameEveryStatusAndField() throws Exception {
    JsonNode filters = json.readTree(get(THANH_DONG, "/api/issues/filters").getBody());
    assertThat(filters.get("statuses").findValuesAsText("code")).containsExactly("OPEN", "RESOLVED", "WITHDRAWN");
    assertThat(filters.get("statuses").get(0).get("label").asText()).isEqualTo("Đang xử lý");
    assertThat(filters.get("fields").findValuesAsText("code")).contains("finance-budget", "health", "land");
    assertThat(get(null, "/api/issues/filters").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void thePageIsServedWithAStrictContentSecurityPolicyAndTasklistLinksToIt() {
    // (the client follows the redirect to index.html)
    assertThat(get(null, "/unit-issues/").getBody()).contains("Hồ sơ của đơn vị");
    assertThat(get(null, "/unit-issues").getBody()).contains("Hồ sơ của đơn vị");
    ResponseEntity<String> page = get(null, "/unit-issues/index.html");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<h1", "Hồ sơ của đơn vị", "<caption>");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    ResponseEntity<String> script = get(null, "/unit-issues/unit-issues.js");
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody()).contains("/api/issues?").doesNotContain("innerHTML");
    ResponseEntity<String> shared = get(null, "/board/common.js");
    assertThat(shared.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shared.getBody()).contains("function showIssue").doesNotContain("innerHTML");

    ResponseEntity<String> tasklist = get(null, "/camunda/app/tasklist/scripts/thongsuot.js");
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklist.getBody()).contains("Hồ sơ của đơn vị", "'/unit-issues/'").doesNotContain("innerHTML");
    assertThat(get(null, "/camunda/app/tasklist/locales/vi-forms.json").getBody()).contains("Trường này bắt buộc");
  }
}
