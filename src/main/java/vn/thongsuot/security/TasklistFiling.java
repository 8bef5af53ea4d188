package vn.thongsuot.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.AsTheSystem;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.escalation.IssueProcess;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * Tasklist's "Start process" form, submitted by a commune official, filed by our filing service like
 * {@code POST /api/issues}: the server gives the issue its number and identity and starts the
 * process with exactly the filing's fields. Start instructions, a business key of the caller's or a
 * variable the start form does not have are refused with 400 (never silently dropped), and nothing
 * is created. The answer has the shape of Camunda's own (the started instance).
 */
@Component
class TasklistFiling {

  static final String START_FORM = "FileIssueForm";
  private static final Set<String> BODY_KEYS = Set.of("variables", "businessKey");

  private final IssueFiling filing;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final FormFields forms;
  private final IssueProcess process;

  TasklistFiling(IssueFiling filing, RepositoryService repository, RuntimeService runtime, IdentityService identity,
      FormFields forms, IssueProcess process) {
    this.process = process;
    this.filing = filing;
    this.repository = repository;
    this.runtime = runtime;
    this.identity = identity;
    this.forms = forms;
  }

  /** The answer to send instead of the engine's: the filed issue's instance, or the refusal. */
  Response file(Caller caller, Map<String, String> path, JsonNode body) {
    String key = path.containsKey("key") ? path.get("key") : processKeyOf(path.get("id"));
    if (key == null) {
      return Refusals.notFound("Không có quy trình này.");
    }
    if (!process.isEscalation(key)) {
      return Refusals.forbidden(Refusals.NOT_ALLOWED);
    }
    if (body == null || !body.isObject()) {
      return Refusals.badRequest(Refusals.NOT_JSON);
    }
    for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
      String name = keys.next();
      if (!BODY_KEYS.contains(name)) {
        return Refusals.badRequest(Refusals.foreignKey(name));
      }
    }
    if (body.hasNonNull("businessKey") && !body.get("businessKey").asText().isBlank()) {
      return Refusals.badRequest("Số hồ sơ vướng mắc do hệ thống cấp; không gửi kèm business key. Không có gì được lưu.");
    }
    Set<String> allowed = forms.editable(START_FORM);
    Map<String, String> values = new LinkedHashMap<>();
    List<String> foreign = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> entries = body.path("variables").fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (!allowed.contains(entry.getKey())) {
        foreign.add(entry.getKey());
        continue;
      }
      String problem = EngineApiDoor.plainTextProblem(entry.getKey(), entry.getValue());
      if (problem != null) {
        return Refusals.badRequest(problem);
      }
      values.put(entry.getKey(), entry.getValue().path("value").asText(null));
    }
    if (!foreign.isEmpty()) {
      return Refusals.badRequest(Refusals.foreignFields(new TreeSet<>(foreign), allowed));
    }
    FilingRequest request = new FilingRequest(values.get("communeCode"), values.get("field"), values.get("title"),
        values.get("description"), values.get("attempted"), values.get("regulation"), values.get("urgency"));
    String number;
    try {
      number = filing.file(request, new CurrentOfficial(caller.userId(), Set.copyOf(caller.groupIds())), null).number();
    } catch (RejectedRequest rejected) {
      String message = String.join(" ", rejected.problems()) + " Chưa có gì được gửi.";
      return switch (rejected.reason()) {
        case FORBIDDEN -> Refusals.forbidden(message);
        case NOT_FOUND -> Refusals.notFound(message);
        case CONFLICT -> Refusals.conflict(message);
        case INVALID -> Refusals.badRequest(message);
      };
    }
    ProcessInstance instance = AsTheSystem.call(identity, () -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(number).processDefinitionKey(key).singleResult());
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("links", List.of());
    started.put("id", instance.getId());
    started.put("definitionId", instance.getProcessDefinitionId());
    started.put("businessKey", number);
    started.put("caseInstanceId", null);
    started.put("ended", instance.isEnded());
    started.put("suspended", instance.isSuspended());
    started.put("tenantId", instance.getTenantId());
    return Response.ok(started, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private String processKeyOf(String definitionId) {
    if (definitionId == null) {
      return null;
    }
    return AsTheSystem.call(identity, () -> {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(definitionId)
          .singleResult();
      return definition == null ? null : definition.getKey();
    });
  }
}
