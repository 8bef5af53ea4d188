package vn.thongsuot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_DEADLINE_PASSED;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_NO_ANSWER;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_REMINDER_DUE;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.escalation.DeadlineExtension;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.system.CurrentOfficial;

/**
 * The counters Prometheus can rate, fed by what escalation publishes: a filing, an extension, a
 * deadline passed and an escalation for no answer each add one to their series, with bounded labels.
 */
@AppTest
class EscalationCountersTest {

  @Autowired MeterRegistry registry;
  @Autowired TestRestTemplate http;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired DeadlineExtension extension;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachStepOfTheLadderCountsOnceInItsSeries() {
    EscalationDriver issues = new EscalationDriver(filing, tasks, runtime, management);
    EscalationDriver.clockAt(ZonedDateTime.of(2030, 6, 3, 9, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant());
    double filed = count(EscalationCounters.FILED, "province", "31", "field", "education-training");
    double extended = count(EscalationCounters.EXTENSIONS, "stage", "DEPARTMENT");
    double breached = count(EscalationCounters.BREACHES, "stage", "DEPARTMENT");
    double noAnswer = count(EscalationCounters.ESCALATIONS, "from_stage", "DEPARTMENT", "reason", "no_answer");

    String number = issues.file("10507", "education-training", "NORMAL");
    extension.extend(number, 2, "Chờ ý kiến của Bộ Giáo dục và Đào tạo.",
        new CurrentOfficial(CENTRAL_SUPERVISOR, Set.of(UnitIds.SUPERVISOR_CENTRAL)));
    issues.fire(number, BOUNDARY_REMINDER_DUE);
    issues.fire(number, BOUNDARY_DEADLINE_PASSED);
    Instant escalated = issues.fire(number, BOUNDARY_NO_ANSWER);
    assertThat(escalated).isNotNull();

    assertThat(count(EscalationCounters.FILED, "province", "31", "field", "education-training")).isEqualTo(filed + 1);
    assertThat(count(EscalationCounters.EXTENSIONS, "stage", "DEPARTMENT")).isEqualTo(extended + 1);
    assertThat(count(EscalationCounters.BREACHES, "stage", "DEPARTMENT")).isEqualTo(breached + 1);
    assertThat(count(EscalationCounters.ESCALATIONS, "from_stage", "DEPARTMENT", "reason", "no_answer"))
        .isEqualTo(noAnswer + 1);

    ResponseEntity<String> scrape = http.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getBody()).contains("# TYPE thongsuot_issues_filed_total counter",
        "thongsuot_issues_filed_total{field=\"education-training\",province=\"31\"}",
        "thongsuot_escalations_total{from_stage=\"DEPARTMENT\",reason=\"no_answer\"}",
        "thongsuot_deadline_breaches_total{stage=\"COMMUNE_TASK\"} ",
        "thongsuot_deadline_extensions_total{stage=\"DEPARTMENT\"}", "thongsuot_reports_published_total",
        // The gauges stay.
        "thongsuot_issues_open{stage=\"DEPARTMENT\"}", "thongsuot_escalations_last_hour");
  }

  private double count(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}
