package vn.thongsuot.calendar;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code thongsuot.calendar.refresh-interval} (default 10 s) this node asks the database for
 * a newer calendar version and counts with it: a version loaded on another node reaches this one
 * within that time. (The recount of deadlines does not wait for it: it reads the version first.)
 */
@Component
class CalendarRefresh implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarRefresh.class);

  private final CalendarVersions versions;
  private final Duration interval;
  private ScheduledExecutorService executor;
  private volatile boolean failing;

  CalendarRefresh(CalendarVersions versions,
      @Value("${thongsuot.calendar.refresh-interval:PT10S}") Duration interval) {
    this.versions = versions;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "calendar-refresh");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void refresh() {
    try {
      versions.refresh();
      if (failing) {
        LOG.info("Working-day calendar: the database answers again");
        failing = false;
      }
    } catch (RuntimeException e) {
      // Once per streak: an unreachable database is reported elsewhere (health, the requests).
      if (!failing) {
        LOG.warn("Working-day calendar: cannot look for a newer version ({}); counting on with the one it has",
            e.getMessage());
        failing = true;
      }
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
