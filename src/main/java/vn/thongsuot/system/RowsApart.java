package vn.thongsuot.system;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a row many transactions will then update (a counter, a sequence) in a short transaction
 * of its own: when two nodes create the same row at once, the loser's duplicate-key error aborts
 * only that small transaction, never the engine transaction that goes on to use the row.
 */
@Component
public class RowsApart {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  RowsApart(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs the INSERT unless {@code existsSql} (a COUNT query) finds the row; a twin's win is fine. */
  public void createIfAbsent(String existsSql, Object[] key, String insertSql, Object... values) {
    Integer found = jdbc.queryForObject(existsSql, Integer.class, key);
    if (found != null && found > 0) {
      return;
    }
    try {
      separateTransaction.executeWithoutResult(status -> jdbc.update(insertSql, values));
    } catch (DuplicateKeyException createdMeanwhile) {
      // another transaction created it first: the caller increments it all the same
    }
  }
}
