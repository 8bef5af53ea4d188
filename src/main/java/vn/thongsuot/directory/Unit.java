package vn.thongsuot.directory;

/** One unit of the directory as it becomes a Camunda group: id of the scheme, official name, level. */
public record Unit(String groupId, String name, UnitType type) {}
