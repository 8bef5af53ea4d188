package vn.thongsuot.reporting;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.thongsuot.TestPostgres;

/** {@link ReportPeriodsYear} on a PostgreSQL database of its own (the postgres suite, -Ppostgres). */
@Tag("postgres")
class ReportPeriodsYearPostgresTest extends ReportPeriodsYear {

  static final String NAME = "thongsuot_report_periods";

  @Override
  DataSource database() throws Exception {
    TestPostgres.createFresh(TestPostgres.SERVER, NAME);
    return new DriverManagerDataSource(TestPostgres.SERVER + NAME, TestPostgres.USER, TestPostgres.PASSWORD);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    TestPostgres.drop(TestPostgres.SERVER, NAME);
  }

  @Override
  String blockedSessionsSql() {
    return "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
  }
}
