package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.CalendarRecountModel.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import vn.thongsuot.calendar.CalendarVersionLoaded;
import vn.thongsuot.calendar.CalendarVersions;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.engine.AsTheSystem;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.IssueRecords;

/**
 * The recount of open deadlines after a calendar version is loaded ({@code CalendarRecount.bpmn}):
 * started in the loading transaction, then one batch of issues per job. A batch first makes sure
 * this node counts with that version (whichever node loaded it), skips in one statement the issues
 * the change cannot touch (their last timer falls before the first changed day, and they do not
 * wait for a Tết announcement), and counts the others again one by one ({@link DeadlineRecount}).
 */
@Configuration
class CalendarRecount {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarRecount.class);

  private final IssueRecords records;
  private final DeadlineRecount recount;
  private final CalendarVersions versions;
  private final WorkingDayCalendar calendar;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final int batchSize;
  private final Duration lateAfter;

  CalendarRecount(IssueRecords records, DeadlineRecount recount, CalendarVersions versions,
      WorkingDayCalendar calendar, RuntimeService runtime, IdentityService identity,
      @Value("${thongsuot.calendar.recount-batch-size:100}") int batchSize,
      @Value("${thongsuot.calendar.refresh-interval:PT10S}") Duration refreshInterval) {
    this.records = records;
    this.recount = recount;
    this.versions = versions;
    this.calendar = calendar;
    this.runtime = runtime;
    this.identity = identity;
    this.batchSize = batchSize;
    // Every node has read the version after one refresh interval; three leave room for a slow one.
    this.lateAfter = refreshInterval.multipliedBy(3);
  }

  /** In the transaction that stored the version: its recount exists if and only if the version does. */
  @EventListener
  void on(CalendarVersionLoaded loaded) {
    AsTheSystem.run(identity, () -> runtime.createProcessInstanceByKey(PROCESS_ID)
        .businessKey(businessKey(loaded.version()))
        .setVariable(CALENDAR_VERSION, loaded.version())
        .setVariable(CALENDAR_SOURCE, loaded.source())
        .setVariable(CURSOR, "")
        .setVariable(LATE_AFTER, lateAfter.toString())
        .execute());
  }

  @Bean
  JavaDelegate recountDeadlines() {
    return this::batch;
  }

  @Bean
  JavaDelegate recountFinished() {
    return execution -> {
      int version = ((Number) execution.getVariable(CALENDAR_VERSION)).intValue();
      versions.recountFinished(version, EngineClock.now());
      LOG.info("Working-day calendar: recount for version {} finished", version);
    };
  }

  void batch(DelegateExecution execution) {
    int version = ((Number) execution.getVariable(CALENDAR_VERSION)).intValue();
    String source = (String) execution.getVariable(CALENDAR_SOURCE);
    String cursor = (String) execution.getVariable(CURSOR);
    versions.ensureAtLeast(version);
    WorkingDayCalendar counting = calendar.current();
    Instant now = EngineClock.now();
    List<IssueRecords.Counted> batch = records.countedBefore(counting.version(), cursor, batchSize);
    Map<Integer, Reach> reaches = new HashMap<>();
    List<String> untouched = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    int changed = 0;
    for (IssueRecords.Counted issue : batch) {
      Reach reach = reaches.computeIfAbsent(issue.calendarVersion(), v -> reach(versions.calendarOf(v), counting, now));
      if (reach.cannotTouch(issue)) {
        untouched.add(issue.number());
      } else if (recount.recount(issue.number(), counting, source, now)) {
        changed++;
      } else {
        unchanged.add(issue.number());
      }
    }
    List<String> counted = new ArrayList<>(untouched);
    counted.addAll(unchanged);
    records.markCounted(counted, counting.version());
    versions.recounted(version, batch.size(), changed);
    boolean more = batch.size() == batchSize;
    execution.setVariable(CURSOR, batch.isEmpty() ? cursor : batch.get(batch.size() - 1).number());
    execution.setVariable(MORE, more);
    if (!more) {
      // The late pass starts again from the first number: issues counted meanwhile with the old calendar.
      execution.setVariable(CURSOR, "");
    }
    LOG.info("Working-day calendar version {}: {} open issues checked, {} counted again, {} untouched",
        version, batch.size(), batch.size() - untouched.size(), untouched.size());
  }

  /** What a change from one calendar to another can touch: days from the first changed one on. */
  record Reach(LocalDate firstChange, boolean announcementWithdrawn) {
    boolean cannotTouch(IssueRecords.Counted issue) {
      if (issue.provisional() || announcementWithdrawn || issue.lastTimerAt() == null) {
        return false;
      }
      return firstChange == null
          || issue.lastTimerAt().atZone(WorkingDayCalendar.VIETNAM).toLocalDate().isBefore(firstChange);
    }
  }

  /** Open deadlines lie within a year or two of today: the change is looked for there. */
  static Reach reach(WorkingDayCalendar before, WorkingDayCalendar after, Instant now) {
    int year = now.atZone(WorkingDayCalendar.VIETNAM).getYear();
    List<WorkingDayCalendar.DayChange> changes = after.changesSince(before, year - 1, year + 2);
    boolean withdrawn = false;
    for (int y = year - 1; y <= year + 2; y++) {
      withdrawn |= before.rules().tetAnnounced(y) && !after.rules().tetAnnounced(y);
    }
    return new Reach(changes.isEmpty() ? null : changes.get(0).date(), withdrawn);
  }
}
