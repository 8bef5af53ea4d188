package vn.thongsuot.calendar.process;

import java.util.Date;
import org.springframework.stereotype.Component;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.engine.EngineClock;

/**
 * Deadlines for BPMN expressions, as bean {@code deadlines}:
 * {@code camunda:dueDate="${deadlines.after(departmentDays)}"}, a reminder timer
 * {@code timeDate="${deadlines.before(deadline, 2)}"}, an escalation timer
 * {@code timeDate="${deadlines.afterDeadline(deadline, 3)}"}.
 *
 * <p>Why expressions rather than a Camunda business-calendar plugin: the number of working days
 * per level comes from the DMN decision and sits in process variables, which an expression reads
 * directly while a business calendar only sees a duration string; the task's due date and its
 * timers then go through one code path, so Tasklist shows exactly the moment the timer fires; and
 * the calendar stays a plain service, testable without the engine.
 *
 * <p>"Now" is the engine clock ({@link ClockUtil}), so tests and the engine agree on time.
 */
@Component("deadlines")
public class DeadlineExpressions {

  private final WorkingDayCalendar calendar;

  public DeadlineExpressions(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** End (17:00 Vietnam) of the Nth working day after today; 0: end of today's working day. */
  public Date after(int workingDays) {
    return Date.from(calendar.deadline(EngineClock.now(), workingDays));
  }

  /** Same wall-clock time N working days before {@code deadline}: when to remind. */
  public Date before(Date deadline, int workingDays) {
    return Date.from(calendar.addWorkingDays(deadline.toInstant(), -workingDays));
  }

  /** Same wall-clock time N working days after {@code deadline}: when to escalate. */
  public Date afterDeadline(Date deadline, int workingDays) {
    return Date.from(calendar.addWorkingDays(deadline.toInstant(), workingDays));
  }
}
