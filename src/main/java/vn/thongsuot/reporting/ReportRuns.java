package vn.thongsuot.reporting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.thongsuot.calendar.WorkingDayCalendar;

/**
 * One run of the monthly report: where its period ends, what it counts, its draft, its
 * publication. The cut-off is the minute the run starts, less {@code thongsuot.report.settle}
 * (default 5 minutes): an engine transaction that stamped an event just before the cut-off and
 * commits while the report is being compiled is then still counted, by this report, and not lost
 * between two reports. Everything after the cut-off, including what happens while the report runs,
 * belongs to the next report.
 */
@Service
public class ReportRuns {

  private final MonthlyFigures figures;
  private final OutstandingFigures outstanding;
  private final MonthlyReports reports;
  private final Duration settle;
  private final Counter published;

  ReportRuns(MonthlyFigures figures, OutstandingFigures outstanding, MonthlyReports reports, MeterRegistry registry,
      @Value("${thongsuot.report.settle:PT5M}") Duration settle) {
    if (settle.isNegative()) {
      throw new IllegalArgumentException("thongsuot.report.settle (THONGSUOT_REPORT_SETTLE) '" + settle
          + "' must not be negative (e.g. PT5M)");
    }
    this.figures = figures;
    this.outstanding = outstanding;
    this.reports = reports;
    this.settle = settle;
    this.published = Counter.builder("thongsuot.reports.published")
        .description("Monthly reports published (approved by the Central Organization Committee)").register(registry);
  }

  /**
   * A compiled draft: its id, the month it is named after (that of its cut-off), period, lines, the
   * units' four-way status and the items open at the cut-off.
   */
  public record Draft(long id, YearMonth month, ReportPeriod period, List<ReportLine> lines, List<UnitStatus> units,
      List<OpenItem> openItems) {}

  public Instant cutoff(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES).minus(settle);
  }

  /** Compiles a new draft for a run that starts {@code now}. */
  public Draft compile(String processInstanceId, Instant now) {
    Instant cutoff = cutoff(now);
    YearMonth month = YearMonth.from(cutoff.atZone(WorkingDayCalendar.VIETNAM));
    ReportPeriod period = reports.nextPeriod(month, cutoff, figures.firstEventBefore(cutoff));
    List<ReportLine> lines = figures.compile(period);
    long id = reports.createDraft(month, processInstanceId, period, lines, now);
    return withStatus(id, month, period, lines);
  }

  /**
   * Compiles a returned draft again: the same cut-off, after the report published before it now
   * (the same one unless another was published meanwhile), so it counts the same events again.
   */
  public Draft recompile(long id, String reviewComment, Instant now) {
    YearMonth month = reports.month(id);
    Instant cutoff = reports.period(id).to();
    ReportPeriod period = reports.nextPeriod(month, cutoff, figures.firstEventBefore(cutoff));
    List<ReportLine> lines = figures.compile(period);
    reports.recompile(id, period, lines, reviewComment, now);
    return withStatus(id, month, period, lines);
  }

  private Draft withStatus(long id, YearMonth month, ReportPeriod period, List<ReportLine> lines) {
    List<UnitStatus> units = outstanding.units(period);
    List<OpenItem> items = outstanding.openItems(period.to());
    reports.storeStatus(id, units, items);
    return new Draft(id, month, period, lines, units, items);
  }

  /** Publishes the approved draft; {@link StaleReportException} when it no longer joins the chain. */
  public void publish(long id, String approvedBy, Instant now) {
    reports.publish(id, approvedBy, now);
    // Counted once the engine's transaction commits: a refused or rolled-back approval counts nothing.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          published.increment();
        }
      });
    } else {
      published.increment();
    }
  }
}
