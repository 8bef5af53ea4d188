package vn.thongsuot.escalation;

/** Who answers for a field: the department code in each province and the central body's group. */
public record FieldRouting(String field, String fieldName, String provincialDepartment, String centralGroup) {}
