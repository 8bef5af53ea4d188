package vn.thongsuot.escalation;

import java.time.Instant;

/** An issue as kept in {@code ts_issue}: what was filed and where it stands now. */
public record IssueRecord(
    String number,
    String processInstanceId,
    String communeCode,
    String provinceCode,
    String field,
    Urgency urgency,
    String title,
    String description,
    String attempted,
    String regulation,
    String filedBy,
    Instant filedAt,
    IssueStatus status,
    String currentLevel,
    String currentGroup,
    Instant deadline,
    String legalBasis,
    boolean overdue,
    Instant closedAt,
    boolean deadlineProvisional) {}
