package vn.thongsuot.reporting;

/**
 * A draft that can no longer be published as compiled: the report it follows was replaced, or a
 * report of another month was published after it, so publishing it would leave a gap or count
 * events twice. Returning it recompiles it after the report now published.
 */
public class StaleReportException extends RuntimeException {

  StaleReportException(String message) {
    super(message);
  }
}
