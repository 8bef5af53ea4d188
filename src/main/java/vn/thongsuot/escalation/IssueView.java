package vn.thongsuot.escalation;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/issues/{number}}: the issue, where it is, who holds it, until when, and its timeline. */
public record IssueView(
    String number,
    String status,
    String statusLabel,
    String communeCode,
    String communeName,
    String provinceCode,
    String provinceName,
    String field,
    String fieldName,
    String urgency,
    String title,
    String description,
    String attempted,
    String regulation,
    String filedBy,
    Instant filedAt,
    Current current,
    List<Entry> timeline) {

  /**
   * Where the issue waits now; null once it is closed. {@code deadlineText} is the exact moment
   * ("17:00 ngày 02/12/2026", Vietnam's time); {@code deadlineProvisional} is true while the count
   * crosses a Tết whose break is not announced yet, and {@code provisionalNote} then says so in
   * words (null otherwise); {@code legalBasis} holds "Căn cứ" and "Quy định của hệ thống".
   */
  public record Current(
      String level,
      String levelLabel,
      String unitGroup,
      String unitName,
      String assignee,
      String taskName,
      Instant deadline,
      String deadlineText,
      Integer workingDaysLeft,
      boolean overdue,
      String legalBasis,
      boolean deadlineProvisional,
      String provisionalNote) {}

  /** One decision or timer of the timeline. */
  public record Entry(
      Instant at,
      String type,
      String typeLabel,
      String level,
      String unitGroup,
      String unitName,
      String actor,
      String outcome,
      String outcomeLabel,
      String text,
      Instant deadline) {}
}
