package vn.thongsuot.monitoring;

import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.GOVERNMENT_OFFICE;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thongsuot.TestPostgres;
import vn.thongsuot.ThongSuotApplication;
import vn.thongsuot.bench.BenchmarkDocs;
import vn.thongsuot.bench.Machine;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.Province;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.monitoring.BoardQueries.TimerFilter;
import vn.thongsuot.system.CurrentOfficial;

/**
 * The supervisors' board at national scale: 1,000,000 closed and 100,000 open issues on
 * PostgreSQL, then every board query timed through the real {@link BoardQueries} bean, against
 * the same queries on the freshly migrated, empty schema. Figures, not assertions: run by
 * {@code mvn verify -Pbench}; results go to stdout and {@code target/bench/board.md}
 * (docs/benchmarks.md). Database server as in the postgres suite (THONGSUOT_TEST_PG_URL).
 * With the same volume, Tasklist's shared filters as officials open them: {@link TasklistVolume}
 * loads a Camunda task for every open issue, and each filter is called through
 * {@code /engine-rest/filter/{id}/list} and {@code /count} the way Tasklist calls them.
 */
@Tag("bench")
class BoardBenchmark {

  static final String SERVER = TestPostgres.SERVER;
  static final String USER = TestPostgres.USER;
  static final String PASSWORD = TestPostgres.PASSWORD;
  static final String DATABASE = "thongsuot_bench";

  static final int CLOSED = Integer.getInteger("bench.closed", 1_000_000);
  static final int OPEN = Integer.getInteger("bench.open", 100_000);
  static final int RUNS = Integer.getInteger("bench.runs", 100);
  static final int EMPTY_RUNS = Integer.getInteger("bench.emptyRuns", 30);
  static final int TASKLIST_RUNS = Integer.getInteger("bench.tasklistRuns", 30);
  static final double QUERY_BUDGET_SECONDS = Double.parseDouble(System.getProperty("bench.queryBudgetSeconds", "60"));
  static final int WARM_UP = 5;
  static final int PAGE_SIZE = 50;
  static final int DEEP_PAGE = 100;

  private static final SupervisorScope COUNTRY = new SupervisorScope(Optional.empty());
  private static final String[] LEVELS = {"DEPARTMENT", "PROVINCE", "MINISTRY", "COMMUNE_INFO"};

  /** A board query; returns the timers matched, or the rows of a table. */
  record Query(String name, IntFunction<Long> run) {}

  record Figure(String name, int n, double p50, double p95, double max, double rows) {}

  @Test
  void measuresTheBoardAtNationalScale() throws Exception {
    String loadAtStart = Machine.loadAverage();
    String began = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    freshDatabase();
    StringBuilder report = new StringBuilder();
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ThongSuotApplication.class)
        .properties("spring.profiles.active=postgres,demo",
            "THONGSUOT_DB_URL=" + SERVER + DATABASE, "THONGSUOT_DB_USER=" + USER,
            "THONGSUOT_DB_PASSWORD=" + PASSWORD)
        // As arguments: application.yaml outranks default properties (the job executor stayed on).
        .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false")) {
      BoardQueries board = context.getBean(BoardQueries.class);
      UnitDirectory directory = context.getBean(UnitDirectory.class);
      List<Query> queries = queries(board, directory);
      List<Query> tasklist = tasklistQueries(context);

      log("Empty schema: " + queries.size() + " queries x " + EMPTY_RUNS + " runs");
      List<Figure> empty = measure(queries, EMPTY_RUNS);
      log("Empty schema: Tasklist, " + tasklist.size() + " calls x " + TASKLIST_RUNS + " runs");
      List<Figure> tasklistEmpty = measure(tasklist, TASKLIST_RUNS);

      Instant now = Instant.now();
      log("Loading " + CLOSED + " closed and " + OPEN + " open issues ...");
      long start = System.nanoTime();
      Map<String, Long> counts = new BoardVolume(context.getBean(DataSource.class), directory)
          .load(CLOSED, OPEN, now);
      double loadSeconds = (System.nanoTime() - start) / 1e9;
      log(String.format("Loaded in %.1f s (incl. VACUUM ANALYZE): %s", loadSeconds, counts));
      // One real issue, filed after the read model's load (whose counters it joins): the engine's
      // own rows for it are the template TasklistVolume copies.
      String template = context.getBean(IssueFiling.class).file(new FilingRequest("10507", "finance-budget",
          "Trụ sở chưa bàn giao", "Nội dung", "Đã làm", null, "NORMAL"),
          new CurrentOfficial(THANH_DONG, Set.of("commune-10507")), null).number();
      String templateTask = context.getBean(TaskService.class).createTaskQuery()
          .processInstanceBusinessKey(template).singleResult().getId();
      start = System.nanoTime();
      Map<String, Long> taskCounts = new TasklistVolume(context.getBean(DataSource.class)).load(templateTask);
      double taskLoadSeconds = (System.nanoTime() - start) / 1e9;
      log(String.format("Tasklist rows loaded in %.1f s (incl. VACUUM ANALYZE): %s", taskLoadSeconds, taskCounts));

      log("Loaded: " + queries.size() + " queries x " + RUNS + " runs");
      long timed = System.nanoTime();
      List<Figure> loaded = measure(queries, RUNS);
      double timedSeconds = (System.nanoTime() - timed) / 1e9;
      log("Loaded: Tasklist, " + tasklist.size() + " calls x " + TASKLIST_RUNS + " runs");
      List<Figure> tasklistLoaded = measure(tasklist, TASKLIST_RUNS);

      report.append("Run of ").append(began).append(" UTC; load average when it started: ").append(loadAtStart)
          .append("\n\n");
      report.append("Load: ").append(String.format("%.1f s", loadSeconds)).append(", rows ")
          .append(counts).append("\n");
      report.append(String.format("Timed runs: %.1f s; %d warm-up runs per query before timing;"
          + " page size %d, deep page %d%n%n", timedSeconds, WARM_UP, PAGE_SIZE, DEEP_PAGE));
      report.append(table(empty, loaded));
      report.append(String.format("%n#### Tasklist filters at this volume%n%nCamunda rows loaded in %.1f s: %s."
          + " Each call is an HTTP request to /engine-rest as the demo official (HTTP Basic), the way"
          + " Tasklist makes it: the list with `Accept: application/hal+json`, first page of 15, Tasklist's default"
          + " sorting (created, newest first); the count as the filter list shows it. %d runs after %d warm-up"
          + " runs; \"empty\" is the freshly migrated schema (no task at all).%n%n",
          taskLoadSeconds, taskCounts, TASKLIST_RUNS, WARM_UP));
      report.append(tasklistTable(tasklistEmpty, tasklistLoaded));
    }
    String text = report + "\n" + machine() + "\n";
    BenchmarkDocs.publish("board", text);
  }

  /** Every board query, its parameters varied by the run number i. */
  private static List<Query> queries(BoardQueries board, UnitDirectory directory) {
    List<String> provinces = directory.provinces().stream().map(Province::code).sorted().toList();
    List<String> fields = List.copyOf(BoardVolume.ROUTING.keySet());
    IntFunction<String> province = i -> provinces.get(i % provinces.size());
    IntFunction<String> field = i -> fields.get(i % fields.size());
    IntFunction<String> unit = i -> "province-" + province.apply(i) + "-"
        + BoardVolume.ROUTING.get(field.apply(i * 7))[0];
    List<Query> queries = new ArrayList<>();
    queries.add(timers(board, "timers country, page 0", i -> new TimerFilter(null, null, null, null, null), 0));
    queries.add(timers(board, "timers country, page " + DEEP_PAGE, i -> new TimerFilter(null, null, null, null, null), DEEP_PAGE));
    queries.add(timers(board, "timers province, page 0", i -> new TimerFilter(province.apply(i), null, null, null, null), 0));
    queries.add(timers(board, "timers province, page " + DEEP_PAGE, i -> new TimerFilter(province.apply(i), null, null, null, null), DEEP_PAGE));
    queries.add(timers(board, "timers field, page 0", i -> new TimerFilter(null, field.apply(i), null, null, null), 0));
    queries.add(timers(board, "timers field, page " + DEEP_PAGE, i -> new TimerFilter(null, field.apply(i), null, null, null), DEEP_PAGE));
    queries.add(timers(board, "timers level, page 0", i -> new TimerFilter(null, null, LEVELS[i % LEVELS.length], null, null), 0));
    queries.add(timers(board, "timers unit, page 0", i -> new TimerFilter(null, null, null, unit.apply(i), null), 0));
    queries.add(timers(board, "timers province+field, page 0", i -> new TimerFilter(province.apply(i), field.apply(i), null, null, null), 0));
    for (String state : BoardQueries.STATES) {
      queries.add(timers(board, "timers " + state + ", page 0", i -> new TimerFilter(null, null, null, null, state), 0));
      queries.add(timers(board, "timers " + state + ", province, page 0", i -> new TimerFilter(province.apply(i), null, null, null, state), 0));
    }
    queries.add(timers(board, "timers OVERDUE, page " + DEEP_PAGE, i -> new TimerFilter(null, null, null, null, "OVERDUE"), DEEP_PAGE));

    YearMonth current = YearMonth.now(WorkingDayCalendar.VIETNAM);
    IntFunction<Period> month = i -> Period.parse(current.minusMonths(1 + i % 12).toString(), current);
    IntFunction<Period> quarter = i -> {
      YearMonth m = current.minusMonths(3L * (1 + i % 7));
      return Period.parse(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1), current);
    };
    IntFunction<Period> year = i -> Period.parse(String.valueOf(current.getYear() - i % 2), current);
    for (BoardQueries.LeagueBy by : BoardQueries.LeagueBy.values()) {
      for (String periodName : List.of("month", "quarter", "year")) {
        IntFunction<Period> period = periodName.equals("month") ? month : periodName.equals("quarter") ? quarter : year;
        queries.add(new Query("league " + by + ", " + periodName + ", country",
            i -> (long) (board.league(by, period.apply(i), COUNTRY, Instant.now()).size())));
        if (by != BoardQueries.LeagueBy.MINISTRY) {
          queries.add(new Query("league " + by + ", " + periodName + ", province",
              i -> (long) (board.league(by, period.apply(i), scope(province.apply(i)), Instant.now()).size())));
        }
      }
    }
    queries.add(new Query("trend 12 months, country", i -> (long) (board.overdueTrend(12, COUNTRY, Instant.now()).size())));
    queries.add(new Query("trend 12 months, province",
        i -> (long) (board.overdueTrend(12, scope(province.apply(i)), Instant.now()).size())));
    return queries;
  }

  /** Officials of units with many, some and few open tasks, and a provincial supervisor. */
  private static List<Query> tasklistQueries(ConfigurableApplicationContext context) {
    FilterService filters = context.getBean(FilterService.class);
    String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/engine-rest/filter/";
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<Query> queries = new ArrayList<>();
    String[][] calls = {
        {GOVERNMENT_OFFICE, "Việc của đơn vị tôi", "list"}, {GOVERNMENT_OFFICE, "Việc của đơn vị tôi", "count"},
        {GOVERNMENT_OFFICE, "Sắp đến hạn", "list"}, {GOVERNMENT_OFFICE, "Quá hạn", "list"},
        {GOVERNMENT_OFFICE, "Được chuyển lên", "list"},
        {FINANCE_DEPARTMENT, "Việc của đơn vị tôi", "list"}, {FINANCE_DEPARTMENT, "Việc của đơn vị tôi", "count"},
        {FINANCE_DEPARTMENT, "Sắp đến hạn", "list"}, {FINANCE_DEPARTMENT, "Sắp đến hạn", "count"},
        {FINANCE_DEPARTMENT, "Quá hạn", "list"}, {FINANCE_DEPARTMENT, "Được chuyển lên", "list"},
        {THANH_DONG, "Việc của đơn vị tôi", "list"}, {THANH_DONG, "Sắp đến hạn", "list"},
        {PROVINCE_SUPERVISOR, "Giám sát: quá hạn", "list"}, {PROVINCE_SUPERVISOR, "Giám sát: quá hạn", "count"},
        {PROVINCE_SUPERVISOR, "Giám sát: sắp đến hạn", "list"}};
    for (String[] call : calls) {
      String id = filters.createFilterQuery().filterName(call[1]).singleResult().getId();
      String auth = "Basic " + Base64.getEncoder().encodeToString((call[0] + ":demo").getBytes(StandardCharsets.UTF_8));
      HttpRequest request = call[2].equals("list")
          ? HttpRequest.newBuilder(URI.create(base + id + "/list?firstResult=0&maxResults=15"))
              .header("Authorization", auth).header("Accept", "application/hal+json")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"processVariables\":[],\"taskVariables\":[],"
                  + "\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":15,"
                  + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}")).build()
          : HttpRequest.newBuilder(URI.create(base + id + "/count")).header("Authorization", auth)
              .header("Accept", "application/json").GET().build();
      queries.add(new Query(call[0] + " | " + call[1] + " | " + call[2], i -> count(http, request)));
    }
    return queries;
  }

  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

  /** The total the response reports (HAL list or count); fails on anything but 200. */
  private static long count(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      Matcher m = COUNT.matcher(response.body());
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tasklistTable(List<Figure> empty, List<Figure> loaded) {
    StringBuilder t = new StringBuilder("| official | filter | call | matches | n | p50 ms | p95 ms | max ms"
        + " | empty p50 / p95 ms | p95 ÷ empty p95 |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < loaded.size(); i++) {
      Figure f = loaded.get(i);
      Figure e = empty.get(i);
      String[] name = f.name().split(" \\| ");
      double ratio = f.p95() / e.p95();
      t.append(String.format("| %s | %s | %s | %.0f | %d | %.1f | %s | %.1f | %.1f / %.1f | %s |%n", name[0], name[1],
          name[2], f.rows(), f.n(), f.p50(), f.p95() > 200 ? "**" + String.format("%.1f", f.p95()) + "**"
              : String.format("%.1f", f.p95()), f.max(), e.p50(), e.p95(),
          ratio > 2 ? "**" + String.format("%.1f", ratio) + "**" : String.format("%.1f", ratio)));
    }
    return t.toString();
  }

  private static Query timers(BoardQueries board, String name, IntFunction<TimerFilter> filter, int page) {
    return new Query(name, i -> board.timers(filter.apply(i), COUNTRY, page, PAGE_SIZE, Instant.now()).total());
  }

  private static SupervisorScope scope(String province) {
    return new SupervisorScope(Optional.of(province));
  }

  private static List<Figure> measure(List<Query> queries, int runs) {
    List<Figure> figures = new ArrayList<>();
    for (Query query : queries) {
      for (int i = 0; i < WARM_UP; i++) {
        query.run().apply(i);
      }
      double[] ms = new double[runs];
      long rows = 0;
      int done = 0;
      long began = System.nanoTime();
      // A query slower than the budget allows is timed fewer times (at least 3): n says how many.
      while (done < runs && (done < 3 || System.nanoTime() - began < QUERY_BUDGET_SECONDS * 1e9)) {
        long start = System.nanoTime();
        rows += query.run().apply(done);
        ms[done++] = (System.nanoTime() - start) / 1e6;
      }
      ms = Arrays.copyOf(ms, done);
      Arrays.sort(ms);
      Figure figure = new Figure(query.name(), done, percentile(ms, 50), percentile(ms, 95),
          ms[done - 1], (double) rows / done);
      log(String.format("%-40s n=%d p50=%.1f p95=%.1f max=%.1f ms", figure.name(), done, figure.p50(),
          figure.p95(), figure.max()));
      figures.add(figure);
    }
    return figures;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static String table(List<Figure> empty, List<Figure> loaded) {
    StringBuilder t = new StringBuilder("| query | matches / rows | n | p50 ms | p95 ms | max ms | empty DB p50 / p95 ms |\n"
        + "|---|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < loaded.size(); i++) {
      Figure f = loaded.get(i);
      Figure e = empty.get(i);
      t.append(String.format("| %s | %.0f | %d | %.1f | %s | %.1f | %.1f / %.1f |%n", f.name(), f.rows(), f.n(),
          f.p50(), f.p95() > 200 ? "**" + String.format("%.1f", f.p95()) + "**" : String.format("%.1f", f.p95()),
          f.max(), e.p50(), e.p95()));
    }
    return t.toString();
  }

  private static String machine() {
    return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs visible to the JVM"
        + "; load average (1/5/15 min) after the run: " + Machine.loadAverage();
  }

  private static void freshDatabase() throws SQLException {
    TestPostgres.createFresh(SERVER, DATABASE);
  }

  private static void log(String line) {
    System.out.println("[bench " + Instant.now() + "] " + line);
  }
}
