package vn.thongsuot.calendar;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A broken holidays file stops start-up; this turns the bean-creation stack trace into the one
 * line the administrator needs (file, line, what is wrong) and what to do about it.
 */
class HolidayFileFailureAnalyzer extends AbstractFailureAnalyzer<HolidayFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, HolidayFileException cause) {
    return new FailureAnalysis(
        "The working-day calendar cannot use its holidays file:\n  " + cause.getMessage(),
        "Fix the file (format in docs/calendar.md), or unset THONGSUOT_HOLIDAYS_FILE"
            + " (thongsuot.calendar.holidays-file) to use the file shipped with the application.",
        cause);
  }
}
