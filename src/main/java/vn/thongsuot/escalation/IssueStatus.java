package vn.thongsuot.escalation;

/** Where an issue stands overall. */
public enum IssueStatus {
  OPEN("Đang xử lý"),
  RESOLVED("Đã tháo gỡ"),
  WITHDRAWN("Xã đã rút");

  private final String label;

  IssueStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
