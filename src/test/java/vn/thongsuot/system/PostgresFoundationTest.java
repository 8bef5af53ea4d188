package vn.thongsuot.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same start, deployment and restart on PostgreSQL (profile postgres). Run by
 * {@code mvn verify -Ppostgres}; it creates its own database on the server given by
 * THONGSUOT_TEST_PG_URL (default the local server, user postgres).
 */
@Tag("postgres")
class PostgresFoundationTest {

  static final String SERVER = System.getenv().getOrDefault("THONGSUOT_TEST_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("THONGSUOT_TEST_PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("THONGSUOT_TEST_PG_PASSWORD", "");
  static final String DATABASE = "thongsuot_test_foundation";

  @BeforeAll
  static void freshDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + DATABASE);
    }
  }

  @Test
  void startsDeploysAndKeepsStateAcrossARestartOnPostgres() {
    RestartScenario.fileStopStartAndFindTheIssue(
        "spring.profiles.active=postgres,demo",
        "THONGSUOT_DB_URL=" + SERVER + DATABASE,
        "THONGSUOT_DB_USER=" + USER,
        "THONGSUOT_DB_PASSWORD=" + PASSWORD);
  }
}
