package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.escalation.EscalationDriver.clockAt;
import static vn.thongsuot.escalation.process.EscalationLevelModel.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.CalendarAdmin;
import vn.thongsuot.calendar.CalendarVersions;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.process.IssueVariables;
import vn.thongsuot.notification.NotificationOutbox;
import vn.thongsuot.notification.RecipientRole;
import vn.thongsuot.system.RejectedRequest;

/**
 * The calendar changes while issues are open: an administrator loads a year's announcement or a
 * correction, and every open deadline it affects is counted again, by engine jobs in batches, with
 * a line in each affected issue's timeline. Times are Hà Nội time; the shipped calendar is put back
 * after each test.
 */
@AppTest
class CalendarRecountTest {

  static final String SOURCE = "test: Tết Đinh Mùi announced 4-14 February 2027";

  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IssueRecords records;
  @Autowired WorkingDayCalendar calendar;
  @Autowired CalendarVersions versions;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationOutbox outbox;
  @Autowired TestRestTemplate http;
  final ObjectMapper json = new ObjectMapper();

  EscalationDriver issues;
  CalendarAdmin admin;

  @BeforeEach
  void setUp() {
    issues = new EscalationDriver(filing, tasks, runtime, management);
    admin = new CalendarAdmin(versions, calendar, runtime, management);
  }

  @AfterEach
  void restore() {
    admin.restoreShipped();
    ClockUtil.reset();
  }

  static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }

  static Instant at17(int year, int month, int day) {
    return at(year, month, day, 17, 0);
  }

  @Test
  void aProvisionalDeadlineAcrossTet2027BecomesFinalAndMovesByTheDaysTheAnnouncementAdds() throws Exception {
    clockAt(at(2027, 1, 28, 9, 0));
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    // Statutory Tết (Fri 5, Mon 8, Tue 9 Feb and the compensatory Wed 10, Thu 11): 7 working days
    // are Fri 29 Jan, 1-4 Feb, Fri 12 and Mon 15 Feb.
    assertThat(task.getDueDate().toInstant()).isEqualTo(at17(2027, 2, 15));
    assertThat(tasks.getVariableLocal(task.getId(), IssueVariables.DEADLINE_TEXT))
        .isEqualTo("17:00 ngày 15/02/2027, giờ Việt Nam (còn 7 ngày làm việc; tạm tính theo Bộ luật Lao động,"
            + " chờ thông báo nghỉ Tết chính thức)");
    JsonNode current = issueJson(number).get("current");
    assertThat(current.get("deadlineProvisional").asBoolean()).isTrue();
    assertThat(current.get("provisionalNote").asText()).contains("tạm tính theo Bộ luật Lao động",
        "quy ước của hệ thống Thông suốt, không phải quy định của pháp luật");
    assertThat(timerRow(number).get("provisional").asBoolean()).isTrue();
    assertThat(get(PROVINCE_SUPERVISOR, "/api/board/provisional").get("openProvisional").asLong())
        .isPositive();

    // The announcement adds Thursday 4 and Friday 12 February to the break.
    int version = admin.load(CalendarAdmin.shippedWith(CalendarAdmin.TET_2027), SOURCE);
    assertThat(admin.recount(version)).isGreaterThanOrEqualTo(2);

    task = issues.levelTask(number);
    Instant moved = at17(2027, 2, 17);
    assertThat(task.getDueDate().toInstant()).isEqualTo(moved)
        .isEqualTo(calendar.addWorkingDays(at17(2027, 2, 15), 2));
    assertThat(calendar.workingDaysBetween(at(2027, 1, 28, 9, 0), moved)).isEqualTo(7);
    assertThat(task.getFollowUpDate().toInstant()).isEqualTo(at17(2027, 2, 15));
    assertThat(issues.timer(number, BOUNDARY_REMINDER_DUE).getDuedate().toInstant()).isEqualTo(at17(2027, 2, 15));
    assertThat(issues.timer(number, BOUNDARY_DEADLINE_PASSED).getDuedate().toInstant()).isEqualTo(moved);
    assertThat(issues.timer(number, BOUNDARY_NO_ANSWER).getDuedate().toInstant()).isEqualTo(at17(2027, 2, 22));
    assertThat(tasks.getVariableLocal(task.getId(), IssueVariables.DEADLINE_TEXT))
        .isEqualTo("17:00 ngày 17/02/2027, giờ Việt Nam (còn 7 ngày làm việc)");
    IssueRecord issue = records.find(number).orElseThrow();
    assertThat(issue.deadline()).isEqualTo(moved);
    assertThat(issue.deadlineProvisional()).isFalse();
    assertThat(jdbc.queryForObject("SELECT deadline_at FROM ts_level_visit WHERE issue_number = ?"
        + " AND answered_at IS NULL", java.sql.Timestamp.class, number).toInstant()).isEqualTo(moved);
    current = issueJson(number).get("current");
    assertThat(current.get("deadlineProvisional").asBoolean()).isFalse();
    assertThat(current.get("deadlineText").asText()).isEqualTo("17:00 ngày 17/02/2027");
    assertThat(timerRow(number).get("provisional").asBoolean()).isFalse();
    assertThat(recountLines(number)).containsExactly("Hạn được tính lại do thay đổi lịch nghỉ (" + SOURCE
        + "): 17:00 ngày 15/02/2027 → 17:00 ngày 17/02/2027. Chuyển lên cấp trên nếu không trả lời: 17:00 ngày"
        + " 22/02/2027.");
    // The version records who loaded it, from which source, and what changed.
    assertThat(versions.find(version).orElseThrow()).satisfies(v -> {
      assertThat(v.loadedBy()).isEqualTo("demo");
      assertThat(v.source()).isEqualTo(SOURCE);
      assertThat(v.changes()).contains("04/02/2027 (Thứ Năm): ngày làm việc → Tết Nguyên đán",
          "12/02/2027 (Thứ Sáu): ngày làm việc → Tết Nguyên đán",
          "Năm 2027: đã có thông báo nghỉ Tết");
      assertThat(v.recountedAt()).isNotNull();
      assertThat(v.recountChanged()).isPositive();
    });

    // The same calendar again (only a comment differs): nothing moves, no second line.
    int again = admin.load(CalendarAdmin.shippedWith(CalendarAdmin.TET_2027 + "  # checked again\n"), "test: again");
    admin.recount(again);
    assertThat(issues.levelTask(number).getDueDate().toInstant()).isEqualTo(moved);
    assertThat(recountLines(number)).hasSize(1);
  }

  @Test
  void aPausedClockKeepsItsWorkingDaysLeftAcrossTheChange() {
    clockAt(at(2027, 1, 20, 9, 0));
    String number = issues.file("land", "NORMAL");
    // 7 working days from Wednesday 20 January: Friday 29 January.
    assertThat(issues.levelTask(number).getDueDate().toInstant()).isEqualTo(at17(2027, 1, 29));
    clockAt(at(2027, 1, 21, 10, 0));
    issues.answer(number, "MORE_INFO", "Đề nghị xã gửi biên bản bàn giao.");
    String level = issues.task(number, TASK_SUPPLY_INFO).getProcessInstanceId();
    assertThat(runtime.getVariable(level, IssueVariables.PAUSED_REMAINING_DAYS)).isEqualTo(6);

    int version = admin.load(CalendarAdmin.shippedWith(CalendarAdmin.TET_2027), SOURCE);
    admin.recount(version);
    assertThat(runtime.getVariable(level, IssueVariables.PAUSED_REMAINING_DAYS)).isEqualTo(6);

    clockAt(at(2027, 2, 3, 9, 0));
    issues.supplyInfo(number, "Biên bản bàn giao số 12/BB.");
    // Six working days from Wednesday 3 February under the announced break (4-14 off): 15-19 and
    // Monday 22 February; the statutory calendar would have given Thursday 18 February.
    assertThat(issues.levelTask(number).getDueDate().toInstant()).isEqualTo(at17(2027, 2, 22));
    assertThat(calendar.workingDaysBetween(at(2027, 2, 3, 9, 0), at17(2027, 2, 22))).isEqualTo(6);
  }

  @Test
  void aNewDeadlineAlreadyPastTakesTheNormalOverduePath() {
    clockAt(at(2026, 12, 1, 9, 0));
    // A mistaken version: Wednesday 2 to Friday 4 December declared days off.
    int wrong = admin.load(withDaysOff2026("2026-12-02", "2026-12-03", "2026-12-04"), "test: three days off by mistake");
    admin.recount(wrong);
    String number = issues.file("health", "URGENT");
    // 3 working days: Mon 7, Tue 8, Wed 9 December.
    assertThat(issues.levelTask(number).getDueDate().toInstant()).isEqualTo(at17(2026, 12, 9));

    clockAt(at(2026, 12, 7, 18, 0));
    int correction = admin.load(CalendarAdmin.shipped(), "test: correction, no days off in December");
    admin.recount(correction);

    // Counted again: Wed 2, Thu 3, Fri 4 December, already past. The reminder would announce a
    // deadline behind us: gone. The deadline's timer is due at once; the escalation 3 days later.
    assertThat(issues.timer(number, BOUNDARY_DEADLINE_PASSED).getDuedate().toInstant()).isEqualTo(at17(2026, 12, 4));
    assertThat(issues.hasTimer(number, BOUNDARY_REMINDER_DUE)).isFalse();
    assertThat(issues.timer(number, BOUNDARY_NO_ANSWER).getDuedate().toInstant()).isEqualTo(at17(2026, 12, 9));
    assertThat(recountLines(number)).singleElement().asString()
        .contains("17:00 ngày 09/12/2026 → 17:00 ngày 04/12/2026", "Hạn mới đã qua: vướng mắc được xử lý như quá hạn.");

    // What the job executor does now: the due timer fires, supervisors are told, the issue is overdue.
    for (Job due : dueJobs(number)) {
      management.executeJob(due.getId());
    }
    assertThat(records.timeline(number)).extracting(TimelineEvent::type).contains(EventType.DEADLINE_PASSED)
        .doesNotContain(EventType.REMINDER);
    assertThat(records.find(number).orElseThrow().overdue()).isTrue();
    assertThat(outbox.ofIssue(number)).anySatisfy(n -> {
      assertThat(n.eventType()).isEqualTo(EventType.DEADLINE_PASSED);
      assertThat(n.role()).isEqualTo(RecipientRole.SUPERVISOR);
    });
    assertThat(issues.levelTask(number)).isNotNull();
  }

  @Test
  void theRecountRunsInBatchesAndEachBatchIsKeptWhenTheNextOneIsStillToCome() {
    clockAt(at(2027, 1, 28, 9, 0));
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      numbers.add(issues.file(i % 2 == 0 ? "finance-budget" : "land", "NORMAL"));
    }
    int previous = calendar.version();
    int version = admin.load(CalendarAdmin.shippedWith(CalendarAdmin.TET_2027), SOURCE);
    // The job may run on a node that has not read the version yet: the batch reads it first.
    calendar.replace(vn.thongsuot.calendar.HolidayRules.shipped(), previous);
    // The test profile's batch is 5 issues: after one job, only the first batch has moved.
    assertThat(admin.step(version)).isTrue();
    assertThat(calendar.version()).isEqualTo(version);
    long movedAfterOne = numbers.stream().filter(n -> !recountLines(n).isEmpty()).count();
    assertThat(movedAfterOne).isLessThanOrEqualTo(5);
    assertThat(versions.find(version).orElseThrow().recountChecked()).isEqualTo(5);
    // The first pass to its end, up to the wait for the other nodes.
    while (management.createJobQuery().processInstanceId(admin.instance(version).getId()).timers().count() == 0) {
      admin.step(version);
    }
    // Meanwhile a node that has not read the new version yet files six issues with the old one.
    calendar.replace(vn.thongsuot.calendar.HolidayRules.shipped(), previous);
    List<String> late = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      late.add(issues.file("health", "NORMAL"));
    }
    assertThat(issues.levelTask(late.get(0)).getDueDate().toInstant()).isEqualTo(at17(2027, 2, 15));
    versions.refresh();
    assertThat(calendar.version()).isEqualTo(version);
    // The late pass counts them again, in batches too.
    int jobs = admin.recount(version);
    assertThat(jobs).isGreaterThanOrEqualTo(3);
    numbers.addAll(late);
    assertThat(numbers).allSatisfy(n -> {
      assertThat(recountLines(n)).as(n).hasSize(1);
      assertThat(issues.levelTask(n).getDueDate().toInstant()).isEqualTo(at17(2027, 2, 17));
      assertThat(records.find(n).orElseThrow().deadlineProvisional()).isFalse();
    });
  }

  @Test
  void aVersionIsCheckedExactlyLikeTheFileAtStartUpAndARefusedOneChangesNothing() throws Exception {
    int before = calendar.version();
    assertThatThrownBy(() -> admin.load("years:\n  2027:\n    tet: {from: 2027-02-08, to: 2027-02-12, source: x}\n",
        "test: wrong break")).isInstanceOf(RejectedRequest.class)
        .hasMessageContaining("Lịch nghỉ không hợp lệ, không có gì được thay đổi")
        .hasMessageContaining("does not contain the lunar new year 2027-02-06");
    assertThatThrownBy(() -> admin.load("years:\n  2026:\n    teet: {}\n", "test")).isInstanceOf(RejectedRequest.class)
        .hasMessageContaining("line 3: unknown key 'teet'");
    assertThatThrownBy(() -> admin.load(CalendarAdmin.shipped(), " ")).isInstanceOf(RejectedRequest.class)
        .hasMessageContaining("Cần nêu nguồn");
    assertThat(calendar.version()).isEqualTo(before);
    assertThat(versions.history()).first().extracting(v -> v.number()).isEqualTo(before);

    // Through HTTP: the administrator gets 400 with the line; an official is refused in Vietnamese.
    ResponseEntity<String> refused = post("demo", "{\"content\":\"years:\\n  2026:\\n    teet: {}\\n\",\"source\":\"x\"}");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("line 3: unknown key 'teet'");
    ResponseEntity<String> official = post(CENTRAL_SUPERVISOR, "{\"content\":\"years:\\n\",\"source\":\"x\"}");
    assertThat(official.getStatusCode().value()).isEqualTo(403);
    assertThat(official.getBody()).contains("Chỉ quản trị viên hệ thống");
    ResponseEntity<String> loaded = post("demo", json.writeValueAsString(java.util.Map.of(
        "content", CalendarAdmin.shippedWith(CalendarAdmin.TET_2027), "source", SOURCE)));
    assertThat(loaded.getStatusCode().value()).as(loaded.getBody()).isEqualTo(201);
    int version = json.readTree(loaded.getBody()).get("version").get("number").asInt();
    assertThat(calendar.version()).isEqualTo(version);
    assertThat(calendar.whyNotWorking(LocalDate.of(2027, 2, 12))).contains("Tết Nguyên đán");
    admin.recount(version);
  }

  private String withDaysOff2026(String... dates) {
    StringBuilder entries = new StringBuilder("    daysOff:\n");
    for (String date : dates) {
      entries.append("      - {date: ").append(date).append(", reason: \"Nghỉ (thử)\", source: \"test, not verified\"}\n");
    }
    return CalendarAdmin.shipped().replace("  2026:\n", "  2026:\n" + entries);
  }

  private List<Job> dueJobs(String number) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
        .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers()
            .duedateLowerThan(java.util.Date.from(now.plusSeconds(1))).list().stream())
        .toList();
  }

  private List<String> recountLines(String number) {
    return records.timeline(number).stream().filter(e -> e.type() == EventType.DEADLINE_RECOUNTED)
        .map(TimelineEvent::text).toList();
  }

  private JsonNode issueJson(String number) throws Exception {
    return get(THANH_DONG, "/api/issues/" + number);
  }

  /** The issue's line on the board, as its supervisor pages through it. */
  private JsonNode timerRow(String number) throws Exception {
    for (int page = 0; page < 100; page++) {
      JsonNode rows = get(PROVINCE_SUPERVISOR, "/api/board/timers?size=200&page=" + page).get("items");
      if (rows.isEmpty()) {
        break;
      }
      for (JsonNode row : rows) {
        if (row.get("number").asText().equals(number)) {
          return row;
        }
      }
    }
    throw new AssertionError(number + " is not on the board");
  }

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/calendar/versions", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }
}
