package vn.thongsuot.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The baseline every engine figure is compared with: how many transactions of one INSERT and one
 * UPDATE of a narrow row the same database commits per second at a given concurrency.
 */
public final class RawCommits {

  private final DataSource dataSource;
  private final AtomicLong ids = new AtomicLong();

  /** Creates the table {@code bench_commit} in the database. */
  public RawCommits(DataSource dataSource) throws Exception {
    this.dataSource = dataSource;
    try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
      sql.execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGINT PRIMARY KEY, n INT NOT NULL, note VARCHAR(100))");
      sql.execute("DELETE FROM bench_commit");
    }
  }

  /** The baseline transaction: one insert and one update, committed. */
  public void commit() throws Exception {
    long id = ids.incrementAndGet();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commit (id, n, note) VALUES (?, 0, ?)");
          PreparedStatement update = c.prepareStatement("UPDATE bench_commit SET n = n + 1 WHERE id = ?")) {
        insert.setLong(1, id);
        insert.setString(2, "commit " + id);
        insert.executeUpdate();
        update.setLong(1, id);
        update.executeUpdate();
      }
      c.commit();
    }
  }

  /** Commits per second at {@code threads}, over {@code runs} runs of {@code seconds} each. */
  public Figures.Spread rate(int threads, double seconds, int runs) {
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      rates.add(Load.forSeconds(threads, seconds, (t, i) -> commit()).perSecond());
    }
    return Figures.spread(rates);
  }
}
