package vn.thongsuot.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached" (down, restarting, the pool found no
 * connection in time) rather than a fault of the request or of our code: such a failure is a 503
 * the caller may retry, wherever it surfaces (our API, Camunda's REST API, an authentication
 * filter). One sentence for officials; nothing of the failure itself reaches the response.
 */
public final class DatabaseUnavailable {

  public static final String MESSAGE =
      "Hệ thống tạm thời không kết nối được cơ sở dữ liệu; xin thử lại sau ít phút.";
  /** Seconds a client should wait before retrying (Retry-After). */
  public static final String RETRY_AFTER = "30";

  private DatabaseUnavailable() {
  }

  /** True if {@code failure} or one of its causes says the database could not be reached. */
  public static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotGetJdbcConnectionException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException) {
        return true;
      }
      // SQLSTATE class 08: connection exception (refused, broken mid-statement: PostgreSQL's
      // 08001, 08006); 57P01-57P03: the server is shutting down, crashed or still starting.
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      // The connection died mid-transaction and the rollback (or commit) failed on it too: the pool
      // answers "Connection is closed" with no SQLSTATE, which Spring cannot translate and reports as
      // a TransactionSystemException, keeping what really failed aside (or, when a failed commit is
      // overridden by the failed rollback, only in its log). A data error at commit or rollback would
      // carry an SQLSTATE and be translated; an untranslatable JDBC failure there is the connection.
      if (cause instanceof TransactionSystemException transaction
          && (transaction.getApplicationException() != null && causes(transaction.getApplicationException())
              || transaction.getCause() instanceof SQLException sql && sql.getSQLState() == null)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
