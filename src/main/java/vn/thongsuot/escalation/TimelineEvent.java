package vn.thongsuot.escalation;

import java.time.Instant;

/** One line of an issue's timeline: who (user and unit) did what, when, with which text. */
public record TimelineEvent(
    String issueNumber,
    Instant at,
    EventType type,
    String level,
    String unitGroup,
    String actor,
    String outcome,
    String text,
    Instant deadline) {}
