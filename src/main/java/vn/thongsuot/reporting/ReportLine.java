package vn.thongsuot.reporting;

/**
 * One line of a monthly report: a province and a field, a province's total over every field
 * ({@link #ALL_FIELDS}), or the country's total ({@link #COUNTRY}, {@link #ALL_FIELDS}).
 * Resolved counts are by the level whose answer removed the obstacle.
 */
public record ReportLine(String provinceCode, String provinceName, String fieldCode, String fieldName,
    int filed, int resolved, int resolvedDepartment, int resolvedProvince, int resolvedMinistry,
    int resolvedGovernment, int resolvedNationalAssembly, int overdue, int escalatedNoAnswer,
    int answers, Double medianWorkingDays) {

  public static final String ALL_FIELDS = "ALL";
  public static final String COUNTRY = "VN";

  public boolean isTotal() {
    return ALL_FIELDS.equals(fieldCode);
  }
}
