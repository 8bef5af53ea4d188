package vn.thongsuot.escalation;

/**
 * The legal-basis block every task form, mail and {@code GET /api/issues/{number}} shows for a
 * deadline, from one row of the decision "Thời hạn xử lý theo cấp và mức độ khẩn": what the texts
 * say, apart from what this system sets.
 * <ul>
 *   <li><b>Căn cứ</b>: only text checked against a published source (document, date, point, a quote
 *       marked as such), and the Labour Code articles the working days are counted by;
 *   <li>what the system's notes attribute to a text but nobody could check, said to be unchecked,
 *       never as a basis;
 *   <li><b>Quy định của hệ thống</b>: the row's rule, its day counts and when a day ends, and where an
 *       administrator changes them (by their names as officials see them, never internal ids).
 * </ul>
 */
public final class LegalBasis {

  static final String BASIS = "Căn cứ: ";
  static final String UNVERIFIED = "Chưa đối chiếu với văn bản gốc (không dùng làm căn cứ): ";
  static final String SYSTEM = "Quy định của hệ thống: ";
  /** The working days themselves are counted by the law; this part of the basis is the same for every row. */
  static final String WORKING_DAYS_BASIS = "Ngày làm việc không gồm thứ Bảy, Chủ nhật và ngày nghỉ lễ, tết"
      + " theo Bộ luật Lao động số 45/2019/QH14, điều 112 khoản 1 (nghỉ bù: điều 111 khoản 3) và lịch nghỉ"
      + " lễ, tết hằng năm do Chính phủ thông báo.";
  static final String WHERE_CHANGED = "Các số ngày này là quy định của hệ thống Thông suốt, không phải của"
      + " văn bản nêu trên; quản trị viên hệ thống thay đổi chúng trong bảng quyết định “Thời hạn xử lý theo"
      + " cấp và mức độ khẩn”, và giờ kết thúc ngày làm việc trong cấu hình của hệ thống.";

  private LegalBasis() {}

  /**
   * @param basis the row's checked basis ("Căn cứ")
   * @param unverified what is attributed to a text but not checked; null or blank: nothing
   * @param systemRule the row's own rule, without numbers (they come from the row's day counts)
   * @param escalationDays null for a commune task, which is never escalated
   * @param endOfDay "17:00", or "24:00" for the end of the calendar day
   */
  public static String compose(String basis, String unverified, String systemRule, int deadlineDays,
      int reminderDays, Integer escalationDays, String endOfDay) {
    StringBuilder text = new StringBuilder(BASIS).append(blankToEmpty(basis));
    text.append(' ').append(WORKING_DAYS_BASIS);
    if (unverified != null && !unverified.isBlank()) {
      text.append("\n").append(UNVERIFIED).append(unverified.strip());
    }
    text.append("\n").append(SYSTEM);
    if (systemRule != null && !systemRule.isBlank()) {
      text.append(systemRule.strip()).append(' ');
    }
    text.append("Thời hạn ").append(deadlineDays).append(" ngày làm việc");
    text.append(", nhắc trước hạn ").append(reminderDays).append(" ngày làm việc");
    if (escalationDays != null) {
      text.append(", chuyển lên cấp trên ").append(escalationDays).append(" ngày làm việc sau hạn");
    }
    text.append("; hạn kết thúc lúc ").append(endOfDay)
        .append(" (giờ Việt Nam) của ngày làm việc cuối cùng. ").append(WHERE_CHANGED);
    return text.toString();
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.strip();
  }
}
