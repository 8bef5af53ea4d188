package vn.thongsuot.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which every deadline is counted from and which tests move to fire timers
 * (Camunda's {@code ClockUtil}). The one place the application reads it.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  public static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }
}
