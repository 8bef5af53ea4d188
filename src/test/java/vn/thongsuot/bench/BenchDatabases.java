package vn.thongsuot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thongsuot.TestPostgres;
import vn.thongsuot.ThongSuotApplication;

/**
 * Fresh databases for benchmarks and the application started on them: PostgreSQL on the server of
 * the postgres suite (THONGSUOT_TEST_PG_URL, user postgres), each benchmark in a database of its own
 * name, dropped and created; or an H2 file under target/bench/h2/. Job executor off: nothing fires.
 */
public final class BenchDatabases {

  public static final String SERVER = TestPostgres.SERVER;
  public static final String USER = TestPostgres.USER;
  public static final String PASSWORD = TestPostgres.PASSWORD;

  private BenchDatabases() {}

  /** A database for one benchmark: H2 file or PostgreSQL, with the history level the engine keeps. */
  public record Target(boolean postgres, String name, String historyLevel) {

    public String label() {
      return (postgres ? "PostgreSQL" : "H2 file") + ", history " + historyLevel.toUpperCase();
    }

    public String url() {
      return postgres ? SERVER + name
          : "jdbc:h2:file:" + h2Directory(name).toAbsolutePath() + "/thongsuot;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }
  }

  /** Drops and creates the database (PostgreSQL) or deletes the file (H2). */
  public static void fresh(Target target) throws SQLException, IOException {
    if (target.postgres()) {
      TestPostgres.createFresh(SERVER, target.name());
    } else {
      Path directory = h2Directory(target.name());
      if (Files.exists(directory)) {
        try (Stream<Path> files = Files.walk(directory)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(directory);
    }
  }

  public static void drop(Target target) throws SQLException {
    if (target.postgres()) {
      TestPostgres.drop(SERVER, target.name());
    }
  }

  /**
   * The application with its demo accounts on the target, web server on a random port, job executor
   * off; extra properties and initializers (the statement counter) as given.
   */
  public static ConfigurableApplicationContext start(Target target, StatementCounter counter, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "spring.profiles.active=" + (target.postgres() ? "postgres,demo" : "demo"),
        "THONGSUOT_DB_URL=" + target.url(),
        "THONGSUOT_DB_USER=" + (target.postgres() ? USER : "sa"),
        "THONGSUOT_DB_PASSWORD=" + (target.postgres() ? PASSWORD : "")));
    all.addAll(List.of(properties));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(ThongSuotApplication.class)
        .properties(all.toArray(String[]::new));
    if (counter != null) {
      builder.initializers(counter.initializer());
    }
    // As arguments, not default properties: application.yaml's values (port, history level, job
    // executor) outrank default properties and would win.
    return builder.run("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.history-level=" + target.historyLevel());
  }

  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static Path h2Directory(String name) {
    return Path.of("target", "bench", "h2", name);
  }
}
