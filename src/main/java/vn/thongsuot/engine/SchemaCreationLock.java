package vn.thongsuot.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time build its process engine on a shared PostgreSQL database. Camunda
 * creates or checks its schema while the engine is built, without a lock of its own: two nodes
 * starting together on an empty database both ran {@code create table ACT_...} and the second
 * one died on a duplicate key in PostgreSQL's catalog (found by the cluster suite, TwoNodesIT).
 * A session-level advisory lock, taken before the engine is built and released once it is, makes
 * the second node wait a few seconds and then find the schema in place. If a node dies while
 * holding it, PostgreSQL releases the lock with the session. H2 (one node, a file) needs no lock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchemaCreationLock extends AbstractProcessEnginePlugin {

  /** An arbitrary application-wide key ("TS" and a version digit). */
  static final long KEY = 0x5453_0001L;

  private static final Logger log = LoggerFactory.getLogger(SchemaCreationLock.class);

  private final DataSource dataSource;
  private Connection holder;

  SchemaCreationLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      long started = System.nanoTime();
      try (Statement sql = connection.createStatement()) {
        sql.execute("select pg_advisory_lock(" + KEY + ")");
      }
      holder = connection;
      long waited = (System.nanoTime() - started) / 1_000_000;
      if (waited > 100) {
        log.info("Waited {} ms for another node to finish building its engine on this database", waited);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the schema creation lock", e);
    }
  }

  @Override
  public synchronized void postProcessEngineBuild(ProcessEngine engine) {
    if (holder == null) {
      return;
    }
    try (Connection connection = holder; Statement sql = connection.createStatement()) {
      sql.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      // Closing the session releases the lock as well.
      log.warn("Schema creation lock not released explicitly: {}", e.getMessage());
    } finally {
      holder = null;
    }
  }
}
