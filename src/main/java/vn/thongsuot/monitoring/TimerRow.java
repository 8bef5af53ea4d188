package vn.thongsuot.monitoring;

import java.time.Instant;

/**
 * A line of the escalation-timer board: an open issue, who holds it and what fires next;
 * {@code provisional} while its deadline waits for a Tết announcement (the board's marker).
 */
public record TimerRow(
    String number,
    String title,
    String communeCode,
    String communeName,
    String provinceCode,
    String provinceName,
    String field,
    String level,
    String levelLabel,
    String unitGroup,
    String unitName,
    Instant deadline,
    String deadlineText,
    Integer workingDaysLeft,
    String state,
    String stateLabel,
    boolean escalatedForNoAnswer,
    String nextTimer,
    String nextTimerLabel,
    Instant nextTimerAt,
    String nextTimerText,
    boolean provisional) {}
