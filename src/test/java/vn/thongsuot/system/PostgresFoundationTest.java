package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.thongsuot.TestPostgres;

/**
 * The same start, deployment and restart on PostgreSQL (profile postgres), then the schema the
 * service leaves behind. Run by {@code mvn verify -Ppostgres}; it creates its own database on the
 * server given by THONGSUOT_TEST_PG_URL (default the local server, user postgres).
 */
@Tag("postgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresFoundationTest {

  static final String SERVER = TestPostgres.SERVER;
  static final String USER = TestPostgres.USER;
  static final String PASSWORD = TestPostgres.PASSWORD;
  static final String DATABASE = "thongsuot_test_foundation";

  /** The job executor's poll, as Camunda 7.24 sends it with the settings of application.yaml. */
  static final String ACQUISITION = "SELECT RES.ID_ FROM ACT_RU_JOB RES WHERE (RES.RETRIES_ > 0)"
      + " AND (RES.DUEDATE_ <= now()) AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < now())"
      + " AND RES.SUSPENSION_STATE_ = 1 AND ((RES.EXCLUSIVE_ = true AND NOT EXISTS (SELECT J2.ID_"
      + " FROM ACT_RU_JOB J2 WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_"
      + " AND (J2.EXCLUSIVE_ = true) AND (J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= now())))"
      + " OR RES.EXCLUSIVE_ = false) ORDER BY RES.TYPE_ DESC, RES.DUEDATE_ ASC LIMIT 8";

  @BeforeAll
  static void freshDatabase() throws SQLException {
    TestPostgres.createFresh(SERVER, DATABASE);
  }

  @Test
  @Order(1)
  void startsDeploysAndKeepsStateAcrossARestartOnPostgres() {
    RestartScenario.fileStopStartAndFindTheIssue(
        "spring.profiles.active=postgres,demo",
        "THONGSUOT_DB_URL=" + SERVER + DATABASE,
        "THONGSUOT_DB_USER=" + USER,
        "THONGSUOT_DB_PASSWORD=" + PASSWORD);
  }

  /**
   * A storm of due timers: each node's poll reads the first due jobs in the order it wants them and
   * stops, instead of reading and sorting every due job (docs/benchmarks.md, timers).
   */
  @Test
  @Order(2)
  void jobAcquisitionReadsOnlyTheFirstDueTimers() throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD);
        Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, PROCESS_INSTANCE_ID_, RETRIES_,"
          + " DUEDATE_, SUSPENSION_STATE_) SELECT 'storm-' || n, 1, 'timer', true, 'instance-' || n, 3,"
          + " now() - (n || ' seconds')::interval, 1 FROM generate_series(1, 20000) n");
      sql.execute("ANALYZE ACT_RU_JOB");
      String plan;
      try (ResultSet rows = sql.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) " + ACQUISITION)) {
        StringBuilder text = new StringBuilder();
        while (rows.next()) {
          text.append(rows.getString(1)).append('\n');
        }
        plan = text.toString();
      }
      assertThat(plan).as(plan).containsIgnoringCase("Index Scan using " + JobExecutorTuning.ACQUISITION_INDEX)
          .doesNotContain("Sort");
      try (ResultSet old = sql.executeQuery("SELECT COUNT(*) FROM pg_indexes WHERE indexname = '"
          + JobExecutorTuning.FIRST_ACQUISITION_INDEX.toLowerCase() + "'")) {
        old.next();
        assertThat(old.getInt(1)).as("the first acquisition index is gone").isZero();
      }
      sql.execute("DELETE FROM ACT_RU_JOB WHERE ID_ LIKE 'storm-%'");
    }
  }
}
