package vn.thongsuot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the postgres suite, the cluster suite and the benchmarks use, and the one
 * way they make a database of their own on it. {@code THONGSUOT_TEST_PG_URL} (a JDBC URL ending in
 * '/', default the local server), {@code THONGSUOT_TEST_PG_USER} (default postgres) and
 * {@code THONGSUOT_TEST_PG_PASSWORD} (default empty).
 */
public final class TestPostgres {

  public static final String SERVER = System.getenv().getOrDefault("THONGSUOT_TEST_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = System.getenv().getOrDefault("THONGSUOT_TEST_PG_USER", "postgres");
  public static final String PASSWORD = System.getenv().getOrDefault("THONGSUOT_TEST_PG_PASSWORD", "");

  private TestPostgres() {}

  /** Drops {@code name} if it exists (closing its connections) and creates it empty. */
  public static void createFresh(String server, String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server + "postgres", USER, PASSWORD);
        Statement sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + name);
    }
  }

  /** Drops {@code name} if it exists, closing its connections. */
  public static void drop(String server, String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server + "postgres", USER, PASSWORD);
        Statement sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /**
   * Statistics for every table of the connection's database, as autovacuum would keep them while the
   * tables grow from nothing during a run. The suite's server may run without autovacuum (this
   * machine's does); the planner then walked a whole index for each grant lookup of the engine
   * (23 ms instead of 0.07 ms, docs/benchmarks.md, timers).
   */
  public static void analyze(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("ANALYZE");
    }
  }
}
