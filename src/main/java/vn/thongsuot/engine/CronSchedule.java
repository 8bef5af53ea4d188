package vn.thongsuot.engine;

import java.text.ParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.CronTimer;

/** Camunda's cron expressions (Quartz style: seconds minutes hours day month weekday), as its timers read them. */
public final class CronSchedule {

  private CronSchedule() {}

  /** @throws ParseException if Camunda would not accept the expression */
  public static void check(String cron) throws ParseException {
    CronTimer.parse(cron.strip());
  }

  public static Date nextAfter(String cron, Date after) throws ParseException {
    return CronTimer.parse(cron.strip()).getDueDate(after);
  }
}
