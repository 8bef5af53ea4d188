package vn.thongsuot.notification;

import java.time.Instant;
import vn.thongsuot.escalation.EventType;

/**
 * One row of the outbox {@code ts_notification}: one mail for one timeline event and one person,
 * with the unit, deadline and legal basis as they stood when the event happened.
 */
public record Notification(
    long id,
    long eventId,
    String issueNumber,
    EventType eventType,
    RecipientRole role,
    String userId,
    String email,
    String unitGroup,
    String taskGroup,
    Instant deadline,
    String legalBasis,
    Status status,
    Instant createdAt,
    Instant sentAt) {

  public enum Status { PENDING, SENT }
}
