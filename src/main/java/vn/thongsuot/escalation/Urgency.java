package vn.thongsuot.escalation;

/** How urgent the commune says the obstacle is; urgent issues get shorter deadlines at every level. */
public enum Urgency {
  NORMAL("Thông thường"),
  URGENT("Khẩn");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
