package vn.thongsuot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.escalation.process.EscalationLevelModel.*;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;

/** What operators and their monitoring see: metrics, health, the API's description, the board page. */
@AppTest
class ObservabilityTest {

  @Autowired TestRestTemplate http;
  @Autowired EscalationMetrics metrics;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void metricsCountOpenOverdueAndEscalatedIssuesAndTheTimersOfTheNextHour() {
    Instant may3 = ZonedDateTime.of(2027, 5, 3, 9, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant();
    EscalationDriver issues = new EscalationDriver(filing, tasks, runtime, management);
    EscalationDriver.clockAt(may3);
    String number = issues.file("10507", "health", "NORMAL");
    Instant reminder = issues.timer(number, BOUNDARY_REMINDER_DUE).getDuedate().toInstant();

    EscalationMetrics.Snapshot beforeReminder = metrics.take(reminder.minusSeconds(1800));
    EscalationMetrics.Snapshot atDeadline;
    issues.fire(number, BOUNDARY_REMINDER_DUE);
    Instant deadline = issues.fire(number, BOUNDARY_DEADLINE_PASSED);
    atDeadline = metrics.take(deadline.plusSeconds(60));
    EscalationMetrics.Snapshot before = atDeadline;
    Instant escalatedAt = issues.fire(number, BOUNDARY_NO_ANSWER);
    EscalationMetrics.Snapshot after = metrics.take(escalatedAt.plusSeconds(60));

    assertThat(beforeReminder.timersNextHour()).isGreaterThanOrEqualTo(1);
    assertThat(before.overdue().get(vn.thongsuot.escalation.Stage.DEPARTMENT)).isGreaterThanOrEqualTo(1);
    assertThat(after.open().get(vn.thongsuot.escalation.Stage.PROVINCE))
        .isEqualTo(before.open().getOrDefault(vn.thongsuot.escalation.Stage.PROVINCE, 0L) + 1);
    assertThat(after.escalationsLastHour()).isEqualTo(1);
  }

  @Test
  void prometheusScrapeShowsTheGaugesToAnAuthenticatedScraper() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> scrape = http.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains("thongsuot_issues_open{stage=\"DEPARTMENT\"}",
        "thongsuot_issues_overdue{stage=\"PROVINCE\"}", "thongsuot_timers_due_next_hour",
        "thongsuot_jobs_backlog", "thongsuot_escalations_last_hour");
  }

  @Test
  void healthShowsTheDatabaseAndTheEngineToAnAuthenticatedCaller() {
    ResponseEntity<String> health = http.withBasicAuth("demo", "demo").getForEntity("/actuator/health", String.class);
    assertThat(health.getBody()).contains("\"db\"", "\"processEngine\"");
  }

  @Test
  void theApiIsDescribedWithOpenApi() {
    ResponseEntity<String> docs = http.withBasicAuth("demo", "demo").getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody()).contains("/api/issues", "/api/issues/filters", "/api/board/timers", "/api/board/league.csv");
    assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theBoardPageIsServedWithAStrictContentSecurityPolicy() {
    ResponseEntity<String> page = http.getForEntity("/board/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Bảng theo dõi");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
  }
}
