package vn.thongsuot.reporting;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link ReportPeriodsYear} on an H2 database of its own, as the default suite runs. */
class ReportPeriodsYearTest extends ReportPeriodsYear {

  @Override
  DataSource database() {
    return new DriverManagerDataSource("jdbc:h2:mem:periods-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "");
  }

  @Override
  String blockedSessionsSql() {
    return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
  }
}
