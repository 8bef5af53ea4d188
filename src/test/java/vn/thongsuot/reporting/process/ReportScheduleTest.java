package vn.thongsuot.reporting.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.thongsuot.AppTest;

/** The report day comes from configuration, also for a timer an earlier start already scheduled. */
@AppTest
class ReportScheduleTest {

  @Autowired ManagementService management;
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired ReportSchedule schedule;
  @Autowired ReportTimerSync sync;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theDeployedTimerUsesTheConfiguredCron() {
    assertThat(((TimerEntity) timer()).getRepeat()).isEqualTo("0 0 8 27 * ?");
  }

  @Test
  void aTimerScheduledWithAnEarlierCronIsRescheduledAtStartUp() {
    // As if an earlier start had run with THONGSUOT_REPORT_CRON="0 0 8 1 * ?" (the 1st of each month).
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-08-10T00:00:00Z")));
    String id = timer().getId();
    ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(context -> {
      TimerEntity stored = (TimerEntity) context.getJobManager().findJobById(id);
      stored.setRepeat("0 0 8 1 * ?");
      stored.setDuedate(Date.from(Instant.parse("2027-09-01T08:00:00Z")));
      return null;
    });

    sync.applyToScheduledTimer();

    Job rescheduled = timer();
    assertThat(rescheduled.getId()).isEqualTo(id);
    assertThat(((TimerEntity) rescheduled).getRepeat()).isEqualTo("0 0 8 27 * ?");
    assertThat(rescheduled.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-08-27T08:00:00Z")));
  }

  @Test
  void aMalformedCronStopsTheStartWithTheSettingsName() {
    assertThatThrownBy(() -> new ReportSchedule("on the 27th"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thongsuot.report.cron (THONGSUOT_REPORT_CRON) 'on the 27th'");
    assertThat(new ReportSchedule(" 0 30 1 L * ? ").getCron()).isEqualTo("0 30 1 L * ?");
  }

  private Job timer() {
    return management.createJobQuery().processDefinitionKey(MonthlyReportModel.PROCESS_ID)
        .activityId(MonthlyReportModel.START_REPORT_DAY).timers().singleResult();
  }
}
