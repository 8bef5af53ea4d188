package vn.thongsuot.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_DEADLINE_PASSED;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_NO_ANSWER;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_REMINDER_DUE;
import static vn.thongsuot.reporting.process.MonthlyReportModel.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;

/**
 * The monthly report from the timer to the published page. Its issues are filed in April 2027, a
 * month no other test uses, so the report of that month holds exactly what this test did.
 */
@AppTest
class MonthlyReportTest {

  static final Instant APRIL_1 = vietnam("2027-04-01T09:00");
  /** 08:00 UTC on the 27th: the default schedule, 15:00 in Vietnam. */
  static final Instant REPORT_DAY = Instant.parse("2027-04-27T08:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void compilesTheMonthOnThe27thAndPublishesItOnceTheCentralCommitteeApproves() throws Exception {
    publishedBeforeApril();
    EscalationDriver issues = new EscalationDriver(filing, tasks, runtime, management);
    EscalationDriver.clockAt(APRIL_1);
    // Hải Phòng (31): one issue answered the same day and removed, one left unanswered.
    String removed = issues.file("10507", "finance-budget", "NORMAL");
    String unanswered = issues.file("10507", "health", "NORMAL");
    // Lâm Đồng (68): answered two working days later (Thursday 09:00 to Monday 10:00).
    String answeredLater = issues.file("22918", "land", "NORMAL");
    issues.answer(removed, "GUIDANCE_GIVEN", "Hướng dẫn ngay trong ngày.");
    issues.assess(removed, "REMOVED", "Đã tháo gỡ.");
    EscalationDriver.clockAt(vietnam("2027-04-05T10:00"));
    issues.answer(answeredLater, "GUIDANCE_GIVEN", "Hướng dẫn sau hai ngày.");
    issues.fire(unanswered, BOUNDARY_REMINDER_DUE);
    issues.fire(unanswered, BOUNDARY_DEADLINE_PASSED);
    Instant escalatedAt = issues.fire(unanswered, BOUNDARY_NO_ANSWER);
    assertThat(escalatedAt).isBefore(vietnam("2027-04-27T00:00"));

    // Nothing is published before the report day.
    assertThat(status(CENTRAL_SUPERVISOR, "/api/reports/2027-04.html")).isEqualTo(HttpStatus.NOT_FOUND);

    // The report day: the start timer fires, as the job executor would.
    EscalationDriver.clockAt(REPORT_DAY);
    Job timer = reportTimer();
    management.executeJob(timer.getId());
    ProcessInstance report = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
        .processInstanceBusinessKey("BC-2027-04").singleResult();
    assertThat(report).isWaitingAt(TASK_REVIEW_REPORT).hasPassed(TASK_COMPILE_REPORT);

    // The next report is due on the 27th of May, at the same time.
    Job next = reportTimer();
    assertThat(next.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-05-27T08:00:00Z")));

    Task review = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_REPORT);
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains(REVIEWER_GROUP);
    // Tuesday 27/04 15:00: 28/04, 29/04, then 30/04 and 01/05 are holidays and 01/05 falls on a
    // Saturday, so Monday 03/05 is off in compensation: the 3rd working day is Tuesday 04/05.
    assertThat(review.getDueDate()).isEqualTo(Date.from(vietnam("2027-05-04T17:00")));
    String summary = (String) runtime.getVariable(report.getId(), REPORT_SUMMARY);
    assertThat(summary).startsWith("Tháng 4/2027.")
        .contains("Cả nước: 3 vướng mắc mới; 1 đã tháo gỡ (sở 1, UBND tỉnh 0, bộ 0, Chính phủ 0,"
            + " Quốc hội 0); 1 lượt quá hạn; 1 lượt chuyển lên do không trả lời; trung vị 1,0 ngày"
            + " làm việc (2 ý kiến trả lời).")
        .contains("- Thành phố Hải Phòng: 2 vướng mắc mới; 1 đã tháo gỡ");

    // Tasklist shows the Committee its form and the model (read granted to supervisor-central only).
    ResponseEntity<String> form = get(CENTRAL_SUPERVISOR, "/engine-rest/task/" + review.getId() + "/deployed-form");
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("\"id\": \"MonthlyReportReviewForm\"", "reviewDecision");
    assertThat(status(CENTRAL_SUPERVISOR, "/engine-rest/process-definition/key/MonthlyReport"))
        .isEqualTo(HttpStatus.OK);
    assertThat(status(PROVINCE_SUPERVISOR, "/engine-rest/process-definition/key/MonthlyReport"))
        .isNotEqualTo(HttpStatus.OK);

    // A provincial supervisor cannot decide on it, nor even see it; a return needs a comment.
    Completion notCentral = complete(PROVINCE_SUPERVISOR, review.getId(), "APPROVE", null);
    assertThat(notCentral.status()).as(notCentral.body()).isEqualTo(404);
    Completion noComment = complete(CENTRAL_SUPERVISOR, review.getId(), "RETURN", " ");
    assertThat(noComment.status()).isEqualTo(400);
    assertThat(noComment.body()).contains("Khi trả lại báo cáo, cần ghi rõ ý kiến");
    Completion unknownDecision = complete(CENTRAL_SUPERVISOR, review.getId(), "MAYBE", null);
    assertThat(unknownDecision.status()).isEqualTo(400);
    assertThat(unknownDecision.body()).contains("Chọn ý kiến duyệt");
    assertThat(report).isWaitingAt(TASK_REVIEW_REPORT);

    // Returned with a comment: compiled again, back to the Committee; a draft is never shown.
    Completion returned = complete(CENTRAL_SUPERVISOR, review.getId(), "RETURN",
        "Đề nghị rà soát lại số liệu của Lâm Đồng.");
    assertThat(returned.status()).as(returned.body()).isEqualTo(204);
    assertThat(report).hasPassed(TASK_RECOMPILE_REPORT).isWaitingAt(TASK_REVIEW_REPORT);
    assertThat(status(CENTRAL_SUPERVISOR, "/api/reports/2027-04.csv")).isEqualTo(HttpStatus.NOT_FOUND);
    Task second = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();
    Completion approved = complete(CENTRAL_SUPERVISOR, second.getId(), "APPROVE", null);
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(report).hasPassed(TASK_PUBLISH_REPORT, END_REPORT_PUBLISHED).isEnded();

    // Listed on the board.
    JsonNode list = json.readTree(get(CENTRAL_SUPERVISOR, "/api/reports").getBody());
    JsonNode april = null;
    for (JsonNode item : list) {
      if (item.get("month").asText().equals("2027-04")) {
        april = item;
      }
    }
    assertThat(april).as(list.toString()).isNotNull();
    assertThat(april.get("title").asText()).isEqualTo("Báo cáo tháng 04/2027");
    assertThat(april.get("approvedBy").asText()).isEqualTo(CENTRAL_SUPERVISOR);
    assertThat(april.get("csv").asText()).isEqualTo("/api/reports/2027-04.csv");
    // The period: from the previous report's cut-off to this one's, 5 minutes before the run.
    assertThat(april.get("periodText").asText())
        .isEqualTo("Kỳ báo cáo: từ 00:00 ngày 01/04/2027 đến trước 14:55 ngày 27/04/2027");
    assertThat(april.get("periodTo").asText()).isEqualTo("2027-04-27T07:55:00Z");

    // The CSV of the whole country.
    ResponseEntity<byte[]> csv = http.withBasicAuth(CENTRAL_SUPERVISOR, "demo")
        .getForEntity("/api/reports/2027-04.csv", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFMã tỉnh,Tỉnh/thành phố,Mã lĩnh vực,Lĩnh vực,Vướng mắc mới,Đã tháo gỡ,"
        + "Tháo gỡ tại sở,Tháo gỡ tại UBND tỉnh,Tháo gỡ tại bộ");
    List<String> rows = List.of(text.split("\r\n"));
    assertThat(rows).contains(
        "31,Thành phố Hải Phòng,finance-budget,\"Tài chính, ngân sách\",1,1,1,0,0,0,0,0,0,1,0.0",
        "31,Thành phố Hải Phòng,health,Y tế,1,0,0,0,0,0,0,1,1,0,",
        "31,Thành phố Hải Phòng,ALL,Tất cả lĩnh vực,2,1,1,0,0,0,0,1,1,1,0.0",
        "68,Tỉnh Lâm Đồng,land,Đất đai,1,0,0,0,0,0,0,0,0,1,2.0",
        "VN,Cả nước,ALL,Tất cả lĩnh vực,3,1,1,0,0,0,0,1,1,2,1.0");

    // The page, with the reviewers' comment kept and text escaped.
    ResponseEntity<String> page = get(CENTRAL_SUPERVISOR, "/api/reports/2027-04.html");
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).contains("<title>Báo cáo tháng 04/2027", "<h1>Báo cáo tháng 04/2027</h1>",
        "Phạm vi: cả nước", "Kỳ báo cáo: từ 00:00 ngày 01/04/2027 đến trước 14:55 ngày 27/04/2027.",
        "Ý kiến khi duyệt: Đề nghị rà soát lại số liệu của Lâm Đồng.",
        "công bố lúc 15:00 ngày 27/04/2027", "<td>Tỉnh Lâm Đồng</td>", "<td>Cả nước</td>");

    assertThat(page.getBody()).contains("<h2>Tình hình giải quyết của các cơ quan</h2>",
        "<h2>Phụ lục: vướng mắc chưa tháo gỡ tại thời điểm 14:55 ngày 27/04/2027</h2>");

    // The annex: the two items still open at the cut-off, the one removed is not there. Other tests'
    // issues still open then are listed too (the shared database), so only these are looked at.
    JsonNode annex = json.readTree(get(CENTRAL_SUPERVISOR, "/api/reports/2027-04/annex").getBody());
    JsonNode escalatedItem = annexItem(annex, unanswered);
    assertThat(escalatedItem.get("holderGroup").asText()).isEqualTo("province-31-committee");
    assertThat(escalatedItem.get("holder").asText()).isEqualTo("UBND Thành phố Hải Phòng");
    assertThat(escalatedItem.get("escalations").asInt()).isEqualTo(1);
    assertThat(escalatedItem.get("extensions").asInt()).isZero();
    assertThat(annexItem(annex, answeredLater).get("holderGroup").asText()).isEqualTo("commune-22918");
    assertThat(annexItem(annex, removed)).isNull();
    JsonNode provincialAnnex = json.readTree(get(PROVINCE_SUPERVISOR, "/api/reports/2027-04/annex").getBody());
    assertThat(annexItem(provincialAnnex, unanswered)).isNotNull();
    assertThat(annexItem(provincialAnnex, answeredLater)).isNull();
    assertThat(new String(http.withBasicAuth(PROVINCE_SUPERVISOR, "demo")
        .getForEntity("/api/reports/2027-04/annex.csv", byte[].class).getBody(), StandardCharsets.UTF_8))
        .startsWith("\uFEFFSố vướng mắc,").contains(unanswered).doesNotContain(answeredLater);

    // The four-way status: Hải Phòng's finance department answered on time within the period; its
    // health department did not answer at all, which is no answer, on time or late.
    JsonNode units = json.readTree(get(PROVINCE_SUPERVISOR, "/api/reports/2027-04/status").getBody()).get("units");
    JsonNode finance = unit(units, "province-31-finance");
    assertThat(finance.get("solvedOnTime").asInt()).isEqualTo(1);
    assertThat(finance.get("solvedLate").asInt()).isZero();
    JsonNode health = unit(units, "province-31-health");
    assertThat(health == null ? 0 : health.get("solvedOnTime").asInt() + health.get("solvedLate").asInt()).isZero();

    // Hải Phòng's supervisor reads Hải Phòng's lines only.
    String provincial = new String(http.withBasicAuth(PROVINCE_SUPERVISOR, "demo")
        .getForEntity("/api/reports/2027-04.csv", byte[].class).getBody(), StandardCharsets.UTF_8);
    assertThat(provincial).contains("31,Thành phố Hải Phòng,ALL,Tất cả lĩnh vực,2,")
        .doesNotContain("Lâm Đồng").doesNotContain("Cả nước");
    assertThat(get(PROVINCE_SUPERVISOR, "/api/reports/2027-04.html").getBody())
        .contains("Phạm vi: Thành phố Hải Phòng", "<td>Thành phố Hải Phòng</td><td>Y tế</td>")
        .doesNotContain("<td>Tỉnh Lâm Đồng</td>", "<td>Cả nước</td>");
  }

  @Test
  void onlySupervisorsReadReportsAndAMonthMustBeWellFormed() throws Exception {
    assertThat(status(THANH_DONG, "/api/reports")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(FINANCE_DEPARTMENT, "/api/reports/2027-04.html")).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> malformed = get(CENTRAL_SUPERVISOR, "/api/reports/2027-13.csv");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody()).contains("Tháng '2027-13' không hợp lệ");
    ResponseEntity<String> unknown = get(CENTRAL_SUPERVISOR, "/api/reports/2019-01.html");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("Chưa có báo cáo tháng 01/2019 được duyệt và công bố.");
  }

  @Test
  void theHtmlPageEscapesWhatOfficialsTyped() {
    PublishedReport report = new PublishedReport(1, java.time.YearMonth.of(2027, 4),
        REPORT_DAY, REPORT_DAY, CENTRAL_SUPERVISOR, "<script>alert('x')</script> & co",
        new ReportPeriod(null, null, REPORT_DAY, null));
    String html = ReportDocuments.html(report, List.of(), "cả nước");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
        .doesNotContain("<script>");
    assertThat(vn.thongsuot.system.CsvCells.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
  }

  /**
   * The report published before April, cut off at 00:00 on 1 April (Vietnam), so April's report
   * counts from there and holds what this test does, whatever other tests of the shared context
   * filed at other times. Written as a report from before stored periods (outside the chain that
   * other tests' reports form), so no other test's report can be replaced by it or follow it.
   */
  private void publishedBeforeApril() {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM ts_monthly_report WHERE process_instance_id = 'before-2027-04'",
        Integer.class) == 0) {
      java.sql.Timestamp cutoff = java.sql.Timestamp.from(vietnam("2027-04-01T00:00"));
      jdbc.update("INSERT INTO ts_monthly_report (year_month, status, process_instance_id, compiled_at,"
          + " period_to, published_at, approved_by, published_month) VALUES (202703, 'PUBLISHED',"
          + " 'before-2027-04', ?, ?, ?, ?, 202703)", cutoff, cutoff, cutoff, CENTRAL_SUPERVISOR);
    }
  }

  private static JsonNode annexItem(JsonNode annex, String number) {
    for (JsonNode item : annex.get("items")) {
      if (item.get("number").asText().equals(number)) {
        return item;
      }
    }
    return null;
  }

  private static JsonNode unit(JsonNode units, String group) {
    for (JsonNode unit : units) {
      if (unit.get("unitGroup").asText().equals(group)) {
        return unit;
      }
    }
    return null;
  }

  private Job reportTimer() {
    List<Job> timers = management.createJobQuery().processDefinitionKey(PROCESS_ID)
        .activityId(START_REPORT_DAY).timers().list();
    assertThat(timers).hasSize(1);
    return timers.get(0);
  }

  record Completion(int status, String body) {}

  /** Completes the review over /engine-rest, as Tasklist does for the logged-in official. */
  private Completion complete(String user, String taskId, String decision, String comment) {
    String variables = "{\"variables\":{\"reviewDecision\":{\"value\":\"" + decision + "\",\"type\":\"String\"}"
        + (comment == null ? "" : ",\"reviewComment\":{\"value\":\"" + comment + "\",\"type\":\"String\"}")
        + "}}";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").exchange(
        "/engine-rest/task/" + taskId + "/complete", HttpMethod.POST, new HttpEntity<>(variables, headers),
        String.class);
    return new Completion(response.getStatusCode().value(), String.valueOf(response.getBody()));
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(get(user, path).getStatusCode().value());
  }

  private static Instant vietnam(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
