package vn.thongsuot.monitoring;

import vn.thongsuot.directory.UnitIds;

/** The league tables' four kinds of unit, read off the group id scheme. */
public enum UnitKind {
  COMMUNE("Cấp xã"),
  DEPARTMENT("Sở, ngành cấp tỉnh"),
  PROVINCE_COMMITTEE("UBND cấp tỉnh"),
  MINISTRY("Bộ, cơ quan trung ương");

  /** Central units have no province; their counters carry this code. */
  public static final String CENTRAL = "00";

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static UnitKind of(String groupId) {
    if (UnitIds.communeCodeOf(groupId).isPresent()) {
      return COMMUNE;
    }
    if (groupId.startsWith("province-")) {
      return groupId.endsWith("-committee") ? PROVINCE_COMMITTEE : DEPARTMENT;
    }
    if (groupId.startsWith("ministry-") || groupId.equals(UnitIds.GOVERNMENT_OFFICE)
        || groupId.equals(UnitIds.NATIONAL_ASSEMBLY)) {
      return MINISTRY;
    }
    throw new IllegalArgumentException("no league table for unit " + groupId);
  }

  /** The province a unit's counters belong to: its own, or {@link #CENTRAL}. */
  public String provinceOf(String issueProvince) {
    return this == MINISTRY ? CENTRAL : issueProvince;
  }
}
