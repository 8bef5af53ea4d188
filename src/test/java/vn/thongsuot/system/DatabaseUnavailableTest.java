package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are "the database cannot be reached" (503) and which are not (DatabaseOutageIT shows them live). */
class DatabaseUnavailableTest {

  @Test
  void aPoolWithoutConnectionsAConnectionCutMidStatementAndAServerShuttingDownAreOutages() {
    // Spring could not open a transaction: Hikari timed out waiting for a connection.
    assertThat(DatabaseUnavailable.causes(new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    // The engine's wrapping of a statement whose connection broke (PostgreSQL: 08006).
    assertThat(DatabaseUnavailable.causes(new ProcessEngineException("ENGINE-03004",
        new PersistenceException(new SQLException("An I/O error occurred while sending to the backend.",
            "08006"))))).isTrue();
    // The server was stopped (57P01 admin shutdown) or is still starting (57P03).
    assertThat(DatabaseUnavailable.causes(new SQLException("terminating connection", "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03")))
        .isTrue();
    assertThat(DatabaseUnavailable.causes(new RuntimeException(new ConnectException("Connection refused"))))
        .isTrue();
    // A filing cut by the crash whose rollback then failed on the dead connection (seen in
    // DatabaseOutageIT: it answered 500): the rollback's error hides the statement's.
    org.springframework.transaction.TransactionSystemException rollback =
        new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
            new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEngineException("ENGINE-03004",
        new PersistenceException(new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
    assertThat(DatabaseUnavailable.causes(rollback)).isTrue();
    // The commit failed on the crash and the rollback after it too: Spring throws the rollback's
    // error alone (seen in DatabaseOutageIT on /api/board/timers: it answered 500).
    assertThat(DatabaseUnavailable.causes(new ProcessEngineException("persistence",
        new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
            new SQLException("Connection is closed"))))).isTrue();
  }

  @Test
  void errorsOfTheRequestOrOfTheDataAreNot() {
    assertThat(DatabaseUnavailable.causes(new BadUserRequestException("An unbound number of results"))).isFalse();
    assertThat(DatabaseUnavailable.causes(new ProcessEngineException("insert failed",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.causes(new SQLException("deadlock detected", "40P01"))).isFalse();
    assertThat(DatabaseUnavailable.causes(new IllegalStateException("bug"))).isFalse();
    // A commit refused for the data (an SQLSTATE) is the data's error, not an outage.
    assertThat(DatabaseUnavailable.causes(new org.springframework.transaction.TransactionSystemException(
        "JDBC commit failed", new SQLException("deferred constraint violated", "23505")))).isFalse();
  }

  @Test
  void aPasswordCheckThatFindsTheDatabaseDownIsAVietnamese503() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DatabaseUnavailableFilter(Jackson2ObjectMapperBuilder.json().build()).doFilter(
        new MockHttpServletRequest("POST", "/api/issues"), response, (request, ignored) -> {
          throw new CannotCreateTransactionException("Could not open JDBC Connection",
              new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailable.RETRY_AFTER);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"status\":503", "Tạm thời không phục vụ được", DatabaseUnavailable.MESSAGE)
        .doesNotContain("Hikari", "JDBC", "Exception");
  }

  @Test
  void otherFailuresPassThrough() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DatabaseUnavailableFilter(
        Jackson2ObjectMapperBuilder.json().build()).doFilter(new MockHttpServletRequest("GET", "/api/board/me"),
        new MockHttpServletResponse(), (request, ignored) -> {
          throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
  }
}
