package vn.thongsuot.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which engine REST operations each role may call, on {@code /engine-rest} and on the webapps'
 * {@code /camunda/api/engine} alike. Everything not listed here is refused (403) for everyone but
 * the administrator, who may call every operation the engine offers. The table is derived from what
 * Tasklist and Cockpit really call (docs/security.md prints it, {@code EngineAllowlistTest} keeps the
 * two the same); the engine's own authorizations then decide which data each call sees.
 */
public final class EngineAllowlist {

  /** Who may call an operation, besides the administrator. */
  public enum Who {
    /** Also without an account (Camunda lets its login and setup pages call these). */
    ANYONE(EnumSet.noneOf(Role.class)),
    /** Every signed-in account. */
    SIGNED_IN(EnumSet.allOf(Role.class)),
    /** Officials and supervisors in Tasklist: reads, which the engine filters by each one's grants. */
    TASKLIST(EnumSet.of(Role.UNIT, Role.SUPERVISOR)),
    /**
     * An official whose unit holds the task (one of its candidate groups; the check says so): a unit
     * of the ladder, or the central supervisors with the monthly report to review.
     */
    HOLDER(EnumSet.of(Role.UNIT, Role.SUPERVISOR)),
    /** An official of a commune: files an issue. */
    COMMUNE(EnumSet.of(Role.COMMUNE)),
    /** The central supervisor in Cockpit, read only (the country's statistics are in its scope). */
    COCKPIT(EnumSet.of(Role.COCKPIT)),
    /** A monitoring account: metrics. */
    MONITORING(EnumSet.of(Role.MONITORING)),
    /** Nobody but the administrator. */
    ADMIN(EnumSet.noneOf(Role.class));

    private final Set<Role> roles;

    Who(Set<Role> roles) {
      this.roles = roles;
    }

    boolean admits(Caller caller) {
      if (caller.is(Role.ADMIN) || this == ANYONE) {
        return true;
      }
      if (!caller.signedIn()) {
        return false;
      }
      return this == SIGNED_IN || caller.roles().stream().anyMatch(roles::contains);
    }
  }

  /** What the door checks of an allowed request beyond its role. */
  public enum Check {
    NONE,
    /** The caller's unit holds the task. */
    TASK_HOLDER,
    /** The holder claims the task for themself, no one else. */
    CLAIM_FOR_ONESELF,
    /** The holder submits the fields of the task's form, as plain texts, nothing else. */
    TASK_FORM,
    /** A commune's start form: filed by our filing service, which owns the identity. */
    FILING,
    /** The account in the path is the caller's own. */
    OWN_ACCOUNT,
    /** A query about an account ({@code userId}) asks about the caller's own. */
    OWN_ACCOUNT_QUERY,
    /**
     * A query of units names the caller as member ({@code member}, in the query or the body): the
     * caller's own units (Welcome's "my groups"). Cockpit's users may ask for others by id.
     */
    OWN_UNITS_QUERY
  }

  /** One row of the table. */
  public record Rule(EngineOperation operation, Who who, Check check, String purpose) {}

  private static final List<Rule> RULES = new ArrayList<>();

  static {
    // The webapps themselves.
    allow("GET /engine", Who.ANYONE, "the webapps find the engine");
    allow("GET /identity/password-policy", Who.ANYONE, "the password rules on the password page");
    allow("POST /identity/password-policy", Who.ANYONE, "checks a new password against the rules (stores nothing)");
    allow("GET /identity/groups", Who.SIGNED_IN, Check.OWN_ACCOUNT_QUERY, "the caller's own groups");
    allow("GET /user/{id}/profile", Who.SIGNED_IN, "names of accounts (the engine shows each only its own)");
    allow("PUT /user/{id}/credentials", Who.SIGNED_IN, Check.OWN_ACCOUNT, "an official changes their own password");
    allow("GET /user", Who.SIGNED_IN, "accounts the caller may read (its own)");
    allow("GET /user/count", Who.SIGNED_IN, "likewise, counted");
    allow("GET /group", Who.SIGNED_IN, Check.OWN_UNITS_QUERY, "the caller's own units (Welcome); any, in Cockpit");
    allow("POST /group", Who.SIGNED_IN, Check.OWN_UNITS_QUERY, "likewise, as a POST query");
    allow("GET /group/count", Who.SIGNED_IN, Check.OWN_UNITS_QUERY, "likewise, counted");
    allow("POST /group/count", Who.SIGNED_IN, Check.OWN_UNITS_QUERY, "likewise, counted");
    allow("GET /group/{id}", Who.SIGNED_IN, "one unit the caller may read");
    allow("GET /authorization/check", Who.SIGNED_IN, Check.OWN_ACCOUNT_QUERY, "what the caller may do (menus)");
    allow("GET /version", Who.COCKPIT, "Cockpit's footer");

    // Tasklist: filters, tasks, forms.
    allow("OPTIONS /filter", Who.TASKLIST, "may the caller create a filter? (Tasklist's + button)");
    allow("OPTIONS /filter/{id}", Who.TASKLIST, "may the caller change a filter? (the filter dialog)");
    for (String read : List.of("GET /filter", "GET /filter/count", "GET /filter/{id}", "GET /filter/{id}/list",
        "POST /filter/{id}/list", "GET /filter/{id}/count", "POST /filter/{id}/count",
        "GET /filter/{id}/singleResult", "POST /filter/{id}/singleResult")) {
      allow(read, Who.TASKLIST, "the shared Tasklist filters");
    }
    for (String read : List.of("GET /task", "POST /task", "GET /task/count", "POST /task/count", "GET /task/{id}",
        "GET /task/{id}/form", "GET /task/{id}/deployed-form", "GET /task/{id}/rendered-form",
        "GET /task/{id}/form-variables", "GET /task/{id}/variables", "GET /task/{id}/variables/{varName}",
        "GET /task/{id}/localVariables", "GET /task/{id}/localVariables/{varName}", "GET /task/{id}/identity-links",
        "GET /task/{id}/comment", "GET /task/{id}/comment/{commentId}", "GET /task/{id}/attachment",
        "GET /task/{id}/attachment/{attachmentId}")) {
      allow(read, Who.TASKLIST, "a task, its form and what it shows");
    }
    allow("POST /task/{id}/claim", Who.HOLDER, Check.CLAIM_FOR_ONESELF, "take a task of one's unit");
    allow("POST /task/{id}/unclaim", Who.HOLDER, Check.TASK_HOLDER, "give it back to the unit");
    allow("POST /task/{id}/complete", Who.HOLDER, Check.TASK_FORM, "answer with the form's fields");
    allow("POST /task/{id}/submit-form", Who.HOLDER, Check.TASK_FORM, "answer with the form's fields (Tasklist)");
    allow("POST /task/{id}/comment/create", Who.HOLDER, Check.TASK_HOLDER, "a comment on one's own task");

    // Process definitions: Tasklist's start list and start form, diagrams.
    for (String read : List.of("GET /process-definition", "GET /process-definition/count",
        "GET /process-definition/{id}", "GET /process-definition/key/{key}", "GET /process-definition/{id}/xml",
        "GET /process-definition/key/{key}/xml", "GET /process-definition/{id}/diagram",
        "GET /process-definition/key/{key}/diagram", "GET /process-definition/{id}/startForm",
        "GET /process-definition/key/{key}/startForm", "GET /process-definition/{id}/deployed-start-form",
        "GET /process-definition/key/{key}/deployed-start-form", "GET /process-definition/{id}/form-variables",
        "GET /process-definition/key/{key}/form-variables", "GET /process-definition/{id}/rendered-form",
        "GET /process-definition/key/{key}/rendered-form")) {
      allow(read, Who.TASKLIST, "the process a task belongs to; the start form");
    }
    allow("POST /process-definition/{id}/submit-form", Who.COMMUNE, Check.FILING, "a commune files an issue (Tasklist's start form)");
    allow("POST /process-definition/key/{key}/submit-form", Who.COMMUNE, Check.FILING, "likewise, by the process key");

    // An issue's instance and history, as far as the engine lets each unit read it.
    for (String read : List.of("GET /process-instance", "POST /process-instance", "GET /process-instance/count",
        "POST /process-instance/count", "GET /process-instance/{id}", "GET /process-instance/{id}/activity-instances",
        "GET /process-instance/{id}/variables", "GET /process-instance/{id}/variables/{varName}",
        "GET /process-instance/{id}/comment", "GET /variable-instance", "POST /variable-instance",
        "GET /variable-instance/count", "POST /variable-instance/count", "GET /variable-instance/{id}")) {
      allow(read, Who.TASKLIST, "an issue's instance and variables (engine: READ on the instance)");
    }
    for (String history : List.of("task", "process-instance", "activity-instance", "variable-instance", "detail")) {
      allow("GET /history/" + history, Who.TASKLIST, "history of what the caller may read");
      allow("POST /history/" + history, Who.TASKLIST, "likewise, as a POST query");
      allow("GET /history/" + history + "/count", Who.TASKLIST, "likewise, counted");
      if (!history.equals("detail") && !history.equals("task")) {
        allow("POST /history/" + history + "/count", Who.TASKLIST, "likewise, counted");
      }
    }
    allow("POST /history/task/count", Who.TASKLIST, "likewise, counted");
    allow("GET /history/process-instance/{id}", Who.TASKLIST, "one issue's history");
    allow("GET /history/activity-instance/{id}", Who.TASKLIST, "one step of it");
    allow("GET /history/variable-instance/{id}", Who.TASKLIST, "one variable of it");
    allow("GET /history/detail/{id}", Who.TASKLIST, "one change of it");
    allow("GET /history/user-operation", Who.TASKLIST, "who did what on a task (Tasklist's history tab)");
    allow("GET /history/user-operation/count", Who.TASKLIST, "likewise, counted");
    allow("GET /history/identity-link-log", Who.TASKLIST, "who held a task");
    allow("GET /history/identity-link-log/count", Who.TASKLIST, "likewise, counted");

    // Cockpit, read only, for the central supervisor.
    for (String read : List.of("GET /process-definition/statistics", "GET /process-definition/{id}/statistics",
        "GET /process-definition/key/{key}/statistics", "GET /process-definition/{id}/static-called-process-definitions",
        "GET /deployment", "GET /deployment/count", "GET /deployment/{id}", "GET /deployment/{id}/resources",
        "GET /deployment/{id}/resources/{resourceId}", "GET /deployment/{id}/resources/{resourceId}/data",
        "GET /decision-definition", "GET /decision-definition/count", "GET /decision-definition/{id}",
        "GET /decision-definition/key/{key}", "GET /decision-definition/{id}/xml", "GET /decision-definition/key/{key}/xml",
        "GET /decision-definition/{id}/diagram", "GET /decision-definition/key/{key}/diagram",
        "GET /decision-requirements-definition", "GET /decision-requirements-definition/count",
        "GET /decision-requirements-definition/{id}", "GET /decision-requirements-definition/key/{key}",
        "GET /decision-requirements-definition/{id}/xml", "GET /decision-requirements-definition/key/{key}/xml",
        "GET /history/decision-instance", "GET /history/decision-instance/count", "GET /history/decision-instance/{id}",
        "GET /history/decision-requirements-definition/{id}/statistics",
        "GET /history/process-definition/{id}/statistics", "GET /history/incident", "GET /history/incident/count",
        "GET /history/job-log", "POST /history/job-log", "GET /history/job-log/count", "POST /history/job-log/count",
        "GET /history/job-log/{id}", "GET /history/process-instance/report", "GET /history/task/report",
        "GET /execution", "POST /execution", "GET /execution/count", "POST /execution/count", "GET /execution/{id}",
        "GET /execution/{id}/localVariables", "GET /execution/{id}/localVariables/{varName}",
        "GET /task/report/candidate-group-count", "GET /variable-instance/{id}/data", "GET /job/{id}/stacktrace",
        "GET /external-task/{id}/errorDetails", "GET /history/job-log/{id}/stacktrace", "GET /case-definition/count",
        "GET /case-instance/count", "GET /batch/statistics", "GET /batch/statistics/count", "GET /batch/{id}",
        "GET /history/batch", "GET /history/batch/count", "GET /history/batch/{id}",
        "GET /execution/{id}/messageSubscriptions/{messageName}", "GET /event-subscription",
        "GET /event-subscription/count", "GET /job", "POST /job", "GET /job/count", "POST /job/count",
        "GET /job/{id}", "GET /job-definition", "POST /job-definition", "GET /job-definition/count",
        "POST /job-definition/count", "GET /job-definition/{id}", "GET /incident", "GET /incident/count",
        "GET /incident/{id}", "GET /external-task", "POST /external-task", "GET /external-task/count",
        "POST /external-task/count", "GET /external-task/{id}", "GET /external-task/topic-names")) {
      allow(read, Who.COCKPIT, "Cockpit, read only");
    }

    allow("GET /metrics", Who.MONITORING, "engine metrics");
    allow("GET /metrics/{metrics-name}/sum", Who.MONITORING, "engine metrics");
  }

  private EngineAllowlist() {}

  private static void allow(String operation, Who who, String purpose) {
    allow(operation, who, Check.NONE, purpose);
  }

  private static void allow(String operation, Who who, Check check, String purpose) {
    RULES.add(new Rule(EngineOperation.parse(operation), who, check, purpose));
  }

  private static final Map<String, Rule> BY_SHAPE = index();

  private static Map<String, Rule> index() {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Rule rule : RULES) {
      String key = rule.operation().method() + " " + rule.operation().shape();
      if (rules.put(key, rule) != null) {
        throw new IllegalStateException("two rules for " + key);
      }
    }
    return rules;
  }

  /** Every row, in the table's order. */
  public static List<Rule> rules() {
    return Collections.unmodifiableList(RULES);
  }

  /** The row of an operation; empty: only the administrator may call it. */
  public static Optional<Rule> rule(String method, String template) {
    return Optional.ofNullable(BY_SHAPE.get(method + " " + EngineOperation.shapeOf(template)));
  }
}
