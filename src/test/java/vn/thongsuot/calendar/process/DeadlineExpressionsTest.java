package vn.thongsuot.calendar.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.thongsuot.calendar.WorkingDayCalendar;

/** The expression bean alone: "now" is the engine clock, and dates go in and out as java.util.Date. */
class DeadlineExpressionsTest {

  private final DeadlineExpressions deadlines = new DeadlineExpressions(WorkingDayCalendar.standard());

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void afterCountsFromTheEngineClock() {
    ClockUtil.setCurrentTime(vietnam("2025-04-29T08:00"));
    // 30 Apr, 1 May, swapped 2 May and the weekend are off.
    assertThat(deadlines.after(1)).isEqualTo(vietnam("2025-05-05T17:00"));
    ClockUtil.setCurrentTime(vietnam("2025-04-25T08:00"));
    // Saturday 26 April 2025 was worked.
    assertThat(deadlines.after(1)).isEqualTo(vietnam("2025-04-26T17:00"));
  }

  @Test
  void beforeAndAfterDeadlineKeepTheWallClockTime() {
    Date deadline = vietnam("2026-02-27T17:00");
    assertThat(deadlines.before(deadline, 2)).isEqualTo(vietnam("2026-02-25T17:00"));
    assertThat(deadlines.before(deadline, 5)).isEqualTo(vietnam("2026-02-13T17:00"));
    assertThat(deadlines.afterDeadline(deadline, 3)).isEqualTo(vietnam("2026-03-04T17:00"));
    // Escalation 3 working days after a deadline on the eve of 30 April 2026.
    assertThat(deadlines.afterDeadline(vietnam("2026-04-29T17:00"), 3)).isEqualTo(vietnam("2026-05-06T17:00"));
  }

  private static Date vietnam(String local) {
    return Date.from(LocalDateTime.parse(local).atZone(WorkingDayCalendar.VIETNAM).toInstant());
  }
}
