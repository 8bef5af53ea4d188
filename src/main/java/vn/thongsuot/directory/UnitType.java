package vn.thongsuot.directory;

/** The level of a unit; its name is stored as the Camunda group's type. */
public enum UnitType {
  COMMUNE,
  PROVINCE_COMMITTEE,
  PROVINCE_DEPARTMENT,
  MINISTRY,
  GOVERNMENT_OFFICE,
  NATIONAL_ASSEMBLY,
  SUPERVISOR_CENTRAL,
  SUPERVISOR_PROVINCE
}
