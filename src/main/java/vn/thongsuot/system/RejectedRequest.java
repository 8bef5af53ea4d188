package vn.thongsuot.system;

import java.util.List;

/**
 * A request an official made that cannot be carried out, with the reason in Vietnamese. Nothing
 * was changed. {@link #reason()} decides the HTTP status.
 */
public class RejectedRequest extends RuntimeException {

  public enum Reason { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

  private final Reason reason;
  private final List<String> problems;

  public RejectedRequest(Reason reason, List<String> problems) {
    super(String.join(" ", problems));
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public RejectedRequest(Reason reason, String problem) {
    this(reason, List.of(problem));
  }

  public Reason reason() {
    return reason;
  }

  /** Each problem as a sentence an official can act on. */
  public List<String> problems() {
    return problems;
  }
}
