package vn.thongsuot.escalation;

import java.time.Instant;

/**
 * Who holds an issue at a level and until when: the DMN's numbers turned into a unit and instants.
 * {@code escalateAt} is null for commune tasks, which are reminded but never escalated.
 *
 * @param deadlineDays the working days counted from {@code countedFrom} to {@code deadline}
 * @param legalBasis the block officials read ({@link LegalBasis})
 * @param countedFrom the moment the count started (assignment, or the end of a paused clock)
 * @param provisional the count crosses a Tết not announced yet ({@code WorkingDayCalendar#provisional})
 * @param calendarVersion the version of the working-day calendar the instants were counted with
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
    String legalBasis,
    Instant countedFrom,
    boolean provisional,
    int calendarVersion) {}
