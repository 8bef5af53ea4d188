package vn.thongsuot.escalation.process;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, which tests move to fire timers; every deadline is counted from it. */
final class EngineTime {

  private EngineTime() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }
}
