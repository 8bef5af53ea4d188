package vn.thongsuot.calendar;

import java.time.Instant;

/**
 * One version of the working-day calendar's adjustments in {@code ts_calendar_version}: who loaded
 * it, when, from which source, what it changed, and how the recount of open deadlines it started
 * went ({@code recountedAt} null while it runs).
 */
public record CalendarVersion(
    int number,
    Instant loadedAt,
    String loadedBy,
    String source,
    String changes,
    String contentHash,
    int recountChecked,
    int recountChanged,
    Instant recountedAt) {}
