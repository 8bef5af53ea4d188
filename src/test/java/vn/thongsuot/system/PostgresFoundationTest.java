package vn.thongsuot.system;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.thongsuot.TestPostgres;

/**
 * The same start, deployment and restart on PostgreSQL (profile postgres). Run by
 * {@code mvn verify -Ppostgres}; it creates its own database on the server given by
 * THONGSUOT_TEST_PG_URL (default the local server, user postgres).
 */
@Tag("postgres")
class PostgresFoundationTest {

  static final String SERVER = TestPostgres.SERVER;
  static final String USER = TestPostgres.USER;
  static final String PASSWORD = TestPostgres.PASSWORD;
  static final String DATABASE = "thongsuot_test_foundation";

  @BeforeAll
  static void freshDatabase() throws SQLException {
    TestPostgres.createFresh(SERVER, DATABASE);
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
