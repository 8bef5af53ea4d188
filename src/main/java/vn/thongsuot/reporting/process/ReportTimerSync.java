package vn.thongsuot.reporting.process;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.engine.EngineCommands;

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
  private final EngineCommands commands;

  ReportTimerSync(ReportSchedule schedule, ManagementService management, EngineCommands commands) {
    this.schedule = schedule;
    this.management = management;
    this.commands = commands;
  }

  @EventListener(ApplicationReadyEvent.class)
  void applyToScheduledTimer() {
    String cron = schedule.getCron();
    List<Job> timers = management.createJobQuery().processDefinitionKey(MonthlyReportModel.PROCESS_ID)
        .activityId(MonthlyReportModel.START_REPORT_DAY).timers().list();
    for (Job job : timers) {
      String repeat = commands.repeatOf(job.getId());
      if (repeat != null && !cron.equals(repeat)) {
        Date next = schedule.nextAfter(EngineClock.date(EngineClock.now()));
        commands.reschedule(job.getId(), cron, next);
        LOG.info("Monthly report timer {} rescheduled from '{}' to '{}', next at {}", job.getId(), repeat, cron,
            next.toInstant());
      }
    }
  }
}
