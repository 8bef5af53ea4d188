package vn.thongsuot.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, which it may stop and start: a fresh cluster
 * ({@code initdb}) in a temporary directory, on a free port of 127.0.0.1, trust authentication,
 * PostgreSQL's default durability settings (fsync on, {@code synchronous_commit = on}). The
 * machine's shared server on 5432 is never touched.
 *
 * <p>When the test runs as root, {@code initdb} and {@code pg_ctl} run as the {@code postgres}
 * OS user (PostgreSQL refuses root), and the directory is given to that user.
 * {@link #stop()} is {@code pg_ctl stop -m immediate} by default: the server dies without a
 * checkpoint, like a crash, so the next {@link #start()} replays the WAL.
 */
public final class OwnPostgres implements AutoCloseable {

  private static final String OS_USER = "postgres";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Path directory;
  private final Path data;
  private final int port;
  private final Path bin;
  private boolean running;

  private OwnPostgres(Path directory, int port, Path bin) {
    this.directory = directory;
    this.data = directory.resolve("data");
    this.port = port;
    this.bin = bin;
  }

  /** Creates a new cluster on a free port (not yet running). */
  public static OwnPostgres create() {
    Path bin = binaries();
    try {
      Path directory = Files.createTempDirectory("thongsuot-pg-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      OwnPostgres server = new OwnPostgres(directory, freePort(), bin);
      if (asRoot()) {
        run(List.of("chown", "-R", OS_USER + ":" + OS_USER, directory.toString()));
      }
      server.pg(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(),
          "-U", ClusterDatabase.USER, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a PostgreSQL directory", e);
    }
  }

  /** Starts the server and returns once it accepts connections. */
  public OwnPostgres start() {
    pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        directory.resolve("server.log").toString(), "-w", "-t", Long.toString(TIMEOUT.toSeconds()),
        "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1"
            + " -c max_connections=200", "start"));
    running = true;
    return this;
  }

  /** Stops the server like a crash ({@code -m immediate}): no checkpoint, open connections cut. */
  public void stop() {
    stop("immediate");
  }

  /** Stops the server with a {@code pg_ctl} mode: {@code smart}, {@code fast} or {@code immediate}. */
  public void stop(String mode) {
    pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "stop"));
    running = false;
  }

  public boolean isRunning() {
    return running;
  }

  /** The server as ClusterDatabase wants it: a JDBC URL ending in '/'. */
  public String server() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/";
  }

  public int port() {
    return port;
  }

  /** The last lines of the server's log, for a failure message. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(directory.resolve("server.log"), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the server if it runs (fast) and removes its directory. */
  @Override
  public void close() {
    try {
      if (running) {
        stop("fast");
      }
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is no test failure
      }
    }
  }

  @Override
  public String toString() {
    return "own PostgreSQL on port " + port + " in " + directory;
  }

  private void pg(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asRoot()) {
      full.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n"
            + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** {@code THONGSUOT_TEST_PG_BIN}, else the newest /usr/lib/postgresql/N/bin, else /usr/local/bin. */
  private static Path binaries() {
    String configured = System.getenv("THONGSUOT_TEST_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        var newest = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparingInt(b -> versionOf(b.getParent())));
        if (newest.isPresent()) {
          return newest.get();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Path.of("/usr/local/bin");
  }

  private static int versionOf(Path directory) {
    try {
      return Integer.parseInt(directory.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
