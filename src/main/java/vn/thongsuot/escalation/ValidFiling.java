package vn.thongsuot.escalation;

import vn.thongsuot.directory.Commune;

/** A filing that passed every rule, normalised (trimmed texts, known commune and field). */
public record ValidFiling(
    Commune commune,
    FieldRouting routing,
    String title,
    String description,
    String attempted,
    String regulation,
    Urgency urgency) {}
