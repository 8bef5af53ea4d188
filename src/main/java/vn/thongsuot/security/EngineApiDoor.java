package vn.thongsuot.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.engine.AsTheSystem;
import vn.thongsuot.engine.EngineRestErrors;
import vn.thongsuot.engine.EngineUser;
import vn.thongsuot.security.EngineAllowlist.Check;
import vn.thongsuot.security.EngineAllowlist.Rule;
import vn.thongsuot.system.PlainText;

/**
 * The one door in front of Camunda's engine REST API, on {@code /engine-rest} and on the webapps'
 * {@code /camunda/api/engine} alike. It runs inside Jersey after the request was matched to a
 * resource method, so it judges the operation Jersey will really run, whatever the spelling of the
 * path (a trailing slash, percent-escapes): the method and the template Jersey matched are looked up
 * in {@link EngineAllowlist}; not listed, or not for this caller's roles, is 403 before the engine
 * is touched. An allowed operation may carry a {@link Check} on its caller, its path or its body.
 * The administrator passes unchecked. Requests without an account never get here (401 from
 * Camunda's authentication) except for the few operations open to anyone.
 */
@Priority(Priorities.AUTHORIZATION)
final class EngineApiDoor implements ContainerRequestFilter {

  static final Logger LOG = LoggerFactory.getLogger(EngineApiDoor.class);
  /** What a form submission may carry besides its variables. */
  private static final Set<String> SUBMISSION_KEYS = Set.of("variables", "withVariablesInReturn");

  private final IdentityService identity;
  private final TaskService tasks;
  private final HistoryService history;
  private final UnitDirectory directory;
  private final FormFields forms;
  private final TasklistFiling filing;
  private final ObjectMapper json;

  EngineApiDoor(IdentityService identity, TaskService tasks, HistoryService history, UnitDirectory directory,
      FormFields forms, TasklistFiling filing, ObjectMapper json) {
    this.identity = identity;
    this.tasks = tasks;
    this.history = history;
    this.directory = directory;
    this.forms = forms;
    this.filing = filing;
    this.json = json;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    ExtendedUriInfo uri = (ExtendedUriInfo) request.getUriInfo();
    String template = EngineOperation.templateOf(uri.getMatchedTemplates().stream()
        .map(UriTemplate::getTemplate).toList());
    String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    Caller caller = caller();
    Optional<Rule> rule = EngineAllowlist.rule(method, template);
    if (caller.is(Role.ADMIN)) {
      return;
    }
    if (rule.isEmpty() || !rule.get().who().admits(caller)) {
      LOG.info("Refused {} {} for {} (not in the allowlist for {})", method, template, who(caller), caller.roles());
      request.abortWith(caller.signedIn() ? Refusals.forbidden(Refusals.NOT_ALLOWED) : Refusals.unauthorized());
      return;
    }
    Response refusal = check(rule.get().check(), caller, request, uri);
    if (refusal != null) {
      LOG.info("Refused {} {} for {}: {}", method, template, who(caller), refusal.getStatus());
      request.abortWith(refusal);
    }
  }

  private Response check(Check check, Caller caller, ContainerRequestContext request, ExtendedUriInfo uri)
      throws IOException {
    return switch (check) {
      case NONE -> null;
      case TASK_HOLDER -> holderRefusal(caller, pathParameter(uri, "id"));
      case CLAIM_FOR_ONESELF -> {
        Response notHolder = holderRefusal(caller, pathParameter(uri, "id"));
        if (notHolder != null) {
          yield notHolder;
        }
        JsonNode body = readBody(request);
        yield body != null && caller.userId().equals(body.path("userId").asText(null))
            ? null : Refusals.forbidden(Refusals.CLAIM_FOR_ONESELF);
      }
      case TASK_FORM -> formRefusal(caller, pathParameter(uri, "id"), request);
      case FILING -> {
        JsonNode body = readBody(request);
        yield filing.file(caller, pathParameters(uri), body);
      }
      case OWN_ACCOUNT -> caller.userId().equals(pathParameter(uri, "id"))
          ? null : Refusals.forbidden(Refusals.OWN_ACCOUNT);
      case OWN_ACCOUNT_QUERY -> {
        List<String> asked = uri.getQueryParameters().getOrDefault("userId", List.of());
        yield asked.stream().allMatch(caller.userId()::equals) ? null : Refusals.forbidden(Refusals.OWN_ACCOUNT);
      }
      case OWN_UNITS_QUERY -> {
        if (caller.is(Role.COCKPIT)) {
          yield null;
        }
        String member = uri.getQueryParameters().getFirst("member");
        if (member == null && "POST".equals(request.getMethod())) {
          JsonNode body = readBody(request);
          member = body == null ? null : body.path("member").asText(null);
        }
        yield caller.userId().equals(member) ? null : Refusals.forbidden(Refusals.OWN_UNITS);
      }
    };
  }

  /**
   * Null if the caller's unit holds the task. A task the caller cannot even read answers as one that
   * does not exist (404), so that refusals do not tell which tasks exist; one the caller reads but
   * does not hold (a supervisor's) is a 403.
   */
  private Response holderRefusal(Caller caller, String taskId) {
    if (taskId == null) {
      return Refusals.notFound(Refusals.NO_SUCH_TASK);
    }
    List<String> candidates = AsTheSystem.call(identity, () -> tasks.createTaskQuery().taskId(taskId).count() == 0
        ? null
        : tasks.getIdentityLinksForTask(taskId).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId).toList());
    if (candidates != null && caller.belongsToAny(candidates)) {
      return null;
    }
    if (candidates == null && endedTaskOf(caller, taskId)) {
      // Someone of the unit answered it a moment ago (two officials, two nodes): what they need to hear.
      return Refusals.answer(jakarta.ws.rs.core.Response.Status.CONFLICT, "TaskAlreadyCompleted", "Xung đột",
          EngineRestErrors.ALREADY_DONE);
    }
    boolean readable = candidates != null && tasks.createTaskQuery().taskId(taskId).count() > 0;
    return readable ? Refusals.forbidden(Refusals.NOT_HOLDER) : Refusals.notFound(Refusals.NO_SUCH_TASK);
  }

  /** A task that has ended and that one of the caller's units held. */
  private boolean endedTaskOf(Caller caller, String taskId) {
    return AsTheSystem.call(identity, () -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished()
        .count() > 0 && caller.belongsToAny(history.createHistoricIdentityLinkLogQuery().taskId(taskId)
            .type(IdentityLinkType.CANDIDATE).list().stream().map(link -> link.getGroupId())
            .filter(java.util.Objects::nonNull).toList()));
  }

  /** A task submission: only the fields of the task's own form, each a plain text (or empty). */
  private Response formRefusal(Caller caller, String taskId, ContainerRequestContext request) throws IOException {
    Response notHolder = holderRefusal(caller, taskId);
    if (notHolder != null) {
      return notHolder;
    }
    Task task = AsTheSystem.call(identity, () -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys()
        .singleResult());
    CamundaFormRef form = task == null ? null : task.getCamundaFormRef();
    Set<String> fields = form == null ? Set.of() : forms.editable(form.getKey());
    JsonNode body = readBody(request);
    if (body == null || !body.isObject()) {
      return Refusals.badRequest(Refusals.NOT_JSON);
    }
    for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!SUBMISSION_KEYS.contains(key)) {
        return Refusals.badRequest(Refusals.foreignKey(key));
      }
    }
    JsonNode variables = body.path("variables");
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      return Refusals.badRequest(Refusals.NOT_JSON);
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (!fields.contains(entry.getKey())) {
        return Refusals.badRequest(Refusals.foreignFields(List.of(entry.getKey()), fields));
      }
      String problem = plainTextProblem(entry.getKey(), entry.getValue());
      if (problem != null) {
        return Refusals.badRequest(problem);
      }
    }
    return null;
  }

  /** A form's value as Camunda's REST API carries it: {@code {"value": "...", "type": "String"}}. */
  static String plainTextProblem(String name, JsonNode variable) {
    if (!variable.isObject()) {
      return Refusals.notAText(name);
    }
    for (Iterator<String> keys = variable.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.equals("value") && !key.equals("type") && !(key.equals("valueInfo") && variable.get(key).isEmpty())) {
        return Refusals.notAText(name);
      }
    }
    JsonNode value = variable.path("value");
    String type = variable.path("type").asText("String");
    boolean text = value.isTextual() && (type.equals("String") || variable.path("type").isMissingNode());
    boolean empty = (value.isNull() || value.isMissingNode()) && (type.equals("Null") || type.equals("String"));
    if (!text && !empty) {
      return Refusals.notAText(name);
    }
    if (text && !PlainText.isPlain(value.asText())) {
      return PlainText.problem("Trường " + name);
    }
    return null;
  }

  /** The body as JSON, read once and handed on to the engine unchanged; null when it is not JSON. */
  private JsonNode readBody(ContainerRequestContext request) throws IOException {
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String pathParameter(ExtendedUriInfo uri, String name) {
    return uri.getPathParameters().getFirst(name);
  }

  private static Map<String, String> pathParameters(ExtendedUriInfo uri) {
    Map<String, String> parameters = new java.util.HashMap<>();
    uri.getPathParameters().forEach((name, values) -> parameters.put(name, values.get(0)));
    return parameters;
  }

  private Caller caller() {
    return EngineUser.current(identity)
        .map(user -> new Caller(user.userId(), user.groupIds(), Role.of(user.groupIds(), directory)))
        .orElse(Caller.ANONYMOUS);
  }

  private static String who(Caller caller) {
    return caller.signedIn() ? caller.userId() : "(anonymous)";
  }
}
