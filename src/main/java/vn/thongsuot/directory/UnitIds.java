package vn.thongsuot.directory;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The group id scheme, in one place. Other features (the escalation process, filters, reports)
 * build candidate groups with these methods; the ids are part of the product's interface.
 */
public final class UnitIds {

  /** Departments of a provincial People's Committee, in the order officials know them. */
  public static final List<String> PROVINCIAL_DEPARTMENTS = List.of(
      "office", "finance", "home-affairs", "justice", "construction", "agriculture-environment",
      "industry-trade", "science-technology", "education-training", "health",
      "culture-sports-tourism");

  /** The same list without {@code office}: the Government Office is its own unit centrally. */
  public static final List<String> MINISTRIES = PROVINCIAL_DEPARTMENTS.subList(1, PROVINCIAL_DEPARTMENTS.size());

  public static final String GOVERNMENT_OFFICE = "government-office";
  public static final String NATIONAL_ASSEMBLY = "national-assembly";
  public static final String SUPERVISOR_CENTRAL = "supervisor-central";

  static final String COMMITTEE = "committee";
  private static final Pattern COMMUNE = Pattern.compile("commune-(\\d{5})");
  private static final Pattern SUPERVISOR_PROVINCE = Pattern.compile("supervisor-province-(\\d{2})");
  private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
  private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

  private UnitIds() {}

  public static String commune(String unitCode) {
    return "commune-" + code(unitCode, COMMUNE_CODE, "commune code (5 digits)");
  }

  public static String provinceCommittee(String provinceCode) {
    return "province-" + code(provinceCode, PROVINCE_CODE, "province code (2 digits)") + "-" + COMMITTEE;
  }

  public static String provinceDepartment(String provinceCode, String department) {
    if (!PROVINCIAL_DEPARTMENTS.contains(department)) {
      throw new IllegalArgumentException("unknown provincial department '" + department
          + "', expected one of " + PROVINCIAL_DEPARTMENTS);
    }
    return "province-" + code(provinceCode, PROVINCE_CODE, "province code (2 digits)") + "-" + department;
  }

  public static String ministry(String department) {
    if (!MINISTRIES.contains(department)) {
      throw new IllegalArgumentException("no ministry for '" + department + "', expected one of "
          + MINISTRIES + " (the Government Office is " + GOVERNMENT_OFFICE + ")");
    }
    return "ministry-" + department;
  }

  public static String supervisorProvince(String provinceCode) {
    return "supervisor-province-" + code(provinceCode, PROVINCE_CODE, "province code (2 digits)");
  }

  public static Optional<String> communeCodeOf(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    Matcher matcher = COMMUNE.matcher(groupId);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The province a provincial supervisor's group watches, empty for any other group. */
  public static Optional<String> supervisedProvinceOf(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    Matcher matcher = SUPERVISOR_PROVINCE.matcher(groupId);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static String code(String code, Pattern pattern, String expected) {
    if (code == null || !pattern.matcher(code).matches()) {
      throw new IllegalArgumentException("not a " + expected + ": '" + code + "'");
    }
    return code;
  }
}
