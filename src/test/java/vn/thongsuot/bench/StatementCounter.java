package vn.thongsuot.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements one step costs, by kind, with datasource-proxy wrapped around the
 * application's DataSource (bench runs only: {@link #initializer()} is added by the benchmark, no
 * component scan finds this class). Counting is per thread and only inside {@link #count}: only a
 * connection taken there goes through the proxy, every other one is the pool's own, so throughput
 * runs pay nothing for it. A JDBC batch counts each of its statements; "executions" counts round
 * trips (a batch is one).
 */
public final class StatementCounter implements QueryExecutionListener {

  /** Statements by kind within one step. */
  public record Counts(long select, long insert, long update, long delete, long other, long executions,
      Map<String, Long> byTable) {

    public long statements() {
      return select + insert + update + delete + other;
    }
  }

  /** What a step returned and the statements it cost. */
  public record Counted<T>(T value, Counts counts) {}

  private static final Pattern TABLE = Pattern.compile(
      "^\\s*(?:insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([a-z_0-9.]+)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private record Tally(long[] kinds, Map<String, Long> byTable) {}

  private final ThreadLocal<Tally> current = new ThreadLocal<>();

  public <T> Counted<T> count(Supplier<T> step) {
    Tally tally = new Tally(new long[6], new TreeMap<>());
    current.set(tally);
    try {
      T value = step.get();
      long[] c = tally.kinds();
      return new Counted<>(value, new Counts(c[0], c[1], c[2], c[3], c[4], c[5], tally.byTable()));
    } finally {
      current.remove();
    }
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    Tally tally = current.get();
    if (tally == null) {
      return;
    }
    long[] c = tally.kinds();
    c[5]++;
    for (QueryInfo query : queries) {
      int n = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
      Matcher table = TABLE.matcher(query.getQuery());
      String kind = query.getQuery().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      tally.byTable().merge(kind + " " + (table.find() ? table.group(1).toUpperCase(Locale.ROOT) : "?"), (long) n,
          Long::sum);
      switch (QueryUtils.getQueryType(query.getQuery())) {
        case SELECT -> c[0] += n;
        case INSERT -> c[1] += n;
        case UPDATE -> c[2] += n;
        case DELETE -> c[3] += n;
        default -> c[4] += n;
      }
    }
  }

  /** Wraps every DataSource bean: a counting proxy's connection inside {@link #count}, else the pool's. */
  public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
    StatementCounter listener = this;
    return context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource pool && !(bean instanceof ProxyDataSource)
            && !(bean instanceof DelegatingDataSource)) {
          DataSource proxy = ProxyDataSourceBuilder.create(pool).name(name).listener(listener).build();
          return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
              return listener.current.get() != null ? proxy.getConnection() : pool.getConnection();
            }
          };
        }
        return bean;
      }
    });
  }
}
