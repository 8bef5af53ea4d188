package vn.thongsuot.escalation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rungs of the ladder above the commune. Each runs the {@code EscalationLevel} process with its
 * own form and its own possible answers; the DMN decision {@code LevelDeadline} owns its deadlines.
 */
public enum Level {
  DEPARTMENT("Sở chuyên ngành", "DepartmentGuidanceForm", "hướng dẫn",
      Map.of(Outcome.GUIDANCE_GIVEN, "Đã hướng dẫn tháo gỡ",
          Outcome.MORE_INFO, "Cần xã bổ sung thông tin",
          Outcome.EXCEEDS_DEPARTMENT, "Vượt thẩm quyền của sở: kiến nghị UBND tỉnh")),
  PROVINCE("UBND tỉnh", "ProvinceDecisionForm", "quyết định",
      Map.of(Outcome.RESOLVED, "Giải quyết trong thẩm quyền của tỉnh",
          Outcome.REFER_TO_MINISTRY, "Kiến nghị bộ quản lý ngành",
          Outcome.MORE_INFO, "Cần xã bổ sung thông tin")),
  MINISTRY("Bộ", "MinistryHandlingForm", "xử lý",
      Map.of(Outcome.RESOLVED, "Giải quyết trong thẩm quyền của bộ",
          Outcome.NEEDS_GOVERNMENT, "Cần Chính phủ, Thủ tướng Chính phủ quyết định",
          Outcome.NEEDS_LAW_CHANGE, "Cần sửa đổi luật: trình Quốc hội",
          Outcome.ROADMAP, "Chưa giải quyết ngay được: lập lộ trình",
          Outcome.MORE_INFO, "Cần xã bổ sung thông tin")),
  GOVERNMENT("Chính phủ, Thủ tướng Chính phủ", "GovernmentDecisionForm", "quyết định",
      Map.of(Outcome.DECIDED, "Đã quyết định",
          Outcome.MORE_INFO, "Cần xã bổ sung thông tin")),
  NATIONAL_ASSEMBLY("Quốc hội", "NationalAssemblyAgendaForm", "đưa vào kỳ họp",
      Map.of(Outcome.ON_AGENDA, "Đã đưa vào chương trình kỳ họp",
          Outcome.MORE_INFO, "Cần xã bổ sung thông tin"));

  private final String label;
  private final String formId;
  private final String verb;
  private final Map<String, String> outcomes;

  Level(String label, String formId, String verb, Map<String, String> outcomes) {
    this.label = label;
    this.formId = formId;
    this.verb = verb;
    this.outcomes = new LinkedHashMap<>(outcomes);
  }

  /** Vietnamese name of the level, e.g. "Sở chuyên ngành". */
  public String label() {
    return label;
  }

  /** The Camunda Form its task shows. */
  public String formId() {
    return formId;
  }

  /** What the unit does at this level, for task names: "hướng dẫn", "quyết định". */
  public String verb() {
    return verb;
  }

  public boolean allows(String outcome) {
    return outcomes.containsKey(outcome);
  }

  public Map<String, String> outcomes() {
    return Map.copyOf(outcomes);
  }

  public static Optional<Level> of(String code) {
    for (Level level : values()) {
      if (level.name().equals(code)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
