package vn.thongsuot.escalation;

/** Kinds of timeline entries, each with the Vietnamese words an official reads. */
public enum EventType {
  FILED("Xã báo cáo vướng mắc"),
  ASSIGNED("Giao xử lý"),
  ANSWERED("Trả lời"),
  INFO_REQUESTED("Đề nghị xã bổ sung thông tin (tạm dừng thời hạn)"),
  INFO_SUPPLIED("Xã bổ sung thông tin (tiếp tục thời hạn)"),
  REMINDER("Nhắc sắp đến hạn"),
  DEADLINE_PASSED("Quá hạn xử lý, đã báo cơ quan giám sát"),
  ESCALATED_NO_ANSWER("Chuyển lên cấp trên do không trả lời"),
  ASSESSED("Xã đánh giá ý kiến trả lời"),
  DEADLINE_EXTENDED("Gia hạn xử lý"),
  DEADLINE_RECOUNTED("Tính lại thời hạn theo lịch nghỉ"),
  RESOLVED("Vướng mắc đã được tháo gỡ"),
  WITHDRAWN("Xã rút vướng mắc");

  private final String label;

  EventType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
