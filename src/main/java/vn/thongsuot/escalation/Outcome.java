package vn.thongsuot.escalation;

import java.util.Map;

/** Answers a level can give; the codes are stored in process variables and in the timeline. */
public final class Outcome {

  public static final String GUIDANCE_GIVEN = "GUIDANCE_GIVEN";
  public static final String MORE_INFO = "MORE_INFO";
  public static final String EXCEEDS_DEPARTMENT = "EXCEEDS_DEPARTMENT";
  public static final String RESOLVED = "RESOLVED";
  public static final String REFER_TO_MINISTRY = "REFER_TO_MINISTRY";
  public static final String NEEDS_GOVERNMENT = "NEEDS_GOVERNMENT";
  public static final String NEEDS_LAW_CHANGE = "NEEDS_LAW_CHANGE";
  public static final String ROADMAP = "ROADMAP";
  public static final String DECIDED = "DECIDED";
  public static final String ON_AGENDA = "ON_AGENDA";
  /** Set by the escalation timer, never chosen by a person. */
  public static final String NO_ANSWER = "NO_ANSWER";

  /** The commune's assessment of an answer. */
  public static final String REMOVED = "REMOVED";
  public static final String NOT_REMOVED = "NOT_REMOVED";

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry(GUIDANCE_GIVEN, "Đã hướng dẫn tháo gỡ"),
      Map.entry(MORE_INFO, "Cần xã bổ sung thông tin"),
      Map.entry(EXCEEDS_DEPARTMENT, "Vượt thẩm quyền của sở"),
      Map.entry(RESOLVED, "Giải quyết trong thẩm quyền"),
      Map.entry(REFER_TO_MINISTRY, "Kiến nghị bộ quản lý ngành"),
      Map.entry(NEEDS_GOVERNMENT, "Cần Chính phủ, Thủ tướng Chính phủ quyết định"),
      Map.entry(NEEDS_LAW_CHANGE, "Cần sửa đổi luật"),
      Map.entry(ROADMAP, "Lập lộ trình tháo gỡ"),
      Map.entry(DECIDED, "Đã quyết định"),
      Map.entry(ON_AGENDA, "Đã đưa vào chương trình kỳ họp Quốc hội"),
      Map.entry(NO_ANSWER, "Quá hạn không trả lời"),
      Map.entry(REMOVED, "Vướng mắc đã được tháo gỡ"),
      Map.entry(NOT_REMOVED, "Chưa tháo gỡ được"));

  private Outcome() {}

  public static String label(String outcome) {
    return outcome == null ? "" : LABELS.getOrDefault(outcome, outcome);
  }
}
