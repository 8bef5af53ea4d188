package vn.thongsuot.reporting.process;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies a changed {@code thongsuot.report.cron} to the already scheduled report timer. The engine
 * evaluates {@code ${reportSchedule.cron}} only when it deploys the model; with
 * {@code deploy-changed-only} an unchanged model is not deployed again on restart, and the timer
 * job keeps the old cron for every later firing. So at start-up the job's cron is compared with the
 * property and, when they differ, the job gets the new cron and its next firing from it.
 */
@Component
class ReportTimerSync {

  private static final Logger LOG = LoggerFactory.getLogger(ReportTimerSync.class);

  private final ReportSchedule schedule;
  private final ManagementService management;
  private final ProcessEngineConfiguration configuration;

  ReportTimerSync(ReportSchedule schedule, ManagementService management, ProcessEngineConfiguration configuration) {
    this.schedule = schedule;
    this.management = management;
    this.configuration = configuration;
  }

  @EventListener(ApplicationReadyEvent.class)
  void applyToScheduledTimer() {
    String cron = schedule.getCron();
    List<Job> timers = management.createJobQuery().processDefinitionKey(MonthlyReportModel.PROCESS_ID)
        .activityId(MonthlyReportModel.START_REPORT_DAY).timers().list();
    for (Job job : timers) {
      if (job instanceof TimerEntity timer && !cron.equals(timer.getRepeat())) {
        Date next = schedule.nextAfter(ClockUtil.getCurrentTime());
        // No public API changes a timer's cycle; the job entity is updated in an engine command
        // (and so in the engine's transaction, with its optimistic locking).
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
