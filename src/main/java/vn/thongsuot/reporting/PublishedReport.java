package vn.thongsuot.reporting;

import java.time.Instant;
import java.time.YearMonth;

/** A report the Central Organization Committee approved, as the board lists it, with its period. */
public record PublishedReport(long id, YearMonth month, Instant compiledAt, Instant publishedAt,
    String approvedBy, String reviewComment, ReportPeriod period) {}
