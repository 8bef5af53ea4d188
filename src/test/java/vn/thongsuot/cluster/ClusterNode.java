package vn.thongsuot.cluster;

import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One application node of a test cluster: the packaged jar ({@code target/thongsuot-*.jar}, built
 * by {@code mvn package}) in its own JVM, on its own port, with the environment
 * {@code docker-compose.yml} gives its app services (profiles {@code postgres,demo}, the compose
 * file's documented demo variant, so the demo officials exist; the same {@code THONGSUOT_DB_*}
 * variables; the Dockerfile's JVM options, with an explicit heap instead of a share of a container
 * limit this machine does not have). Output goes to {@code target/cluster/<name>.log}.
 *
 * <p>{@link #kill()} is {@code kill -9}; {@link #stop()} is the graceful stop compose sends
 * (SIGTERM); both leave the port reserved so {@link #start()} brings the node back at the same
 * address.
 */
public final class ClusterNode implements AutoCloseable {

  /**
   * A first start on an empty database (Camunda's schema, 3,776 directory groups) took over four
   * minutes on the 2-core machine while other builds ran; {@code -Dthongsuot.cluster.start-timeout}
   * (an ISO duration) changes it.
   */
  private static final Duration START_TIMEOUT =
      Duration.parse(System.getProperty("thongsuot.cluster.start-timeout", "PT8M"));

  private final String name;
  private final ClusterDatabase database;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx768m"));
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;

  public ClusterNode(String name, ClusterDatabase database) {
    this.name = name;
    this.database = database;
    this.port = freePort();
    this.log = Path.of("target", "cluster", name + ".log");
    environment.put("SPRING_PROFILES_ACTIVE", "postgres,demo");
    environment.put("THONGSUOT_DB_URL", database.url());
    environment.put("THONGSUOT_DB_USER", database.user());
    environment.put("THONGSUOT_DB_PASSWORD", database.password());
    environment.put("THONGSUOT_NODE_NAME", name);
    environment.put("THONGSUOT_DATA_DIR", Path.of("target", "cluster", name + "-data").toString());
    environment.put("THONGSUOT_PUBLIC_URL", "http://127.0.0.1:" + port);
    environment.put("TZ", "UTC");
    environment.put("JAVA_TOOL_OPTIONS", "-Duser.timezone=UTC -Dfile.encoding=UTF-8");
  }

  /** Sets (or, with null, removes) an environment variable for the next start. */
  public ClusterNode env(String variable, String value) {
    if (value == null) {
      environment.remove(variable);
    } else {
      environment.put(variable, value);
    }
    return this;
  }

  /** Adds JVM options for the next start (e.g. a heap size replacing the default 768 MiB). */
  public ClusterNode jvm(String... options) {
    for (String option : options) {
      if (option.startsWith("-Xmx")) {
        jvmOptions.removeIf(o -> o.startsWith("-Xmx"));
      }
      jvmOptions.add(option);
    }
    return this;
  }

  /** Starts the JVM and returns once its health endpoint says UP. */
  public ClusterNode start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "=== start " + Instant.now() + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(jar().toString());
      command.add("--server.port=" + port);
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
      // A test JVM that is stopped (Ctrl-C, a build timeout) takes its nodes with it.
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
    awaitHealthy();
    return this;
  }

  /** {@code kill -9}: the JVM ends at once, in the middle of whatever it was doing. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitForExit(Duration.ofSeconds(30));
    }
  }

  /** SIGTERM, Spring's graceful shutdown; killed if it takes longer than a minute. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!waitForExit(Duration.ofMinutes(1))) {
        kill();
      }
    }
  }

  public ClusterNode restart() {
    stop();
    return start();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public ClusterDatabase database() {
    return database;
  }

  /** Resident memory of the node's JVM in KiB (VmRSS of /proc/&lt;pid&gt;/status). */
  public long residentKib() {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid()), "status"))) {
      return lines.filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A request builder for {@code path} as {@code user} (Basic, demo password), JSON accepted. */
  public HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  public HttpResponse<String> get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  public HttpResponse<String> postJson(String user, String path, String json) {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The last lines of the node's log, for a failure message. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + "@" + port;
  }

  private void awaitHealthy() {
    Instant until = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue()
            + " during start-up:\n" + logTail(60));
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    kill();
    throw new IllegalStateException(name + " not healthy after " + START_TIMEOUT + ":\n" + logTail(60));
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The executable jar {@code mvn package} built (not Spring Boot's {@code .original}). */
  public static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("thongsuot-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "no target/thongsuot-*.jar: run the cluster suite with mvn verify -Pcluster (it packages first)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
