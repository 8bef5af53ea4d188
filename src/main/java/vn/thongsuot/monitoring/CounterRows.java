package vn.thongsuot.monitoring;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.thongsuot.system.RowsApart;

/**
 * The board's counter rows, written so that many transactions can count into the same row.
 * A row that may not exist yet is created apart ({@link RowsApart}). Increments wait for the end of
 * the transaction ({@link #add}): a counter row is shared by
 *       every issue of a unit in a month, so an UPDATE early in a long engine transaction (an
 *       escalation: end the level, start the next, its task, timers, grants, history) would hold the
 *       row's lock until the commit and make every other escalation of that unit wait. Deferred to
 *       just before the commit, and summed, the lock is held for the commit only; taken in one
 *       fixed order, so two transactions never wait for each other crosswise.
 */
@Component
class CounterRows {

  private final JdbcTemplate jdbc;
  private final RowsApart rows;

  CounterRows(JdbcTemplate jdbc, RowsApart rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  /** See {@link RowsApart#createIfAbsent}. */
  void createIfAbsent(String existsSql, Object[] key, String insertSql, Object... values) {
    rows.createIfAbsent(existsSql, key, insertSql, values);
  }

  /**
   * Adds 1 to a counter: {@code incrementSql} is an UPDATE whose first parameter is the amount
   * ({@code SET n = n + ?}), {@code key} the rest. Inside a transaction it runs just before the
   * commit, with the sum of the transaction's increments of that row; outside one, at once.
   */
  void add(String incrementSql, Object... key) {
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
}
