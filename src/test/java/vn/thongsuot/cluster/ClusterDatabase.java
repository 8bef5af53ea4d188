package vn.thongsuot.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thongsuot.TestPostgres;

/**
 * One PostgreSQL database that the nodes of a test cluster share, created afresh on the server of
 * the PostgreSQL suite ({@code THONGSUOT_TEST_PG_URL}, default the local server, user postgres),
 * and plain JDBC to look at what the nodes wrote: the test reads the tables, it never trusts a
 * node's own answer about itself.
 */
public final class ClusterDatabase {

  public static final String SERVER = TestPostgres.SERVER;
  public static final String USER = TestPostgres.USER;
  public static final String PASSWORD = TestPostgres.PASSWORD;

  private final String server;
  private final String name;

  private ClusterDatabase(String server, String name) {
    this.server = server;
    this.name = name;
  }

  /** Drops {@code name} if it exists and creates it empty, on the suite's server. */
  public static ClusterDatabase fresh(String name) {
    return fresh(SERVER, name);
  }

  /** Drops {@code name} if it exists and creates it empty, on a server given as a JDBC URL ending in '/'. */
  public static ClusterDatabase fresh(String server, String name) {
    try {
      TestPostgres.createFresh(server, name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name + " on " + server, e);
    }
    return new ClusterDatabase(server, name);
  }

  public String url() {
    return server + name;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  /** The single number a query returns (a count, a max). */
  public long number(String query, Object... parameters) {
    List<Map<String, Object>> rows = rows(query, parameters);
    Object value = rows.get(0).values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** The rows a query returns, column label to value, in order. */
  public List<Map<String, Object>> rows(String query, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement sql = connection.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        sql.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = sql.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= columns; c++) {
            row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  /** An update (or DDL) with parameters; the number of rows it changed. */
  public int update(String statement, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement sql = connection.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        sql.setObject(i + 1, parameters[i]);
      }
      return sql.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  @Override
  public String toString() {
    return url();
  }
}
