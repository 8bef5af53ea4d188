package vn.thongsuot.directory;

/** The level of a unit; stored as the Camunda group's type. */
public enum UnitType {
  COMMUNE,
  PROVINCE_COMMITTEE,
  PROVINCE_DEPARTMENT,
  MINISTRY,
  GOVERNMENT_OFFICE,
  NATIONAL_ASSEMBLY,
  SUPERVISOR_CENTRAL,
  SUPERVISOR_PROVINCE;

  public static java.util.Optional<UnitType> of(String groupType) {
    for (UnitType type : values()) {
      if (type.name().equals(groupType)) {
        return java.util.Optional.of(type);
      }
    }
    return java.util.Optional.empty();
  }
}
