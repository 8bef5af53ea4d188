package vn.thongsuot.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The official Vietnamese names of every body of the scheme, and which group id each one gets. */
final class UnitCatalogue {

  /** "Sở ..." / "Bộ ..." share the part after the prefix; the Office differs at each level. */
  static final Map<String, String> FIELD_NAMES = Map.ofEntries(
      Map.entry("finance", "Tài chính"),
      Map.entry("home-affairs", "Nội vụ"),
      Map.entry("justice", "Tư pháp"),
      Map.entry("construction", "Xây dựng"),
      Map.entry("agriculture-environment", "Nông nghiệp và Môi trường"),
      Map.entry("industry-trade", "Công Thương"),
      Map.entry("science-technology", "Khoa học và Công nghệ"),
      Map.entry("education-training", "Giáo dục và Đào tạo"),
      Map.entry("health", "Y tế"),
      Map.entry("culture-sports-tourism", "Văn hóa, Thể thao và Du lịch"));

  static final String GOVERNMENT_OFFICE = "Văn phòng Chính phủ";
  static final String NATIONAL_ASSEMBLY = "Quốc hội";
  static final String SUPERVISOR_CENTRAL = "Ban Tổ chức Trung ương / Ủy ban Kiểm tra Trung ương";

  private UnitCatalogue() {}

  static Map<String, Unit> unitsOf(Collection<Province> provinces, Collection<Commune> communes) {
    Map<String, Unit> units = new LinkedHashMap<>();
    for (Commune commune : communes) {
      add(units, UnitIds.commune(commune.code()), "UBND " + commune.name(), UnitType.COMMUNE);
    }
    for (Province province : provinces) {
      String code = province.code();
      add(units, UnitIds.provinceCommittee(code), "UBND " + province.name(), UnitType.PROVINCE_COMMITTEE);
      for (String department : UnitIds.PROVINCIAL_DEPARTMENTS) {
        String name = department.equals("office")
            ? "Văn phòng UBND " + province.name()
            : "Sở " + FIELD_NAMES.get(department) + " " + province.name();
        add(units, UnitIds.provinceDepartment(code, department), name, UnitType.PROVINCE_DEPARTMENT);
      }
      add(units, UnitIds.supervisorProvince(code), provincialSupervisorName(province),
          UnitType.SUPERVISOR_PROVINCE);
    }
    for (String department : UnitIds.MINISTRIES) {
      add(units, UnitIds.ministry(department), "Bộ " + FIELD_NAMES.get(department), UnitType.MINISTRY);
    }
    add(units, UnitIds.GOVERNMENT_OFFICE, GOVERNMENT_OFFICE, UnitType.GOVERNMENT_OFFICE);
    add(units, UnitIds.NATIONAL_ASSEMBLY, NATIONAL_ASSEMBLY, UnitType.NATIONAL_ASSEMBLY);
    add(units, UnitIds.SUPERVISOR_CENTRAL, SUPERVISOR_CENTRAL, UnitType.SUPERVISOR_CENTRAL);
    return units;
  }

  /** A city's Party committee is a "Thành ủy", a province's a "Tỉnh ủy". */
  static String provincialSupervisorName(Province province) {
    String partyCommittee = (province.type().equals("Thành phố") ? "Thành ủy " : "Tỉnh ủy ")
        + province.shortName();
    return "Ban Tổ chức " + partyCommittee + " / Ủy ban Kiểm tra " + partyCommittee;
  }

  private static void add(Map<String, Unit> units, String groupId, String name, UnitType type) {
    units.put(groupId, new Unit(groupId, name, type));
  }
}
