package vn.thongsuot.escalation;

/**
 * A timeline entry was written (published synchronously, inside the writing transaction). Features
 * that react to what happens to an issue, such as notifications, listen to this instead of being
 * called from every delegate: the timeline already records each event exactly once.
 */
public record TimelineEventAppended(long id, TimelineEvent event) {}
