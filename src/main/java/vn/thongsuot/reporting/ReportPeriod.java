package vn.thongsuot.reporting;

import java.time.Instant;
import vn.thongsuot.escalation.VietnameseDates;

/**
 * What a report counts: every event at or after {@code from} (the cut-off of the published report it
 * follows) and before {@code to} (its own cut-off). The first report has no {@code from}: it counts
 * from the service's first event, {@code firstEventAt} (null while there is none). Consecutive
 * published reports therefore join without a gap and never overlap.
 */
public record ReportPeriod(Long previousReportId, Instant from, Instant to, Instant firstEventAt) {

  /** Where the period starts as officials read it: the previous cut-off, else the first event. */
  public Instant shownFrom() {
    return from != null ? from : firstEventAt;
  }

  /** The period as supervisors read it, e.g. "Kỳ báo cáo: từ 14:55 ngày 27/03/2027 đến trước 14:55 ngày 27/04/2027". */
  public String text() {
    String start = from != null ? VietnameseDates.dateTime(from)
        : firstEventAt != null ? VietnameseDates.dateTime(firstEventAt) + " (sự kiện đầu tiên của hệ thống)"
        : "khi hệ thống bắt đầu hoạt động";
    return "Kỳ báo cáo: từ " + start + " đến trước " + VietnameseDates.dateTime(to);
  }
}
