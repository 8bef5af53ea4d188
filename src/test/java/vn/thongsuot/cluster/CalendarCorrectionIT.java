package vn.thongsuot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.thongsuot.calendar.HolidayRules;
import vn.thongsuot.calendar.WorkingDayCalendar;

/**
 * A calendar correction loaded on one node of a cluster recounts open timers that the other node
 * then fires once. Node A serves the administrator and runs no jobs; node B runs every job: the
 * recount's batches (so it must read the version A stored) and the timers. Five issues filed on A
 * are made ten working days old (their count's start moved back in the database, as if filed then);
 * the correction declares a past working day off. Their deadline, counted again, is already past:
 * B fires each one's deadline timer exactly once, with the moments the corrected calendar gives.
 */
@Tag("cluster")
class CalendarCorrectionIT {

  static final int ISSUES = 5;
  static final String SOURCE = "cluster test: a day off corrected";
  static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

  static ClusterDatabase database;
  static ClusterNode a;
  static ClusterNode b;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startTwoNodes() throws Exception {
    database = ClusterDatabase.fresh("thongsuot_cluster_calendar");
    a = new ClusterNode("node-a", database).env("CAMUNDA_BPM_JOBEXECUTION_ENABLED", "false")
        .env("THONGSUOT_CALENDAR_REFRESH_INTERVAL", "PT2S");
    b = new ClusterNode("node-b", database).env("THONGSUOT_CALENDAR_REFRESH_INTERVAL", "PT2S");
    Nodes.startTogether(a, b);
  }

  @AfterAll
  static void stopNodes() {
    Nodes.stopTogether(a, b);
  }

  @Test
  void aCorrectionLoadedOnOneNodeRecountsTimersThatTheOtherNodeFiresOnce() throws Exception {
    WorkingDayCalendar shipped = WorkingDayCalendar.standard();
    Instant now = Instant.now();
    // Ten working days ago at 09:00; the correction declares the second working day after it off.
    LocalDate originDay = shipped.addWorkingDays(now, -10).atZone(WorkingDayCalendar.VIETNAM).toLocalDate();
    Instant origin = originDay.atTime(9, 0).atZone(WorkingDayCalendar.VIETNAM).toInstant();
    LocalDate corrected = shipped.addWorkingDays(origin, 2).atZone(WorkingDayCalendar.VIETNAM).toLocalDate();

    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < ISSUES; i++) {
      HttpResponse<String> filed = a.postJson(THANH_DONG, "/api/issues", """
          {"field":"finance-budget","title":"Trụ sở chưa bàn giao %d","description":"Nội dung",
           "attempted":"Đã làm việc với các bên","urgency":"NORMAL"}""".formatted(i));
      assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
      numbers.add(json.readTree(filed.body()).get("number").asText());
    }
    String in = String.join(",", Collections.nCopies(numbers.size(), "?"));
    List<Object> parameters = new ArrayList<>(List.of(origin.toEpochMilli()));
    parameters.addAll(numbers);
    assertThat(database.update("update act_ru_variable set long_ = ? where name_ = 'deadlineFrom' and proc_inst_id_ in"
        + " (select id_ from act_ru_execution where parent_id_ is null and business_key_ in (" + in + "))",
        parameters.toArray())).isEqualTo(ISSUES);

    HttpResponse<String> current = a.get("demo", "/api/calendar");
    assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
    String content = withDayOff(json.readTree(current.body()).get("content").asText(), corrected);
    HttpResponse<String> loaded = a.postJson("demo", "/api/calendar/versions",
        json.writeValueAsString(Map.of("content", content, "source", SOURCE)));
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    int version = json.readTree(loaded.body()).get("version").get("number").asInt();

    // Node B reads the version A stored, recounts, and fires the deadline timers now due.
    assertThat(Nodes.await(Duration.ofMinutes(3), () -> database.number("select count(*) from ts_issue_event"
        + " where event_type = 'DEADLINE_PASSED' and issue_number in (" + in + ")", numbers.toArray()) == ISSUES))
        .as("every deadline timer fired; node B: %s", b.logTail(40)).isTrue();
    assertThat(Nodes.await(Duration.ofMinutes(2), () -> database.number(
        "select count(*) from ts_calendar_version where version_no = ? and recounted_at is not null", version) == 1))
        .as("the recount ended").isTrue();

    WorkingDayCalendar correctedCalendar = new WorkingDayCalendar(
        HolidayRules.parse("the correction", new StringReader(content)), WorkingDayCalendar.DEFAULT_END_OF_DAY);
    Instant deadline = correctedCalendar.deadline(origin, 7);
    Instant escalate = correctedCalendar.deadline(deadline, 3);
    assertThat(deadline).isBefore(now).isNotEqualTo(shipped.deadline(origin, 7));
    assertThat(escalate).isAfter(now);
    for (String number : numbers) {
      assertThat(database.number("select count(*) from ts_issue_event where issue_number = ?"
          + " and event_type = 'DEADLINE_PASSED'", number)).as(number).isEqualTo(1);
      List<Map<String, Object>> lines = database.rows("select text from ts_issue_event where issue_number = ?"
          + " and event_type = 'DEADLINE_RECOUNTED'", number);
      assertThat(lines).as(number).singleElement().satisfies(line -> assertThat((String) line.get("text"))
          .contains("Hạn được tính lại do thay đổi lịch nghỉ (" + SOURCE + ")", "Hạn mới đã qua"));
      Map<String, Object> issue = database.rows("select deadline_at, overdue, calendar_version from ts_issue"
          + " where issue_number = ?", number).get(0);
      assertThat(((Timestamp) issue.get("deadline_at")).toInstant()).isEqualTo(deadline);
      assertThat(issue.get("overdue")).isEqualTo(Boolean.TRUE);
      assertThat(((Number) issue.get("calendar_version")).intValue()).isEqualTo(version);
      // The escalation timer waits at its recounted moment; the reminder, behind us, is gone.
      assertThat(database.rows("select j.duedate_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
          + " join act_ru_execution e on e.id_ = j.process_instance_id_ where e.business_key_ = ?"
          + " and d.act_id_ = 'BoundaryEvent_NoAnswer'", number)).singleElement()
          .satisfies(row -> assertThat(((Timestamp) row.get("duedate_")).toInstant()).isEqualTo(escalate));
      assertThat(database.number("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
          + " join act_ru_execution e on e.id_ = j.process_instance_id_ where e.business_key_ = ?"
          + " and d.act_id_ in ('BoundaryEvent_ReminderDue', 'BoundaryEvent_DeadlinePassed')", number)).isZero();
    }
    // Each deadline timer ran once, on node B; so did every batch of the recount.
    List<Map<String, Object>> fired = database.rows("select l.hostname_, count(*) as runs from act_hi_job_log l"
        + " join act_hi_procinst p on p.id_ = l.process_instance_id_ where l.act_id_ = 'BoundaryEvent_DeadlinePassed'"
        + " and l.job_state_ = 2 and p.business_key_ in (" + in + ") group by l.hostname_", numbers.toArray());
    assertThat(fired).singleElement().satisfies(row -> {
      assertThat(row.get("hostname_")).isEqualTo("node-b");
      assertThat(((Number) row.get("runs")).intValue()).isEqualTo(ISSUES);
    });
    assertThat(database.rows("select distinct hostname_ from act_hi_job_log where act_id_ in ('Task_RecountBatch',"
        + " 'Task_RecountLate') and job_state_ = 2")).extracting(row -> row.get("hostname_")).containsExactly("node-b");
    // Both nodes count with the new version now.
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      JsonNode calendar = json.readTree(node.get("demo", "/api/calendar").body());
      assertThat(calendar.get("version").asInt()).as(node.name()).isEqualTo(version);
    }
    System.out.printf("calendar correction: version %d loaded on %s, %d deadlines recounted and fired on %s%n",
        version, a, ISSUES, b);
  }

  /** The document with {@code day} declared off under its year (the year's block added if missing). */
  static String withDayOff(String content, LocalDate day) {
    String entry = "      - {date: " + ISO.format(day) + ", reason: \"Nghỉ (đính chính thử)\","
        + " source: \"cluster test, not verified\"}\n";
    String year = "  " + day.getYear() + ":\n";
    if (content.contains(year)) {
      int at = content.indexOf(year) + year.length();
      String rest = content.substring(at);
      if (rest.startsWith("    daysOff:\n")) {
        return content.substring(0, at) + "    daysOff:\n" + entry + rest.substring("    daysOff:\n".length());
      }
      return content.substring(0, at) + "    daysOff:\n" + entry + rest;
    }
    return content.stripTrailing() + "\n" + year + "    daysOff:\n" + entry;
  }
}
