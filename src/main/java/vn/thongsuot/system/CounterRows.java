package vn.thongsuot.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board's counter rows, written so that many transactions can count into the same row.
 * <ul>
 *   <li>A row that may not exist yet is created in its own short transaction: when two nodes create
 *       the same row at once, the loser's duplicate-key error aborts only that small transaction,
 *       never the engine transaction that counts into it.
 *   <li>Increments wait for the end of the transaction ({@link #add}): a counter row is shared by
 *       every issue of a unit in a month, so an UPDATE early in a long engine transaction (an
 *       escalation: end the level, start the next, its task, timers, grants, history) would hold the
 *       row's lock until the commit and make every other escalation of that unit wait. Deferred to
 *       just before the commit, and summed, the lock is held for the commit only; taken in one
 *       fixed order, so two transactions never wait for each other crosswise.
 * </ul>
 */
@Component
public class CounterRows {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  CounterRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Adds 1 to a counter: {@code incrementSql} is an UPDATE whose first parameter is the amount
   * ({@code SET n = n + ?}), {@code key} the rest. Inside a transaction it runs just before the
   * commit, with the sum of the transaction's increments of that row; outside one, at once.
   */
  public void add(String incrementSql, Object... key) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      jdbc.update(incrementSql, prepend(1, key));
      return;
    }
    PendingIncrements pending = TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(PendingIncrements.class::isInstance).map(PendingIncrements.class::cast)
        .findFirst().orElse(null);
    if (pending == null) {
      pending = new PendingIncrements();
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.add(incrementSql, key);
  }

  private static Object[] prepend(int amount, Object[] key) {
    Object[] parameters = new Object[key.length + 1];
    parameters[0] = amount;
    System.arraycopy(key, 0, parameters, 1, key.length);
    return parameters;
  }

  /** One transaction's increments, by statement and key in a fixed order, summed. */
  private final class PendingIncrements implements TransactionSynchronization {
    private final Map<String, Map<List<Object>, Integer>> amounts = new TreeMap<>();

    void add(String sql, Object[] key) {
      amounts.computeIfAbsent(sql, s -> new TreeMap<>(PendingIncrements::compareKeys))
          .merge(Arrays.asList(key), 1, Integer::sum);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      amounts.forEach((sql, rows) -> rows.forEach((key, amount) -> jdbc.update(sql, prepend(amount, key.toArray()))));
    }

    private static int compareKeys(List<Object> a, List<Object> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = String.valueOf(a.get(i)).compareTo(String.valueOf(b.get(i)));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
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
