package vn.thongsuot.escalation;

import java.time.Instant;

/**
 * Who holds an issue at a level and until when: the DMN's numbers turned into a unit and instants.
 * {@code escalateAt} is null for commune tasks, which are reminded but never escalated.
 */
public record LevelAssignment(
    String levelCode,
    String groupId,
    String unitName,
    int deadlineDays,
    int reminderDays,
    Integer escalationDays,
    Instant deadline,
    Instant reminderAt,
    Instant escalateAt,
    String legalBasis) {}
