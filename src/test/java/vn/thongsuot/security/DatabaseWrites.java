package vn.thongsuot.security;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts every statement that writes (anything but a SELECT) sent to the database by any thread,
 * with datasource-proxy around the application's DataSource: a refused request must write
 * nothing, not even something it rolls back or writes in a transaction of its own (the retries a
 * refused job execution used to burn were written that way).
 */
@TestConfiguration(proxyBeanMethods = false)
class DatabaseWrites {

  static final AtomicLong WRITES = new AtomicLong();
  /** The last statement that wrote, to name it in a failure. */
  static volatile String last = "";

  static long count() {
    return WRITES.get();
  }

  @Bean
  static BeanPostProcessor countDatabaseWrites() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(dataSource).name("writes").listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            }

            @Override
            public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
              for (QueryInfo query : queries) {
                String sql = query.getQuery().stripLeading().toLowerCase(Locale.ROOT);
                if (!sql.startsWith("select") && !sql.startsWith("with") && !sql.startsWith("values")
                    && !sql.startsWith("set ") && !sql.startsWith("show")) {
                  WRITES.addAndGet(Math.max(1, query.getParametersList().size()));
                  last = sql.length() > 200 ? sql.substring(0, 200) : sql;
                }
              }
            }
          }).build();
        }
        return bean;
      }
    };
  }
}
