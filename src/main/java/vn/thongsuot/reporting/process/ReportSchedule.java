package vn.thongsuot.reporting.process;

import java.text.ParseException;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.CronSchedule;

/**
 * When the monthly report is compiled: {@code thongsuot.report.cron} (env THONGSUOT_REPORT_CRON),
 * a Quartz-style cron (seconds minutes hours day-of-month month day-of-week) in the engine's time
 * zone, UTC; default {@code 0 0 8 27 * ?}: 08:00 UTC = 15:00 in Vietnam on the 27th.
 *
 * <p>The model's start timer reads it as {@code ${reportSchedule.cron}}: the engine evaluates a
 * start timer's expression when it deploys the model, and Spring beans resolve there. This bean
 * therefore depends on nothing of the engine (it is created while the engine deploys). The engine
 * then keeps the evaluated cron in the timer job; {@link ReportTimerSync} brings a job scheduled by
 * an earlier start in line when the property changed. A wrong cron stops the start-up with a clear
 * message instead of silently never reporting.
 */
@Component("reportSchedule")
public class ReportSchedule {

  private final String cron;

  ReportSchedule(@Value("${thongsuot.report.cron:0 0 8 27 * ?}") String cron) {
    try {
      CronSchedule.check(cron);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("thongsuot.report.cron (THONGSUOT_REPORT_CRON) '" + cron
          + "' is not a valid cron expression (seconds minutes hours day-of-month month day-of-week,"
          + " e.g. '0 0 8 27 * ?'): " + e.getMessage(), e);
    }
    this.cron = cron.strip();
  }

  public String getCron() {
    return cron;
  }

  /** The next firing of the configured cron after {@code after}. */
  Date nextAfter(Date after) {
    try {
      return CronSchedule.nextAfter(cron, after);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
