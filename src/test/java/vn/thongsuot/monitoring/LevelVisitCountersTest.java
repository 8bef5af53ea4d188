package vn.thongsuot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thongsuot.AppTest;

/**
 * The league tables' counters count what committed, once per visit, however the increments of a
 * transaction are applied (they wait for its commit, so that escalations of one unit do not queue on
 * the unit's row for a whole engine transaction).
 */
@AppTest
class LevelVisitCountersTest {

  private static final String COMMITTEE = "province-31-committee";

  @Autowired LevelVisits visits;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void countsWhatATransactionCommitsWhenItCommits() {
    Instant at = Instant.parse("2031-01-12T03:00:00Z");
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      visits.open("TS-COUNT-1", "31", "finance-budget", "PROVINCE", COMMITTEE, at, at.plusSeconds(86_400 * 9), false);
      visits.open("TS-COUNT-2", "31", "finance-budget", "PROVINCE", COMMITTEE, at, at.plusSeconds(86_400 * 9), true);
      visits.answer("TS-COUNT-1", COMMITTEE, "NO_ANSWER", at.plusSeconds(86_400 * 14));
      assertThat(received(203101)).as("inside the transaction, before its commit").isZero();
    });
    assertThat(row(203101)).containsExactly(2, 0, 1);
    assertThat(row(2031)).as("the year's row").containsExactly(2, 0, 1);
  }

  @Test
  void countsNothingOfATransactionThatRollsBack() {
    Instant at = Instant.parse("2032-02-12T03:00:00Z");
    visits.open("TS-COUNT-3", "31", "finance-budget", "PROVINCE", COMMITTEE, at, at.plusSeconds(86_400 * 9), false);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      visits.open("TS-COUNT-4", "31", "finance-budget", "PROVINCE", COMMITTEE, at, at.plusSeconds(86_400 * 9), false);
      visits.answer("TS-COUNT-3", COMMITTEE, "ANSWERED", at.plusSeconds(86_400));
      status.setRollbackOnly();
    });
    assertThat(row(203202)).as("only the visit opened outside the rolled-back transaction").containsExactly(1, 0, 0);
    assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(answers), 0) FROM ts_unit_month_days"
        + " WHERE year_month = 203202", Integer.class)).as("no answer counted").isZero();
  }

  private int received(int yearMonth) {
    return jdbc.queryForList("SELECT received FROM ts_unit_month WHERE year_month = ? AND unit_group = ?",
        Integer.class, yearMonth, COMMITTEE).stream().findFirst().orElse(0);
  }

  private List<Integer> row(int period) {
    String table = period > 9999 ? "ts_unit_month" : "ts_unit_year";
    String key = period > 9999 ? "year_month" : "year_no";
    return jdbc.queryForList("SELECT received, on_time, no_answer FROM " + table + " WHERE " + key
        + " = ? AND unit_group = ?", period, COMMITTEE).stream()
        .flatMap(r -> r.values().stream()).map(v -> ((Number) v).intValue()).toList();
  }
}
