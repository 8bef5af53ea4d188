package vn.thongsuot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.ADMINISTRATOR;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.FINANCE_MINISTRY;
import static vn.thongsuot.DemoAccounts.GOVERNMENT_OFFICE;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.NATIONAL_ASSEMBLY;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCIAL_COMMITTEE;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import vn.thongsuot.AppTest;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.escalation.process.EscalationLevelModel;
import vn.thongsuot.security.EngineAllowlist.Rule;
import vn.thongsuot.security.HttpAs.Reply;

/**
 * The black-box proof of issue 16: every role (anonymous, and an official of each kind of unit,
 * the supervisors, the administrator) calls every operation of Camunda's published engine REST
 * description ({@code camunda-engine-rest-openapi} 7.24.0, plus the CMMN reads the webapps call),
 * on both doors ({@code /engine-rest} with HTTP Basic, {@code /camunda/api/engine} with a Tasklist
 * login), each spelled four ways (as published, with a trailing slash, with its id percent-encoded,
 * with a doubled slash), and every operation of our own {@code /v3/api-docs} likewise. Ids are those
 * of a real issue waiting at a department, so a refusal that came too late would show (made-up ids
 * for the few writes open to officials, which {@link SecurityFindingsTest} works on real ones). It
 * asserts: an operation succeeds only where {@link EngineAllowlist} grants it; nothing answers 5xx;
 * no call of an official or of anonymous writes anything to the database (datasource-proxy counts
 * every writing statement of every thread) and the database's checksum is the same after all of
 * them; the only writes the allowlist opens to officials are the few listed here. Prints a table of
 * statuses per operation and role.
 */
@AppTest
@Import(DatabaseWrites.class)
// A database of its own: the sweep's context is its own anyway (the write counter), and the shared
// test database, filled by every other test, made each of its 30,000 calls slower.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:thongsuot-sweep;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class SecuritySweepTest {

  /** One official of each kind of unit, and the supervisors. */
  static final List<String> OFFICIALS = List.of(THANH_DONG, HAI_DUONG, FINANCE_DEPARTMENT,
      PROVINCIAL_COMMITTEE, FINANCE_MINISTRY, GOVERNMENT_OFFICE, NATIONAL_ASSEMBLY,
      PROVINCE_SUPERVISOR, CENTRAL_SUPERVISOR);
  /** The only operations that may change something for a caller other than the administrator. */
  static final Set<String> WRITES_OPEN_TO_OFFICIALS = Set.of("POST /task/{}/claim", "POST /task/{}/unclaim",
      "POST /task/{}/complete", "POST /task/{}/submit-form", "POST /task/{}/comment/create",
      "POST /process-definition/{}/submit-form", "POST /process-definition/key/{}/submit-form",
      "PUT /user/{}/credentials", "POST /identity/password-policy");
  /** CMMN reads the webapps call, which the published description leaves out. */
  static final List<String> CMMN = List.of("GET /case-definition/count", "GET /case-instance/count",
      "GET /case-definition", "GET /case-instance", "GET /case-execution");
  static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
  static final Set<Integer> NOT_REACHED = Set.of(400, 404, 405, 406, 415);
  /** Resources whose doubled-slash spelling was sent in the current pass. */
  static final Set<String> FIRST_OF_RESOURCE = new java.util.HashSet<>();

  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;
  @Autowired LoginThrottle throttle;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  record Operation(String method, String template, boolean multipart) {
    String shape() {
      return method + " " + EngineOperation.shapeOf(template);
    }
  }

  @Test
  void everyRoleReachesOnlyWhatTheAllowlistGrantsOnEveryOperationAndEverySpelling() throws Exception {
    throttle.forgetAll();
    EscalationDriver issues = new EscalationDriver(filing, tasks, runtime, management);
    String number = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(number);
    Job timer = issues.timer(number, EscalationLevelModel.BOUNDARY_NO_ANSWER);
    Map<String, String> ids = ids(issues, number, task, timer);
    List<Operation> operations = engineOperations();
    assertThat(operations).as("the published description").hasSizeGreaterThan(390);
    HttpAs http = new HttpAs(port);
    Map<String, Map<String, Integer>> table = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    String before = checksum();

    List<String> callers = new ArrayList<>();
    callers.add(null);
    callers.addAll(OFFICIALS);
    for (String user : callers) {
      for (HttpAs.EngineDoor door : doors(http, user)) {
        FIRST_OF_RESOURCE.clear();
        for (Operation operation : operations) {
          Rule rule = EngineAllowlist.rule(operation.method(), operation.template()).orElse(null);
          boolean granted = rule != null && rule.who().admits(caller(user));
          // The writes open to officials get made-up ids here (SecurityFindingsTest works them on real
          // ones), so that not one call of the sweep may change anything.
          boolean openWrite = WRITES_OPEN_TO_OFFICIALS.contains(operation.shape());
          for (Map.Entry<String, String> spelling : spellings(operation.template(), ids, openWrite).entrySet()) {
            long writes = DatabaseWrites.count();
            Reply reply = send(door, operation, spelling.getValue());
            long written = DatabaseWrites.count() - writes;
            String what = door.name() + " " + operation.method() + " " + spelling.getValue() + " (" + spelling.getKey()
                + ") -> " + reply.status() + " " + clip(reply.body());
            table.computeIfAbsent(operation.shape(), k -> new TreeMap<>())
                .merge(label(user) + "/" + reply.status(), 1, Integer::sum);
            if (reply.status() >= 500) {
              problems.add("5xx: " + what);
            }
            boolean doorRefused = reply.body().contains(Refusals.NOT_ALLOWED) || reply.body().contains(Refusals.SIGN_IN)
                || reply.status() == 401;
            if (!granted && reply.status() < 400) {
              problems.add("not granted, but answered: " + what);
            }
            if (!granted && !doorRefused && !NOT_REACHED.contains(reply.status()) && reply.status() != 403) {
              problems.add("not granted, refused by whom? " + what);
            }
            if (granted && reply.body().contains(Refusals.NOT_ALLOWED)) {
              problems.add("granted, but the door refused: " + what);
            }
            if (written > 0) {
              problems.add(written + " statement(s) written (" + DatabaseWrites.last + "): " + what);
            }
            if (spelling.getKey().equals("double slash") && reply.status() != 400 && reply.status() != 401) {
              problems.add("a doubled slash passed: " + what);
            }
          }
        }
      }
      throttle.forgetAll();
    }
    assertThat(checksum()).as("the database after every official's and anonymous call").isEqualTo(before);

    // The administrator: everything the engine offers, as published, on made-up ids (real ones would
    // be deleted): every answer a 4xx or a success, none a 5xx.
    for (HttpAs.EngineDoor door : doors(http, ADMINISTRATOR)) {
      for (Operation operation : operations) {
        for (Map.Entry<String, String> spelling : Map.of("as published",
            spellings(operation.template(), ids, true).get("as published")).entrySet()) {
          Reply reply = send(door, operation, spelling.getValue() + adminFilter(operation));
          table.computeIfAbsent(operation.shape(), k -> new TreeMap<>()).merge("admin/" + reply.status(), 1, Integer::sum);
          if (reply.status() >= 500) {
            problems.add("5xx: " + door.name() + " " + operation.method() + " " + spelling.getValue() + " -> "
                + reply.status() + " " + clip(reply.body()));
          }
          if (reply.body().contains(Refusals.NOT_ALLOWED)) {
            problems.add("the administrator refused: " + door.name() + " " + operation.method() + " " + spelling.getValue());
          }
        }
      }
    }
    print(table);
    assertThat(problems).as(problems.size() + " problems").isEmpty();
  }

  /**
   * Our own API, from its published description, as every role, each spelled four ways and in upper
   * case: a spelling never succeeds where the published path does not, nothing is 5xx, and a
   * refused call writes nothing. The webapps' own APIs (Cockpit's plugin queries, Admin's setup and
   * plugins) refuse whoever their application is not for.
   */
  @Test
  void ourApiAndTheWebappsOwnApisHoldForEveryRoleAndEverySpelling() throws Exception {
    throttle.forgetAll();
    EscalationDriver issues = new EscalationDriver(filing, tasks, runtime, management);
    String number = issues.file("finance-budget", "NORMAL");
    HttpAs http = new HttpAs(port);
    JsonNode paths = json.readTree(http.basic(ADMINISTRATOR, "GET", "/v3/api-docs", null).body()).get("paths");
    List<String> problems = new ArrayList<>();
    int sent = 0;
    List<String> callers = new ArrayList<>(OFFICIALS);
    callers.add(null);
    callers.add(ADMINISTRATOR);
    for (String user : callers) {
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        String canonical = path.getKey().replace("{number}", number).replace("{month}", "2029-02");
        for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
          String method = methods.next().toUpperCase();
          String body = method.equals("POST") ? "{}" : null;
          Map<String, String> spellings = new LinkedHashMap<>();
          spellings.put("as published", canonical);
          spellings.put("trailing slash", canonical + "/");
          spellings.put("encoded", canonical.replace(number, number.replace("-", "%2D")));
          spellings.put("double slash", canonical.replaceFirst("^/api/", "/api//"));
          spellings.put("upper case", canonical.replaceFirst("^/api/", "/API/"));
          Integer published = null;
          for (Map.Entry<String, String> spelling : spellings.entrySet()) {
            long writes = DatabaseWrites.count();
            Reply reply = http.basic(user, DEMO_PASSWORD, method, spelling.getValue(), body,
                Map.of("Accept", "application/json, text/csv, text/html, */*;q=0.1"));
            sent++;
            long written = DatabaseWrites.count() - writes;
            String what = label(user) + " " + method + " " + spelling.getValue() + " -> " + reply.status() + " "
                + clip(reply.body());
            if (published == null) {
              published = reply.status();
            }
            if (reply.status() >= 500) {
              problems.add("5xx: " + what);
            }
            if (reply.status() < 300 && published >= 300) {
              problems.add(spelling.getKey() + " succeeded where the published path did not: " + what);
            }
            if (reply.status() >= 300 && written > 0) {
              problems.add(written + " statement(s) written by a refused call: " + what);
            }
          }
        }
      }
      throttle.forgetAll();
    }
    assertThat(sent).isGreaterThan(13 * 5 * 10);
    // The webapps' own APIs: Cockpit's plugin queries for Cockpit's users, Admin's for the administrator,
    // the first-administrator setup for nobody once an administrator exists.
    for (String user : OFFICIALS) {
      HttpAs.Session tasklist = http.webapp(user, "tasklist");
      Reply cockpit = tasklist.call("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
          null, Map.of());
      if (!user.equals(CENTRAL_SUPERVISOR)) {
        assertThat(cockpit.status()).as("Cockpit's plugin API as " + user).isIn(401, 403);
      }
      Reply metrics = tasklist.call("GET", "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
          + "?subscriptionStartDate=2026-01-01T00:00:00.000%2B0000&groupBy=month", null, Map.of());
      assertThat(metrics.status()).as("Admin's plugin API as " + user).isIn(401, 403);
      Reply setup = tasklist.call("POST", "/camunda/api/admin/setup/default/user/create",
          "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder-2026!x\"}}", Map.of());
      assertThat(setup.status()).as("setup as " + user).isIn(400, 403);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'intruder'", Integer.class)).isZero();
    assertThat(problems).as(problems.size() + " problems").isEmpty();
  }

  @Test
  void theWritesTheAllowlistOpensToOfficialsAreExactlyTheListedOnes() {
    Set<String> open = new TreeSet<>();
    for (Rule rule : EngineAllowlist.rules()) {
      EngineOperation operation = rule.operation();
      boolean reads = operation.method().equals("GET") || operation.method().equals("OPTIONS")
          || operation.method().equals("POST") && isQuery(operation.template());
      if (!reads) {
        open.add(operation.method() + " " + operation.shape());
      }
    }
    assertThat(open).containsExactlyInAnyOrderElementsOf(WRITES_OPEN_TO_OFFICIALS);
  }

  /** POST operations that only query: Camunda's POST variants of lists and counts. */
  static boolean isQuery(String template) {
    return template.matches("/(task|process-instance|variable-instance|execution|job|job-definition|external-task|group"
        + "|history/(task|process-instance|activity-instance|variable-instance|detail|job-log))(/count)?")
        || template.matches("/filter/\\{id}/(list|count|singleResult)");
  }

  /**
   * The administrator reads the authorization list and count filtered by one resource type, as
   * Admin's own screens always do. Unfiltered, Camunda's authorization query joins every grant to a
   * sub-select of the caller's grants, which H2 re-runs for each row: 41 to 177 s at the 29,909
   * grants of the full directory (measured on 2 cores, docs/benchmarks.md), past the sweep's 30 s
   * time-out; the door's answer does not depend on the filter.
   */
  private static String adminFilter(Operation operation) {
    return operation.method().equals("GET") && operation.template().matches("/authorization(/count)?")
        ? "?resourceType=4" : "";
  }

  private Reply send(HttpAs.EngineDoor door, Operation operation, String path) {
    String query = (path.contains("?") ? "&" : "?") + "maxResults=5&firstResult=0";
    if (operation.multipart()) {
      return door.send(operation.method(), path + query, "multipart/form-data; boundary=SwEeP",
          "--SwEeP\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sweep.txt\"\r\n"
              + "Content-Type: text/plain\r\n\r\nsweep\r\n--SwEeP--\r\n");
    }
    boolean body = operation.method().equals("POST") || operation.method().equals("PUT");
    return door.call(operation.method(), path + query, body ? "{}" : null);
  }

  private List<HttpAs.EngineDoor> doors(HttpAs http, String user) {
    if (user == null) {
      HttpAs.Session anonymous = http.anonymous("tasklist", Map.of());
      return List.of(http.engineRest(null), new HttpAs.EngineDoor() {
        @Override
        public Reply call(String method, String path, String body) {
          return anonymous.call(method, HttpAs.WEBAPP_ENGINE + path, body, Map.of());
        }

        @Override
        public Reply send(String method, String path, String type, String body) {
          return anonymous.send(method, HttpAs.WEBAPP_ENGINE + path, type, body);
        }

        @Override
        public String name() {
          return "Tasklist without login";
        }
      });
    }
    return List.of(http.engineRest(user), http.tasklist(user));
  }

  /** The published operations and the CMMN reads, in a stable order. */
  List<Operation> engineOperations() throws Exception {
    List<Operation> operations = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      JsonNode paths = json.readTree(in).get("paths");
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
          Map.Entry<String, JsonNode> method = methods.next();
          if (Set.of("get", "post", "put", "delete", "options", "patch").contains(method.getKey())) {
            boolean multipart = method.getValue().path("requestBody").path("content").has("multipart/form-data");
            operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), multipart));
          }
        }
      }
    }
    for (String cmmn : CMMN) {
      EngineOperation operation = EngineOperation.parse(cmmn);
      operations.add(new Operation(operation.method(), operation.template(), false));
    }
    return operations;
  }

  /** Real ids of the issue's things, by the resource a template starts with and the variable's name. */
  private Map<String, String> ids(EscalationDriver issues, String number, Task task, Job timer) {
    Map<String, String> ids = new LinkedHashMap<>();
    String instance = issues.issueInstance(number).getId();
    ids.put("task", task.getId());
    ids.put("process-instance", instance);
    ids.put("history/process-instance", instance);
    ids.put("execution", task.getExecutionId());
    ids.put("job", timer.getId());
    ids.put("job-definition", timer.getJobDefinitionId());
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey("CommuneIssueEscalation")
        .latestVersion().singleResult();
    ids.put("process-definition", definition.getId());
    ids.put("process-definition:key", definition.getKey());
    ids.put("deployment", definition.getDeploymentId());
    var decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey("LevelDeadline").latestVersion()
        .singleResult();
    ids.put("decision-definition", decision.getId());
    ids.put("decision-definition:key", decision.getKey());
    ids.put("filter", filters.createFilterQuery().filterName("Việc của đơn vị tôi").singleResult().getId());
    ids.put("user", THANH_DONG);
    ids.put("group", "commune-10507");
    ids.put("userId", THANH_DONG);
    ids.put("metrics-name", "activity-instance-start");
    return ids;
  }

  /**
   * The template with ids filled in: as published, with a trailing slash, with its first id
   * percent-encoded, and (for the first operation of each resource: the firewall refuses it before
   * any resource is chosen, so once per resource shows it) with a doubled slash. Made-up ids where
   * asked.
   */
  static Map<String, String> spellings(String template, Map<String, String> ids, boolean madeUp) {
    StringBuilder path = new StringBuilder();
    Matcher variable = VARIABLE.matcher(template);
    String first = null;
    int end = 0;
    while (variable.find()) {
      String before = template.substring(0, variable.start());
      String resource = before.replaceAll("^/", "").replaceAll("/(key|tenant-id)/$", "").replaceAll("/$", "");
      String name = variable.group(1);
      String value = madeUp ? "sweep-0000-0001" : idFor(resource, name, ids);
      if (first == null) {
        first = value;
      }
      path.append(template, end, variable.start()).append(value);
      end = variable.end();
    }
    path.append(template.substring(end));
    String canonical = path.toString();
    Map<String, String> spellings = new LinkedHashMap<>();
    spellings.put("as published", canonical);
    spellings.put("trailing slash", canonical + "/");
    if (first != null && first.contains("-")) {
      spellings.put("encoded id", canonical.replaceFirst(Pattern.quote(first), Matcher.quoteReplacement(
          first.replace("-", "%2D"))));
    }
    if (FIRST_OF_RESOURCE.add(template.split("/")[1])) {
      spellings.put("double slash", canonical.replaceFirst("^/", "//"));
    }
    return spellings;
  }

  private static String idFor(String resource, String name, Map<String, String> ids) {
    if (name.equals("key")) {
      return ids.getOrDefault(resource + ":key", "SweepKey");
    }
    if (name.equals("userId") || name.equals("metrics-name")) {
      return ids.get(name);
    }
    if (name.equals("id")) {
      String top = resource.split("/")[0];
      return ids.getOrDefault(resource, ids.getOrDefault(top, "sweep-0000-0002"));
    }
    return "sweep-0000-0003";
  }

  private Caller caller(String user) {
    if (user == null) {
      return Caller.ANONYMOUS;
    }
    List<String> groups = user.equals(ADMINISTRATOR) ? List.of(Role.ADMIN_GROUP) : List.of(user.substring(3));
    return new Caller(user, groups, Role.of(groups, vn.thongsuot.directory.UnitDirectory.fromClasspath()));
  }

  /** A digest of every row of every table (engine and read model). */
  private String checksum() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME", String.class);
    for (String table : tables) {
      digest.update(table.getBytes(StandardCharsets.UTF_8));
      List<String> rows = new ArrayList<>();
      jdbc.query("SELECT * FROM \"" + table + "\"", (ResultSet rs) -> {
        int columns = rs.getMetaData().getColumnCount();
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      });
      rows.sort(null);
      rows.forEach(row -> digest.update(row.getBytes(StandardCharsets.UTF_8)));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String label(String user) {
    return user == null ? "anonymous" : user.replace("cb.", "");
  }

  private static String clip(String body) {
    String line = body == null ? "" : body.replace('\n', ' ');
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }

  private static void print(Map<String, Map<String, Integer>> table) {
    StringBuilder out = new StringBuilder("\n=== Security sweep: statuses per operation (role/status x count) ===\n");
    table.forEach((operation, statuses) -> out.append(operation).append("  ").append(statuses).append('\n'));
    System.out.print(out);
  }
}
