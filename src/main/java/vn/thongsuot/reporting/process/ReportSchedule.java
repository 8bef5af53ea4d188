package vn.thongsuot.reporting.process;

import java.text.ParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the monthly report is compiled: {@code thongsuot.report.cron} (env THONGSUOT_REPORT_CRON),
 * a Quartz-style cron in the engine's time zone (UTC), default 08:00 UTC = 15:00 in Vietnam on
 * the 27th.
 *
 * <p>The model's start timer reads it as {@code ${reportSchedule.cron}}. The engine evaluates that
 * expression only when it deploys the model and creates the timer job, and the job then keeps the
 * evaluated cron for every later firing. With {@code deploy-changed-only} an unchanged model is
 * not deployed again, so a changed property alone would never reach the running schedule. Hence
 * {@link #applyToScheduledTimer()}: at start-up it compares the scheduled job's cron with the
 * property and, if they differ, rewrites the job (its cron and its next firing). A wrong cron
 * stops the start-up with a clear message instead of silently never reporting.
 */
@Component("reportSchedule")
public class ReportSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(ReportSchedule.class);

  private final String cron;
  private final ManagementService management;
  private final ProcessEngineConfiguration configuration;

  ReportSchedule(@Value("${thongsuot.report.cron:0 0 8 27 * ?}") String cron, ManagementService management,
      ProcessEngineConfiguration configuration) {
    try {
      CronTimer.parse(cron.strip());
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("thongsuot.report.cron (THONGSUOT_REPORT_CRON) '" + cron
          + "' is not a valid cron expression (seconds minutes hours day-of-month month day-of-week,"
          + " e.g. '0 0 8 27 * ?'): " + e.getMessage(), e);
    }
    this.cron = cron.strip();
    this.management = management;
    this.configuration = configuration;
  }

  public String getCron() {
    return cron;
  }

  /** The next firing of the configured cron after {@code after}. */
  Date nextAfter(Date after) {
    try {
      return CronTimer.parse(cron).getDueDate(after);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void applyToScheduledTimer() {
    List<Job> timers = management.createJobQuery().processDefinitionKey(MonthlyReportModel.PROCESS_ID)
        .activityId(MonthlyReportModel.START_REPORT_DAY).timers().list();
    for (Job job : timers) {
      if (job instanceof TimerEntity timer && !cron.equals(timer.getRepeat())) {
        Date next = nextAfter(ClockUtil.getCurrentTime());
        ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(context -> {
          TimerEntity stored = (TimerEntity) context.getJobManager().findJobById(job.getId());
          if (stored != null) {
            stored.setRepeat(cron);
            stored.setDuedate(next);
          }
          return null;
        });
        LOG.info("Monthly report timer {} rescheduled from '{}' to '{}', next at {}", job.getId(),
            timer.getRepeat(), cron, next.toInstant());
      }
    }
  }
}
