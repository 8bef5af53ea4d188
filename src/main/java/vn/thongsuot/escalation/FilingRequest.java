package vn.thongsuot.escalation;

/**
 * What a commune files: the body of {@code POST /api/issues} and the fields of the Tasklist start
 * form. {@code communeCode} may be empty when the official belongs to exactly one commune.
 */
public record FilingRequest(
    String communeCode,
    String field,
    String title,
    String description,
    String attempted,
    String regulation,
    String urgency) {}
