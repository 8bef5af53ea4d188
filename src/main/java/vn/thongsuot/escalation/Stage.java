package vn.thongsuot.escalation;

import java.util.Optional;

/**
 * Where an open issue waits, as {@code ts_issue.current_level} records it: a level of the ladder,
 * a commune task, or a timer (a roadmap's next progress report, a National Assembly session).
 */
public enum Stage {
  DEPARTMENT(Level.DEPARTMENT.label()),
  PROVINCE(Level.PROVINCE.label()),
  MINISTRY(Level.MINISTRY.label()),
  GOVERNMENT(Level.GOVERNMENT.label()),
  NATIONAL_ASSEMBLY(Level.NATIONAL_ASSEMBLY.label()),
  COMMUNE_INFO("Xã bổ sung thông tin"),
  COMMUNE_ASSESSMENT("Xã đánh giá ý kiến trả lời"),
  ROADMAP("Chờ bộ báo cáo tiến độ lộ trình"),
  NATIONAL_ASSEMBLY_SESSION("Chờ kỳ họp Quốc hội");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A wait on a timer (roadmap progress, session end): its deadline is when it fires, never overdue. */
  public boolean isTimerWait() {
    return this == ROADMAP || this == NATIONAL_ASSEMBLY_SESSION;
  }

  /** The timer waits as an SQL list for {@code current_level IN ...}. */
  public static String timerWaitsSql() {
    return java.util.Arrays.stream(values()).filter(Stage::isTimerWait)
        .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(",", "(", ")"));
  }

  public static Optional<Stage> of(String code) {
    for (Stage stage : values()) {
      if (stage.name().equals(code)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
