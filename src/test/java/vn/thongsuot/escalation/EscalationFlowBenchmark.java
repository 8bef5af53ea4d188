package vn.thongsuot.escalation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thongsuot.TestPostgres;
import vn.thongsuot.bench.BenchDatabases.Target;
import vn.thongsuot.bench.BenchDatabases;
import vn.thongsuot.bench.BenchmarkDocs;
import vn.thongsuot.bench.CpuMeter;
import vn.thongsuot.bench.CpuProfile;
import vn.thongsuot.bench.Figures;
import vn.thongsuot.bench.Load.Series;
import vn.thongsuot.bench.Load;
import vn.thongsuot.bench.Machine;
import vn.thongsuot.bench.MarkdownTable;
import vn.thongsuot.bench.RawCommits;
import vn.thongsuot.bench.StatementCounter.Counts;
import vn.thongsuot.bench.StatementCounter;
import vn.thongsuot.directory.Commune;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.system.CurrentOfficial;

/**
 * Filing and the whole ladder through the running application, per database and history level,
 * beside the raw commit rate of the same database at the same concurrency. Figures, not assertions:
 * {@code mvn verify -Pbench}; results in {@code target/bench/flow.md} and docs/benchmarks.md.
 * Sizes: -Dbench.threads, -Dbench.flow.runs, -Dbench.flow.seconds, -Dbench.baseline.seconds,
 * -Dbench.ladder.issues, -Dbench.statements.samples, -Dbench.flow.configs (docs/benchmarks.md).
 */
@Tag("bench")
class EscalationFlowBenchmark {

  static final List<Integer> THREADS = Arrays.stream(System.getProperty("bench.threads", "1,4,8").split(","))
      .map(String::strip).map(Integer::valueOf).toList();
  static final int RUNS = Integer.getInteger("bench.flow.runs", 3);
  static final double SECONDS = Double.parseDouble(System.getProperty("bench.flow.seconds", "4"));
  static final double BASELINE_SECONDS = Double.parseDouble(System.getProperty("bench.baseline.seconds", "2"));
  static final double WARM_UP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup.seconds", "8"));
  static final int LADDER_ISSUES = Integer.getInteger("bench.ladder.issues", 3);
  static final int SAMPLES = Integer.getInteger("bench.statements.samples", 10);
  static final boolean HTTP = Boolean.parseBoolean(System.getProperty("bench.http", "true"));
  static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("bench.profile", "true"));
  static final boolean KEEP = Boolean.getBoolean("bench.keep");
  static final List<String> CONFIGS = List.of(System.getProperty("bench.flow.configs", "h2-full,pg-full,pg-none")
      .split(","));

  static final List<String> FIELDS = List.of("finance-budget", "public-assets", "land", "agriculture-environment",
      "construction-planning", "organisation-staff", "administrative-procedures", "digital-science-technology",
      "education-training", "health", "legal-documents", "industry-trade", "culture-sports-tourism");
  /** Demo commune officials (profile demo), who file over HTTP. */
  static final List<String> DEMO_COMMUNES = List.of("10507", "10525", "10645", "11914", "22918", "22963", "23272");

  /** One step of the ladder walk: who completes it and what the form sends. */
  record Step(String name, String taskKey, String groupKind, Map<String, Object> variables) {}

  static final List<Step> LADDER = List.of(
      new Step("department answers (guidance)", "Task_HandleAtLevel", "department",
          Map.of("outcome", "GUIDANCE_GIVEN", "answer", "Áp dụng Thông tư 10/2025/TT-BTC, điều 5.")),
      new Step("commune assesses: not removed", "Task_AssessAnswer", "commune",
          Map.of("assessment", "NOT_REMOVED", "assessmentComment", "Hướng dẫn chưa tháo gỡ được vướng mắc.")),
      new Step("provincial committee refers to the ministry", "Task_HandleAtLevel", "committee",
          Map.of("outcome", "REFER_TO_MINISTRY", "answer", "Đề nghị Bộ Tài chính hướng dẫn.")),
      new Step("ministry resolves", "Task_HandleAtLevel", "ministry",
          Map.of("outcome", "RESOLVED", "answer", "Bộ ban hành hướng dẫn số 1/HD-BTC.")),
      new Step("commune assesses: removed (issue ends)", "Task_AssessAnswer", "commune",
          mapWithNull("assessment", "REMOVED", "assessmentComment")));

  static final String FILING_STEP = "file (start → department task, DMN)";

  /** Everything measured on one database and history level. */
  record Outcome(Target target, String database, Map<Integer, Series> baseline, Map<Integer, Series> filing,
      Map<Integer, CpuMeter.Cpu> filingCpu, Map<Integer, Series> http, Map<Integer, Series> ladder,
      Map<String, List<Counts>> statements, CpuProfile.Summary profile, String failures) {}

  @Test
  void measuresFilingAndTheLadder() throws Exception {
    String loadAtStart = Machine.loadAverage();
    Instant began = Instant.now();
    List<Outcome> outcomes = new ArrayList<>();
    for (String config : CONFIGS) {
      outcomes.add(measure(target(config.strip())));
    }
    String report = report(outcomes, began, loadAtStart);
    BenchmarkDocs.publish("flow", report);
  }

  static Target target(String config) {
    return switch (config) {
      case "h2-full" -> new Target(false, "thongsuot_bench_flow_h2_full", "full");
      case "h2-none" -> new Target(false, "thongsuot_bench_flow_h2_none", "none");
      case "pg-full" -> new Target(true, "thongsuot_bench_flow", "full");
      case "pg-none" -> new Target(true, "thongsuot_bench_flow_none", "none");
      default -> throw new IllegalArgumentException("bench.flow.configs: unknown " + config
          + " (h2-full, h2-none, pg-full, pg-none)");
    };
  }

  private static void analyze(DataSource dataSource, Target target) throws SQLException {
    if (target.postgres()) {
      try (Connection connection = dataSource.getConnection()) {
        TestPostgres.analyze(connection);
      }
    }
  }

  private Outcome measure(Target target) throws Exception {
    log(target.label() + ": fresh database " + target.name());
    BenchDatabases.fresh(target);
    StatementCounter counter = new StatementCounter();
    StringBuilder failures = new StringBuilder();
    try (ConfigurableApplicationContext context = BenchDatabases.start(target, counter)) {
      DataSource dataSource = context.getBean(DataSource.class);
      String database = Machine.database(dataSource);
      Flow flow = new Flow(context, target);

      Map<Integer, Series> baseline = new LinkedHashMap<>();
      RawCommits commits = new RawCommits(dataSource);
      Load.forSeconds(THREADS.get(THREADS.size() - 1), BASELINE_SECONDS, (t, i) -> commits.commit());
      for (int threads : THREADS) {
        baseline.put(threads, repeat(target, "raw commit", threads, failures,
            () -> Load.forSeconds(threads, BASELINE_SECONDS, (t, i) -> commits.commit())));
      }

      log(target.label() + ": warm-up filing");
      Load.forSeconds(THREADS.get(THREADS.size() - 1), WARM_UP_SECONDS, flow::fileAny);
      Map<Integer, Series> filing = new LinkedHashMap<>();
      Map<Integer, CpuMeter.Cpu> filingCpu = new LinkedHashMap<>();
      for (int threads : THREADS) {
        analyze(dataSource, target);
        CpuMeter meter = new CpuMeter(dataSource, target.postgres());
        meter.start();
        Series series = repeat(target, "filing", threads, failures,
            () -> Load.forSeconds(threads, SECONDS, flow::fileAny));
        filingCpu.put(threads, meter.stop());
        filing.put(threads, series);
      }

      Map<Integer, Series> http = new LinkedHashMap<>();
      if (HTTP && target.historyLevel().equals("full")) {
        Load.forSeconds(THREADS.get(THREADS.size() - 1), WARM_UP_SECONDS / 2, flow::fileOverHttp);
        analyze(dataSource, target);
        for (int threads : THREADS) {
          http.put(threads, repeat(target, "HTTP filing", threads, failures,
              () -> Load.forSeconds(threads, SECONDS, flow::fileOverHttp)));
        }
      }

      Map<Integer, Series> ladder = new LinkedHashMap<>();
      flow.walkLadders(THREADS.get(THREADS.size() - 1)); // warm-up
      analyze(dataSource, target);
      for (int threads : THREADS) {
        ladder.put(threads, repeat(target, "ladder", threads, failures, () -> flow.walkLadders(threads)));
      }
      flow.checkLaddersEnded(failures);

      Map<String, List<Counts>> statements = flow.countStatements(counter);

      CpuProfile.Summary profile = null;
      if (PROFILE && target.postgres() && target.historyLevel().equals("full")) {
        log(target.label() + ": CPU profile of " + SECONDS + " s of filing at " + THREADS.get(THREADS.size() - 1)
            + " threads");
        profile = CpuProfile.of(() -> Load.forSeconds(THREADS.get(THREADS.size() - 1), SECONDS, flow::fileAny));
      }
      log(target.label() + ": done");
      return new Outcome(target, database, baseline, filing, filingCpu, http, ladder, statements, profile,
          failures.toString());
    } finally {
      if (!KEEP) {
        BenchDatabases.drop(target);
      }
    }
  }

  private static Series repeat(Target target, String what, int threads, StringBuilder failures,
      java.util.function.Supplier<Load.Run> run) {
    List<Load.Run> runs = new ArrayList<>();
    for (int r = 0; r < RUNS; r++) {
      Load.Run result = run.get();
      runs.add(result);
      log(String.format("%s: %s, %d threads, run %d: %d calls in %.1f s = %.1f/s, %d failed", target.label(), what,
          threads, r + 1, result.calls(), result.seconds(), result.perSecond(), result.failures()));
      if (result.firstFailure() != null) {
        failures.append(String.format("- %s, %s, %d threads: %d failed calls, the first: `%s`%n", target.label(),
            what, threads, result.failures(), result.firstFailure().toString().replace('\n', ' ')));
      }
    }
    return Series.of(runs);
  }

  /** The application's services, driven the way officials drive them. */
  static final class Flow {

    private final IssueFiling filing;
    private final TaskService tasks;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final List<Commune> communes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI issuesUri;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> walked = new ArrayList<>();
    private final Map<Integer, List<String[]>> ladderIssues = new ConcurrentHashMap<>();

    Flow(ConfigurableApplicationContext context, Target target) {
      filing = context.getBean(IssueFiling.class);
      tasks = context.getBean(TaskService.class);
      identity = context.getBean(IdentityService.class);
      jdbc = new JdbcTemplate(context.getBean(DataSource.class));
      UnitDirectory directory = context.getBean(UnitDirectory.class);
      communes = directory.provinces().stream().flatMap(p -> directory.communesOf(p.code()).stream()).toList();
      issuesUri = URI.create("http://127.0.0.1:" + BenchDatabases.port(context) + "/api/issues");
    }

    /** A filing in any of the country's communes, fields and urgencies spread as a nation files. */
    void fileAny(int thread, int i) {
      int k = sequence.getAndIncrement();
      Commune commune = communes.get((int) ((k * 7919L) % communes.size()));
      file(commune, FIELDS.get(k % FIELDS.size()), k % 10 == 0 ? "URGENT" : "NORMAL");
    }

    String file(Commune commune, String field, String urgency) {
      return filing.file(new FilingRequest(commune.code(), field, "Chưa rõ thẩm quyền quản lý trụ sở",
          "Trụ sở UBND phường cũ chưa được bàn giao sau sáp nhập.", "Đã gửi công văn cho sở.",
          "Nghị quyết 202/2025/QH15", urgency),
          new CurrentOfficial("cb.commune-" + commune.code(), Set.of("commune-" + commune.code())), null).number();
    }

    /** POST /api/issues as a demo commune official, HTTP Basic, as the README's curl does. */
    void fileOverHttp(int thread, int i) throws Exception {
      int k = sequence.getAndIncrement();
      String commune = DEMO_COMMUNES.get(k % DEMO_COMMUNES.size());
      String body = "{\"communeCode\":\"" + commune + "\",\"field\":\"" + FIELDS.get(k % FIELDS.size()) + "\","
          + "\"title\":\"Trụ sở cũ chưa được bàn giao\","
          + "\"description\":\"Sau sáp nhập, trụ sở cũ chưa có quyết định giao quản lý.\","
          + "\"attempted\":\"Đã gửi công văn số 15/UBND tới Sở Tài chính.\","
          + "\"regulation\":\"Nghị định 186/2025/NĐ-CP\",\"urgency\":\"NORMAL\"}";
      HttpRequest request = HttpRequest.newBuilder(issuesUri).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json; charset=utf-8")
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString(("cb.commune-" + commune + ":demo").getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("POST /api/issues answered " + response.statusCode() + ": " + response.body());
      }
    }

    /**
     * Files issuesPerThread issues per thread (not timed), then each thread walks its issues up the
     * ladder (timed): find the task by the issue number, complete it as its unit's official.
     */
    Load.Run walkLadders(int threads) {
      ladderIssues.clear();
      Load.calls(threads, LADDER_ISSUES, (t, i) -> {
        int k = sequence.getAndIncrement();
        Commune commune = communes.get((int) ((k * 7919L) % communes.size()));
        ladderIssues.computeIfAbsent(t, x -> new ArrayList<>())
            .add(new String[] {file(commune, "finance-budget", "NORMAL"), commune.code(), commune.province().code()});
      });
      ladderIssues.values().forEach(issues -> issues.forEach(issue -> walked.add(issue[0])));
      return Load.calls(threads, LADDER_ISSUES * LADDER.size(), (t, i) -> {
        String[] issue = ladderIssues.get(t).get(i / LADDER.size());
        complete(issue, LADDER.get(i % LADDER.size()));
      });
    }

    void complete(String[] issue, Step step) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(issue[0]).active().singleResult();
      if (task == null || !task.getTaskDefinitionKey().equals(step.taskKey())) {
        throw new IllegalStateException(issue[0] + ": expected " + step.taskKey() + " for '" + step.name()
            + "', found " + (task == null ? "no task" : task.getTaskDefinitionKey()));
      }
      String group = switch (step.groupKind()) {
        case "department" -> "province-" + issue[2] + "-finance";
        case "committee" -> "province-" + issue[2] + "-committee";
        case "ministry" -> "ministry-finance";
        default -> "commune-" + issue[1];
      };
      identity.setAuthentication("cb." + group, List.of(group));
      try {
        tasks.complete(task.getId(), new HashMap<>(step.variables()));
      } finally {
        identity.clearAuthentication();
      }
    }

    void checkLaddersEnded(StringBuilder failures) {
      long open = walked.stream().filter(n -> !"RESOLVED".equals(jdbc.queryForObject(
          "SELECT status FROM ts_issue WHERE issue_number = ?", String.class, n))).count();
      log("ladder: " + walked.size() + " issues walked, " + open + " not resolved");
      if (open > 0) {
        failures.append("- ").append(open).append(" of ").append(walked.size())
            .append(" walked issues did not end RESOLVED\n");
      }
    }

    /** One thread, SAMPLES issues: the statements of the filing and of each completion. */
    Map<String, List<Counts>> countStatements(StatementCounter counter) {
      Map<String, List<Counts>> counts = new LinkedHashMap<>();
      for (int s = 0; s < SAMPLES; s++) {
        int k = sequence.getAndIncrement();
        Commune commune = communes.get((int) ((k * 7919L) % communes.size()));
        StatementCounter.Counted<String> filed = counter.count(() -> file(commune, "finance-budget", "NORMAL"));
        counts.computeIfAbsent(FILING_STEP, x -> new ArrayList<>()).add(filed.counts());
        String[] issue = {filed.value(), commune.code(), commune.province().code()};
        for (Step step : LADDER) {
          counts.computeIfAbsent(step.name(), x -> new ArrayList<>())
              .add(counter.count(() -> {
                complete(issue, step);
                return null;
              }).counts());
        }
      }
      return counts;
    }
  }

  // ---- the report ----

  private static String report(List<Outcome> outcomes, Instant began, String loadAtStart) {
    StringBuilder r = new StringBuilder();
    r.append(String.format("Run of %s – %s UTC. %s. Load average at the start (1/5/15 min, runnable/total): %s;"
        + " at the end: %s.%n%n", began.truncatedTo(ChronoUnit.SECONDS), Instant.now().truncatedTo(ChronoUnit.SECONDS)
        .toString().substring(11), Machine.describe(), loadAtStart, Machine.loadAverage()));
    r.append("Databases: ");
    outcomes.stream().map(o -> o.target().label() + " = " + o.database()).distinct()
        .forEach(d -> r.append(d).append("; "));
    r.append(String.format("%nConfiguration: application defaults (HikariCP pool 20, authorization on, profile demo),"
        + " job executor off; %d runs of %.0f s per figure after a warm-up of %.0f s (baseline: %.0f s runs),"
        + " median (min–max) of the runs; latencies p50/p99 over all runs' calls; ladder: %d issues per thread"
        + " per run after one warm-up run; statements: %d issues, one thread.%n%n", RUNS, SECONDS, WARM_UP_SECONDS,
        BASELINE_SECONDS, LADDER_ISSUES, SAMPLES));

    r.append("#### Raw commit rate (the baseline)\n\nOne transaction = one INSERT + one UPDATE of a narrow row,"
        + " committed, through the application's own connection pool.\n\n");
    MarkdownTable baseline = new MarkdownTable("database", ">threads", ">commits/s", ">p50 ms", ">p99 ms");
    for (Outcome o : outcomes) {
      if (o.target().historyLevel().equals("full")) {
        o.baseline().forEach((threads, s) -> baseline.row(o.target().postgres() ? "PostgreSQL" : "H2 file", threads,
            s.perSecond().format(0), Figures.format(s.p50(), 2), Figures.format(s.p99(), 2)));
      }
    }
    r.append(baseline).append('\n');

    r.append("#### Filing (in the JVM: `IssueFiling.file`, the start, the DMN, the first task and its timers)\n\n");
    MarkdownTable filing = new MarkdownTable("database, history", ">threads", ">issues/s", ">× raw commit rate",
        ">p50 ms", ">p99 ms", ">JVM CPU ms/issue", ">DB backend CPU ms/issue", ">failed");
    for (Outcome o : outcomes) {
      o.filing().forEach((threads, s) -> {
        CpuMeter.Cpu cpu = o.filingCpu().get(threads);
        filing.row(o.target().label(), threads, s.perSecond().format(1),
            Figures.format(s.perSecond().median() / o.baseline().get(threads).perSecond().median(), 3),
            Figures.format(s.p50(), 1), Figures.format(s.p99(), 1),
            Figures.format(cpu.jvmMs() / s.calls(), 2),
            o.target().postgres() ? Figures.format(cpu.databaseMs() / s.calls(), 2) : "(in the JVM)", s.failures());
      });
    }
    r.append(filing).append('\n');

    if (outcomes.stream().anyMatch(o -> !o.http().isEmpty())) {
      r.append("#### Filing over HTTP (`POST /api/issues`, HTTP Basic as a demo commune official, 201 + the issue)\n\n");
      MarkdownTable http = new MarkdownTable("database, history", ">threads", ">issues/s", ">× raw commit rate",
          ">p50 ms", ">p99 ms", ">failed");
      for (Outcome o : outcomes) {
        o.http().forEach((threads, s) -> http.row(o.target().label(), threads, s.perSecond().format(1),
            Figures.format(s.perSecond().median() / o.baseline().get(threads).perSecond().median(), 3),
            Figures.format(s.p50(), 1), Figures.format(s.p99(), 1), s.failures()));
      }
      r.append(http).append('\n');
    }

    r.append("#### The whole ladder (department → commune → province → ministry → commune: 5 completions per issue)\n\n"
        + "Each call finds the issue's open task by its number and completes it as an official of the task's unit"
        + " (engine authentication on), with the variables the form sends.\n\n");
    MarkdownTable ladder = new MarkdownTable("database, history", ">threads", ">completions/s", ">issues/s",
        ">p50 ms", ">p99 ms", ">failed");
    for (Outcome o : outcomes) {
      o.ladder().forEach((threads, s) -> ladder.row(o.target().label(), threads, s.perSecond().format(1),
          Figures.format(s.perSecond().median() / LADDER.size(), 1), Figures.format(s.p50(), 1),
          Figures.format(s.p99(), 1), s.failures()));
    }
    r.append(ladder).append('\n');

    r.append("#### SQL statements per step (datasource-proxy; median of the samples; a JDBC batch counts each"
        + " statement, \"round trips\" counts it once)\n\n");
    MarkdownTable statements = new MarkdownTable("database, history", "step", ">SELECT", ">INSERT", ">UPDATE",
        ">DELETE", ">statements", ">round trips");
    for (Outcome o : outcomes) {
      o.statements().forEach((step, counts) -> statements.row(o.target().label(), step, median(counts, Counts::select),
          median(counts, Counts::insert), median(counts, Counts::update), median(counts, Counts::delete),
          median(counts, Counts::statements), median(counts, Counts::executions)));
    }
    r.append(statements).append('\n');
    outcomes.stream().filter(o -> o.target().postgres() && o.target().historyLevel().equals("full")).findFirst()
        .or(() -> outcomes.stream().findFirst()).ifPresent(o -> {
          r.append("Where they go (").append(o.target().label())
              .append("; statements by kind and table, median of the samples, the largest first):\n\n");
          MarkdownTable tables = new MarkdownTable("step", "statements by table");
          o.statements().forEach((step, counts) -> tables.row(step, byTable(counts)));
          r.append(tables).append('\n');
        });

    for (Outcome o : outcomes) {
      if (o.profile() != null) {
        r.append("#### Where the JVM's CPU goes while filing (").append(o.target().label()).append(", ")
            .append(THREADS.get(THREADS.size() - 1)).append(" threads, JFR execution samples every 10 ms)\n\n")
            .append(o.profile().markdown()).append('\n');
      }
    }

    r.append("#### Goals\n\n");
    for (Outcome o : outcomes) {
      if (o.target().postgres() && o.target().historyLevel().equals("full")) {
        o.filing().forEach((threads, s) -> {
          double limit = o.baseline().get(threads).perSecond().median();
          double ratio = s.perSecond().median() / limit;
          r.append(String.format("- Filing on PostgreSQL, history FULL, %d threads: %.1f issues/s = %.3f × the raw"
              + " commit rate (%.0f/s): goal ≥ 0.25 × %s.%n", threads, s.perSecond().median(), ratio, limit,
              ratio >= 0.25 ? "**met**" : "**missed**"));
        });
        double best = o.filing().values().stream().mapToDouble(s -> s.perSecond().median()).max().orElse(0);
        r.append(String.format("- Best filing rate on PostgreSQL, history FULL: %.1f issues/s on %d CPUs:"
            + " goal ≥ 200 issues/s on 2 cores %s.%n", best, Runtime.getRuntime().availableProcessors(),
            best >= 200 ? "**met**" : "**missed**"));
      }
    }
    String failures = outcomes.stream().map(Outcome::failures).reduce("", String::concat);
    r.append('\n').append(failures.isEmpty() ? "No call failed.\n" : "Failures:\n\n" + failures);
    return r.toString();
  }

  private static long median(List<Counts> counts, ToLongFunction<Counts> kind) {
    long[] values = counts.stream().mapToLong(kind).sorted().toArray();
    return values[values.length / 2];
  }

  private static String byTable(List<Counts> counts) {
    Map<String, Long> medians = new LinkedHashMap<>();
    counts.stream().flatMap(c -> c.byTable().keySet().stream()).distinct().forEach(key -> {
      long[] values = counts.stream().mapToLong(c -> c.byTable().getOrDefault(key, 0L)).sorted().toArray();
      if (values[values.length / 2] > 0) {
        medians.put(key, values[values.length / 2]);
      }
    });
    List<Map.Entry<String, Long>> sorted = medians.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    String top = sorted.stream().limit(12).map(e -> e.getKey() + " " + e.getValue())
        .reduce((a, b) -> a + ", " + b).orElse("");
    long rest = sorted.stream().skip(12).mapToLong(Map.Entry::getValue).sum();
    return rest == 0 ? top : top + String.format(", and %d more in %d other kind/table pairs", rest, sorted.size() - 12);
  }

  private static Map<String, Object> mapWithNull(String key, Object value, String nullKey) {
    Map<String, Object> map = new HashMap<>();
    map.put(key, value);
    map.put(nullKey, null);
    return map;
  }

  static void log(String line) {
    System.out.println("[bench " + Instant.now() + "] " + line);
  }
}
