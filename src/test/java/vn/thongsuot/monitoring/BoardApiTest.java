package vn.thongsuot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.escalation.process.EscalationLevelModel.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.http.ResponseEntity;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;

/**
 * The supervisors' board as they use it, over HTTP. Its issues are filed in March 2027, a month no
 * other test uses, so the league tables of that month hold exactly what this test did.
 */
@AppTest
class BoardApiTest {

  static final Instant MARCH_1 = ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant();

  @Autowired TestRestTemplate http;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();
  EscalationDriver issues;

  @BeforeEach
  void setUp() {
    issues = new EscalationDriver(filing, tasks, runtime, management);
    EscalationDriver.clockAt(MARCH_1);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  @Test
  void supervisorsSeeTheirScopeTimersByWhatFiresNextAndTheLeagueOfTheMonth() throws Exception {
    String answered = issues.file("10507", "finance-budget", "NORMAL");
    String escalated = issues.file("10507", "health", "NORMAL");
    String lamDong = issues.file("22918", "finance-budget", "URGENT");
    issues.answer(answered, "GUIDANCE_GIVEN", "Hướng dẫn ngay trong ngày.");
    issues.fire(escalated, BOUNDARY_REMINDER_DUE);
    issues.fire(escalated, BOUNDARY_DEADLINE_PASSED);
    issues.fire(escalated, BOUNDARY_NO_ANSWER);

    // Hải Phòng's supervisor: the escalated issue is at the committee; nothing of Lâm Đồng.
    JsonNode page = get(PROVINCE_SUPERVISOR, "/api/board/timers?size=200");
    List<String> numbers = new ArrayList<>();
    List<Instant> next = new ArrayList<>();
    for (JsonNode row : page.get("items")) {
      numbers.add(row.get("number").asText());
      if (!row.get("nextTimerAt").isNull()) {
        next.add(Instant.parse(row.get("nextTimerAt").asText()));
      }
      assertThat(row.get("provinceCode").asText()).isEqualTo("31");
    }
    assertThat(numbers).contains(answered, escalated).doesNotContain(lamDong);
    assertThat(next).isSorted();

    JsonNode escalatedRow = get(PROVINCE_SUPERVISOR,
        "/api/board/timers?state=ESCALATED&unit=province-31-committee&size=200").get("items");
    assertThat(escalatedRow).anySatisfy(row -> {
      assertThat(row.get("number").asText()).isEqualTo(escalated);
      assertThat(row.get("levelLabel").asText()).isEqualTo("UBND tỉnh");
      assertThat(row.get("unitName").asText()).isEqualTo("UBND Thành phố Hải Phòng");
      assertThat(row.get("escalatedForNoAnswer").asBoolean()).isTrue();
      assertThat(row.get("nextTimer").asText()).isEqualTo("REMINDER");
      assertThat(row.get("workingDaysLeft").asInt()).isEqualTo(10);
    });
    JsonNode assessment = get(PROVINCE_SUPERVISOR,
        "/api/board/timers?level=COMMUNE_ASSESSMENT&unit=commune-10507&size=200").get("items");
    assertThat(assessment).anySatisfy(row -> assertThat(row.get("number").asText()).isEqualTo(answered));

    // League of departments, March 2027, as Hải Phòng's supervisor.
    JsonNode departments = get(PROVINCE_SUPERVISOR, "/api/board/league?by=DEPARTMENT&period=2027-03");
    assertThat(departments.get("period").asText()).isEqualTo("Tháng 3/2027");
    JsonNode finance = row(departments, "province-31-finance");
    assertThat(finance.get("name").asText()).isEqualTo("Sở Tài chính Thành phố Hải Phòng");
    assertThat(finance.get("received").asLong()).isEqualTo(1);
    assertThat(finance.get("answeredOnTime").asLong()).isEqualTo(1);
    assertThat(finance.get("medianWorkingDays").asDouble()).isEqualTo(0.0);
    JsonNode health = row(departments, "province-31-health");
    assertThat(health.get("received").asLong()).isEqualTo(1);
    assertThat(health.get("unanswered").asLong()).isEqualTo(1);
    assertThat(health.get("onTimeRate").asDouble()).isEqualTo(0.0);
    assertThat(departments.get("rows").findValuesAsText("key")).doesNotContain("province-68-finance");

    // The central supervisor sees both provinces.
    JsonNode provinces = get(CENTRAL_SUPERVISOR, "/api/board/league?by=PROVINCE&period=2027-Q1");
    assertThat(provinces.get("rows").findValuesAsText("key")).contains("31", "68");
    assertThat(row(provinces, "68").get("received").asLong()).isEqualTo(1);
  }

  @Test
  void aYearsLeagueTableCountsWhatItsFourQuartersCount() throws Exception {
    String number = issues.file("10507", "education-training", "NORMAL");
    issues.answer(number, "EXCEEDS_DEPARTMENT", "Vượt thẩm quyền của sở.");
    for (String by : List.of("DEPARTMENT", "PROVINCE_COMMITTEE", "COMMUNE", "PROVINCE")) {
      java.util.Map<String, long[]> quarters = new java.util.HashMap<>();
      for (int q = 1; q <= 4; q++) {
        for (JsonNode row : get(CENTRAL_SUPERVISOR, "/api/board/league?by=" + by + "&period=2027-Q" + q).get("rows")) {
          long[] sum = quarters.computeIfAbsent(row.get("key").asText(), k -> new long[4]);
          sum[0] += row.get("received").asLong();
          sum[1] += row.get("answeredOnTime").asLong();
          sum[2] += row.get("answeredLate").asLong();
          sum[3] += row.get("unanswered").asLong();
        }
      }
      JsonNode year = get(CENTRAL_SUPERVISOR, "/api/board/league?by=" + by + "&period=2027");
      assertThat(year.get("period").asText()).isEqualTo("Năm 2027");
      for (JsonNode row : year.get("rows")) {
        long[] sum = quarters.getOrDefault(row.get("key").asText(), new long[4]);
        assertThat(new long[] {row.get("received").asLong(), row.get("answeredOnTime").asLong(),
            row.get("answeredLate").asLong(), row.get("unanswered").asLong()})
            .as(by + " " + row.get("key").asText()).containsExactly(sum);
      }
      assertThat(year.get("rows").findValuesAsText("key")).containsAll(quarters.entrySet().stream()
          .filter(e -> e.getValue()[0] > 0).map(java.util.Map.Entry::getKey).toList());
    }
    JsonNode departments = get(PROVINCE_SUPERVISOR, "/api/board/league?by=DEPARTMENT&period=2027");
    assertThat(row(departments, "province-31-education-training").get("answeredOnTime").asLong())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theLeagueTableDownloadsAsCsvForASpreadsheet() throws Exception {
    issues.file("10507", "land", "NORMAL");
    ResponseEntity<byte[]> csv = http.withBasicAuth(PROVINCE_SUPERVISOR, "demo")
        .getForEntity("/api/board/league.csv?by=DEPARTMENT&period=2027", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("bang-xep-hang-department-202701-202712.csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFMã,Đơn vị,Tỉnh,Tiếp nhận");
    assertThat(text).contains("province-31-agriculture-environment,Sở Nông nghiệp và Môi trường Thành phố Hải Phòng,31,");
  }

  @Test
  void onlySupervisorsInScopeUseTheBoard() {
    assertThat(http.withBasicAuth(THANH_DONG, "demo").getForEntity("/api/board/timers", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(FINANCE_DEPARTMENT, "demo").getForEntity("/api/board/league", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(LAM_DONG_SUPERVISOR, "demo")
        .getForEntity("/api/board/timers?province=31", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(PROVINCE_SUPERVISOR, "demo")
        .getForEntity("/api/board/league?by=MINISTRY", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/board/timers", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badBoardRequestsGetAClearMessage() {
    ResponseEntity<String> badState = http.withBasicAuth(CENTRAL_SUPERVISOR, "demo")
        .getForEntity("/api/board/timers?state=LATE", String.class);
    assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badState.getBody()).contains("Trạng thái 'LATE' không hợp lệ");
    assertThat(http.withBasicAuth(CENTRAL_SUPERVISOR, "demo")
        .getForEntity("/api/board/league?period=2027-13", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth(CENTRAL_SUPERVISOR, "demo")
        .getForEntity("/api/board/timers?size=5000", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth(CENTRAL_SUPERVISOR, "demo")
        .getForEntity("/api/board/timers?page=abc", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private static JsonNode row(JsonNode table, String key) {
    for (JsonNode row : table.get("rows")) {
      if (row.get("key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + table);
  }
}
