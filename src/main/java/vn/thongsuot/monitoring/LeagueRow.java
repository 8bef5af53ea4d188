package vn.thongsuot.monitoring;

/** A line of a league table ("bảng xếp hạng"): how a unit (or a province) answered in a period. */
public record LeagueRow(
    String key,
    String name,
    String provinceCode,
    long received,
    long answeredOnTime,
    long answeredLate,
    long unanswered,
    long openOverdue,
    Double medianWorkingDays,
    Double onTimeRate) {}
