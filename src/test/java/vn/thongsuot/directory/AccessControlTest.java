package vn.thongsuot.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.FINANCE_MINISTRY;
import static vn.thongsuot.DemoAccounts.GOVERNMENT_OFFICE;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.HEALTH_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.MUI_NE;
import static vn.thongsuot.DemoAccounts.NATIONAL_ASSEMBLY;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCIAL_COMMITTEE;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import vn.thongsuot.AppTest;
import vn.thongsuot.escalation.IssueAccess;

/**
 * Who sees and works which issue, over /engine-rest with the demo officials' passwords. Tasklist
 * calls the same engine API with the same authorizations, so what is refused here is refused there.
 *
 * <p>Two kinds of refusal, both on purpose:
 * <ul>
 *   <li>reading something you may not read answers like reading something that does not exist:
 *       a list query leaves it out (200, empty) and a single GET by id is 404, because the engine
 *       filters queries by authorization; the existence of another commune's issue does not leak;
 *   <li>acting on something you can read but may not act on (claim or complete a task you only
 *       read, read an instance's variables, deploy, create authorizations or filters) is 403: the
 *       engine, or the door in front of it ({@code security.EngineApiDoor}), refuses; claiming or
 *       completing a task you cannot even read is 404, like a task that does not exist.
 * </ul>
 */
@AppTest
class AccessControlTest {


  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired IssueAccess issueAccess;
  @Value("${camunda.bpm.admin-user.id}") String admin;

  EngineRest rest;
  ProbeIssues issues;

  @BeforeEach
  void setUp() {
    rest = new EngineRest(http);
    issues = new ProbeIssues(repositoryService, runtimeService, taskService, authorizationService);
  }

  @Test
  void departmentOfficialSeesClaimsAndCompletesTheTaskOfTheirUnit() {
    String issue = issues.file("10507", "province-31-finance");

    EngineRest.Response tasks = rest.get(FINANCE_DEPARTMENT, "/task?processInstanceId=" + issue + "&maxResults=10");
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.values("taskDefinitionKey")).containsExactly(ProbeIssues.ANSWER);
    String task = tasks.body().get(0).get("id").asText();

    assertThat(rest.post(FINANCE_DEPARTMENT, "/task/" + task + "/claim", "{\"userId\":\"" + FINANCE_DEPARTMENT + "\"}").status())
        .isEqualTo(204);
    // The probe's task has no form: a completion carries nothing (the door refuses any field).
    assertThat(rest.post(FINANCE_DEPARTMENT, "/task/" + task + "/complete",
        "{\"variables\":{\"guidance\":{\"value\":\"Áp dụng Nghị định 33/2025\",\"type\":\"String\"}}}").status())
        .isEqualTo(400);
    assertThat(rest.post(FINANCE_DEPARTMENT, "/task/" + task + "/complete", "{}").status()).isEqualTo(204);
    assertThat(issues.openTask(issue).getTaskDefinitionKey()).isEqualTo(ProbeIssues.CONFIRM);
  }

  @Test
  void anotherCommuneGetsAnEmptyListAndNotFoundForACommunesTaskAlsoWhenClaimingOrCompletingIt() {
    String issue = issues.file("10507", "province-31-finance");
    taskService.complete(issues.openTask(issue).getId());
    Task confirm = issues.openTask(issue);

    // Hidden: the list leaves it out, the single GET cannot tell it from a task that does not exist.
    EngineRest.Response list = rest.get(HAI_DUONG, "/task?processInstanceId=" + issue + "&maxResults=10");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).isEmpty();
    assertThat(rest.get(HAI_DUONG, "/task/" + confirm.getId()).status()).isEqualTo(404);
    // Refused as if it did not exist: the task is neither held nor readable by Hải Dương.
    assertThat(rest.post(HAI_DUONG, "/task/" + confirm.getId() + "/claim", "{\"userId\":\"" + HAI_DUONG + "\"}")
        .status()).isEqualTo(404);
    assertThat(rest.post(HAI_DUONG, "/task/" + confirm.getId() + "/complete", "{}").status()).isEqualTo(404);
    Task untouched = issues.openTask(issue);
    assertThat(untouched.getId()).isEqualTo(confirm.getId());
    assertThat(untouched.getAssignee()).isNull();

    // The commune that filed it works it.
    assertThat(rest.get(THANH_DONG, "/task?processInstanceId=" + issue + "&maxResults=10").values("id"))
        .containsExactly(confirm.getId());
    assertThat(rest.post(THANH_DONG, "/task/" + confirm.getId() + "/claim", "{\"userId\":\"" + THANH_DONG + "\"}")
        .status()).isEqualTo(204);
    assertThat(rest.post(THANH_DONG, "/task/" + confirm.getId() + "/complete", "{}").status()).isEqualTo(204);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(issue).count()).isZero();
  }

  @Test
  void inTasklistAnotherCommuneSeesNothingOfACommunesTaskAndIsRefusedClaimingIt() {
    String issue = issues.file("10507", "province-31-finance");
    taskService.complete(issues.openTask(issue).getId());
    Task confirm = issues.openTask(issue);

    EngineRest.WebappSession haiDuong = rest.tasklist(HAI_DUONG);
    assertThat(haiDuong.call(HttpMethod.GET, "/task?processInstanceId=" + issue + "&maxResults=15", null).body())
        .isEmpty();
    assertThat(haiDuong.call(HttpMethod.POST, "/task/" + confirm.getId() + "/claim",
        "{\"userId\":\"" + HAI_DUONG + "\"}").status()).isEqualTo(404);

    EngineRest.WebappSession thanhDong = rest.tasklist(THANH_DONG);
    assertThat(thanhDong.call(HttpMethod.GET, "/task?processInstanceId=" + issue + "&maxResults=15", null)
        .values("id")).containsExactly(confirm.getId());
    assertThat(thanhDong.call(HttpMethod.POST, "/task/" + confirm.getId() + "/claim",
        "{\"userId\":\"" + THANH_DONG + "\"}").status()).isEqualTo(204);
    assertThat(issues.openTask(issue).getAssignee()).isEqualTo(THANH_DONG);
  }

  @Test
  void anIssueFiledByASignedInCommuneIsReadByItAndItsSupervisorAndTheDepartment() {
    // Test-only: let the commune start the probe process (in the engine, signed in as the official,
    // as our filing service starts CommuneIssueEscalation; over HTTP only that service starts processes).
    allowStartingTheProbe("commune-10507");
    identityService.setAuthentication(THANH_DONG, List.of("commune-10507"));
    String issue;
    try {
      issue = runtimeService.startProcessInstanceByKey(ProbeIssues.PROCESS, java.util.Map.of("communeCode", "10507",
          "unitGroup", "province-31-finance", "dueDate", java.util.Date.from(java.time.Instant.parse("2030-01-02T10:00:00Z")),
          "escalated", false)).getId();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(rest.post(THANH_DONG, "/process-definition/key/" + ProbeIssues.PROCESS + "/start", "{}").status())
        .as("not over HTTP").isEqualTo(403);

    assertThat(rest.get(THANH_DONG, "/process-instance/" + issue + "/variables").status()).isEqualTo(200);
    assertThat(rest.get(PROVINCE_SUPERVISOR, "/history/process-instance/" + issue).status()).isEqualTo(200);
    assertThat(rest.get(FINANCE_DEPARTMENT, "/task?processInstanceId=" + issue + "&maxResults=10").values("taskDefinitionKey"))
        .containsExactly(ProbeIssues.ANSWER);
    assertThat(rest.get(HAI_DUONG, "/process-instance/" + issue).status()).isEqualTo(404);
  }

  @Test
  void grantsAreMadeForAnAuthenticatedOfficialOutsideProcessCodeAndTheirAuthenticationIsKept() {
    String issue = issues.file("10507", "province-31-finance");
    identityService.setAuthentication(THANH_DONG, List.of("commune-10507"));
    try {
      issueAccess.grantToUnit(issue, "province-31-health");
      assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo(THANH_DONG);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(rest.get(HEALTH_DEPARTMENT, "/process-instance/" + issue).status()).isEqualTo(200);
    assertThat(rest.get(HEALTH_DEPARTMENT, "/history/process-instance/" + issue).status()).isEqualTo(200);
  }

  @Test
  void filingCommuneAndItsProvincialSupervisorReadTheIssueItsVariablesAndItsHistory() {
    String issue = issues.file("10507", "province-31-finance");

    for (String reader : List.of(THANH_DONG, PROVINCE_SUPERVISOR)) {
      assertThat(rest.get(reader, "/process-instance/" + issue).status()).as(reader).isEqualTo(200);
      EngineRest.Response variables = rest.get(reader, "/process-instance/" + issue + "/variables");
      assertThat(variables.status()).as(reader).isEqualTo(200);
      assertThat(variables.body().path("communeCode").path("value").asText()).isEqualTo("10507");
      assertThat(rest.get(reader, "/history/process-instance/" + issue).status()).as(reader).isEqualTo(200);
      assertThat(rest.get(reader, "/history/task?processInstanceId=" + issue + "&maxResults=10")
          .values("taskDefinitionKey")).as(reader).containsExactly(ProbeIssues.ANSWER);
      assertThat(rest.get(reader, "/history/variable-instance?processInstanceId=" + issue + "&maxResults=50")
          .values("name")).as(reader).contains("communeCode", "unitGroup");
    }
  }

  @Test
  void otherCommunesOtherProvincesAndUnitsTheIssueNeverReachedCannotReadIt() {
    String issue = issues.file("10507", "province-31-finance");

    for (String outsider : List.of(HAI_DUONG, MUI_NE, LAM_DONG_SUPERVISOR, HEALTH_DEPARTMENT, PROVINCIAL_COMMITTEE)) {
      // Hidden (queries): 404 for the single GET, empty lists.
      assertThat(rest.get(outsider, "/process-instance/" + issue).status()).as(outsider).isEqualTo(404);
      assertThat(rest.get(outsider, "/process-instance?processInstanceIds=" + issue + "&maxResults=10").body())
          .as(outsider).isEmpty();
      assertThat(rest.get(outsider, "/history/process-instance/" + issue).status()).as(outsider).isEqualTo(404);
      assertThat(rest.get(outsider, "/history/task?processInstanceId=" + issue + "&maxResults=10").body())
          .as(outsider).isEmpty();
      assertThat(rest.get(outsider, "/history/variable-instance?processInstanceId=" + issue + "&maxResults=10")
          .body()).as(outsider).isEmpty();
      // Refused (a permission check on the instance): 403.
      assertThat(rest.get(outsider, "/process-instance/" + issue + "/variables").status()).as(outsider)
          .isEqualTo(403);
    }
  }

  @Test
  void aUnitTheIssueReachedKeepsReadingItsHistoryAfterTheIssueMovedOnAndEnded() {
    String issue = issues.file("10507", "province-31-finance");
    taskService.complete(issues.openTask(issue).getId());

    assertThat(rest.get(FINANCE_DEPARTMENT, "/task?processInstanceId=" + issue + "&maxResults=10").body())
        .as("no task of the department is open any more").isEmpty();
    assertThat(rest.get(FINANCE_DEPARTMENT, "/process-instance/" + issue).status()).isEqualTo(200);
    assertThat(rest.get(FINANCE_DEPARTMENT, "/history/task?processInstanceId=" + issue + "&finished=true&maxResults=10")
        .values("taskDefinitionKey")).containsExactly(ProbeIssues.ANSWER);

    taskService.complete(issues.openTask(issue).getId());
    EngineRest.Response ended = rest.get(FINANCE_DEPARTMENT, "/history/process-instance/" + issue);
    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.body().path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void centralSupervisorReadsEveryIssueAndTaskButIsRefusedClaimingOrCompleting() {
    String issue = issues.file("22918", "province-68-health");
    Task task = issues.openTask(issue);

    assertThat(rest.get(CENTRAL_SUPERVISOR, "/task?processInstanceId=" + issue + "&maxResults=10").values("id"))
        .containsExactly(task.getId());
    assertThat(rest.get(CENTRAL_SUPERVISOR, "/task/" + task.getId()).status()).isEqualTo(200);
    assertThat(rest.get(CENTRAL_SUPERVISOR, "/process-instance/" + issue + "/variables").status()).isEqualTo(200);
    assertThat(rest.get(CENTRAL_SUPERVISOR, "/history/process-instance/" + issue).status()).isEqualTo(200);
    assertThat(rest.get(CENTRAL_SUPERVISOR, "/history/variable-instance?processInstanceId=" + issue + "&maxResults=50")
        .values("name")).contains("communeCode");

    assertThat(rest.post(CENTRAL_SUPERVISOR, "/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + CENTRAL_SUPERVISOR + "\"}").status()).isEqualTo(403);
    assertThat(rest.post(CENTRAL_SUPERVISOR, "/task/" + task.getId() + "/complete", "{}").status()).isEqualTo(403);
    assertThat(issues.openTask(issue).getAssignee()).isNull();
  }

  @Test
  void provincialSupervisorReadsTheProvincesTasksButIsRefusedClaimingOrCompletingThem() {
    String issue = issues.file("10507", "province-31-finance");
    Task answer = issues.openTask(issue);

    // The first task, created in the filing transaction, and every later one.
    assertThat(rest.get(PROVINCE_SUPERVISOR, "/task?processInstanceId=" + issue + "&maxResults=10").values("id"))
        .containsExactly(answer.getId());
    assertThat(rest.post(PROVINCE_SUPERVISOR, "/task/" + answer.getId() + "/claim",
        "{\"userId\":\"" + PROVINCE_SUPERVISOR + "\"}").status()).isEqualTo(403);
    assertThat(rest.post(PROVINCE_SUPERVISOR, "/task/" + answer.getId() + "/complete", "{}").status()).isEqualTo(403);
    assertThat(rest.get(LAM_DONG_SUPERVISOR, "/task?processInstanceId=" + issue + "&maxResults=10").body()).isEmpty();

    taskService.complete(answer.getId());
    Task confirm = issues.openTask(issue);
    assertThat(rest.get(PROVINCE_SUPERVISOR, "/task/" + confirm.getId()).status()).isEqualTo(200);
    assertThat(rest.post(PROVINCE_SUPERVISOR, "/task/" + confirm.getId() + "/complete", "{}").status()).isEqualTo(403);
    assertThat(rest.get(PROVINCE_SUPERVISOR, "/history/task?processInstanceId=" + issue + "&maxResults=10").values("id"))
        .containsExactlyInAnyOrder(answer.getId(), confirm.getId());
    assertThat(rest.get(LAM_DONG_SUPERVISOR, "/task/" + confirm.getId()).status()).isEqualTo(404);
  }

  @Test
  void provincialSupervisorReadsALevelRunningInACalledProcessAndItsTasks() {
    String level = issues.fileWithCalledLevel("10507", "province-31-finance");
    Task task = issues.openTask(level);

    assertThat(rest.get(PROVINCE_SUPERVISOR, "/process-instance/" + level + "/variables").status()).isEqualTo(200);
    assertThat(rest.get(PROVINCE_SUPERVISOR, "/task?processInstanceId=" + level + "&maxResults=10").values("id"))
        .containsExactly(task.getId());
    assertThat(rest.post(PROVINCE_SUPERVISOR, "/task/" + task.getId() + "/complete", "{}").status()).isEqualTo(403);
    assertThat(rest.get(FINANCE_DEPARTMENT, "/task?processInstanceId=" + level + "&maxResults=10").values("id"))
        .containsExactly(task.getId());
    assertThat(rest.get(LAM_DONG_SUPERVISOR, "/process-instance/" + level).status()).isEqualTo(404);
    assertThat(rest.get(HAI_DUONG, "/task?processInstanceId=" + level + "&maxResults=10").body()).isEmpty();

    taskService.complete(task.getId());
    assertThat(rest.get(PROVINCE_SUPERVISOR, "/history/task?processInstanceId=" + level + "&maxResults=10").values("id"))
        .containsExactly(task.getId());
  }

  @Test
  void onlyTheAdministratorDeploysCreatesFiltersOrChangesAuthorizations() {
    for (String official : List.of(THANH_DONG, FINANCE_DEPARTMENT, PROVINCIAL_COMMITTEE, FINANCE_MINISTRY,
        GOVERNMENT_OFFICE, NATIONAL_ASSEMBLY, PROVINCE_SUPERVISOR, CENTRAL_SUPERVISOR)) {
      assertThat(rest.post(official, "/authorization/create", grantEverythingTo(official)).status())
          .as(official).isEqualTo(403);
      assertThat(rest.post(official, "/filter/create", sharedFilter(official)).status())
          .as(official).isEqualTo(403);
      assertThat(rest.deploy(official, DEMO_PASSWORD).status()).as(official).isEqualTo(403);
    }
    // The same requests succeed for the administrator: the refusals above are permissions.
    EngineRest.Response filter = rest.post(admin, "/filter/create", sharedFilter(admin));
    assertThat(filter.status()).isEqualTo(200);
    assertThat(rest.call(admin, "demo", HttpMethod.DELETE,
        "/filter/" + filter.body().get("id").asText(), null).status()).isEqualTo(204);

    List<Authorization> adminOnly = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.AUTHORIZATION).list();
    adminOnly.addAll(authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.DEPLOYMENT).list());
    assertThat(adminOnly).isNotEmpty().allSatisfy(grant ->
        assertThat(grant.getGroupId() == null ? grant.getUserId() : grant.getGroupId())
            .isIn("camunda-admin", admin));
  }

  @Test
  void communesMayFileTheEscalationProcessFromTasklistOtherUnitsMayNot() {
    String createInstance = "/authorization/check?permissionName=CREATE_INSTANCE&resourceName=ProcessDefinition"
        + "&resourceType=6&resourceId=" + UnitAuthorizations.ESCALATION_PROCESS;
    String createProcessInstance = "/authorization/check?permissionName=CREATE&resourceName=ProcessInstance"
        + "&resourceType=8";
    for (String commune : List.of(THANH_DONG, HAI_DUONG, MUI_NE)) {
      assertThat(rest.get(commune, createInstance).body().path("authorized").asBoolean()).as(commune).isTrue();
      assertThat(rest.get(commune, createProcessInstance).body().path("authorized").asBoolean()).as(commune).isTrue();
    }
    for (String other : List.of(FINANCE_DEPARTMENT, PROVINCIAL_COMMITTEE, FINANCE_MINISTRY, CENTRAL_SUPERVISOR)) {
      assertThat(rest.get(other, createInstance).body().path("authorized").asBoolean()).as(other).isFalse();
    }
  }

  @Test
  void everyOfficialOpensTasklistOnlyTheCentralSupervisorOpensCockpit() {
    for (String official : List.of(THANH_DONG, FINANCE_DEPARTMENT, PROVINCIAL_COMMITTEE, FINANCE_MINISTRY,
        GOVERNMENT_OFFICE, NATIONAL_ASSEMBLY, PROVINCE_SUPERVISOR, CENTRAL_SUPERVISOR)) {
      assertThat(rest.webappLogin(official, "tasklist")).as(official).isEqualTo(200);
    }
    assertThat(rest.webappLogin(CENTRAL_SUPERVISOR, "cockpit")).isEqualTo(200);
    for (String official : List.of(THANH_DONG, FINANCE_DEPARTMENT, PROVINCE_SUPERVISOR, FINANCE_MINISTRY)) {
      assertThat(rest.webappLogin(official, "cockpit")).as(official).isEqualTo(403);
      assertThat(rest.webappLogin(official, "admin")).as(official).isEqualTo(403);
    }
  }

  @Test
  void grantOnFilingRefusesAnUnknownCommuneAndNothingIsFiled() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProbeIssues.PROCESS).count();
    assertThatThrownBy(() -> issues.file("99999", "province-31-finance")).hasMessageContaining("99999");
    assertThatThrownBy(() -> issues.file("10507", "province-31-police")).hasMessageContaining("province-31-police");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProbeIssues.PROCESS).count())
        .isEqualTo(before);
  }

  @Test
  void grantingTheSameUnitTwiceInOneTransactionKeepsOneGrant() {
    // The commune is granted on filing, then again as the unit of the first task, in one transaction.
    String issue = issues.file("10507", "commune-10507");

    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("commune-10507")
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(issue).count()).isEqualTo(1);
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("commune-10507")
        .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(issue).count()).isEqualTo(1);
    assertThat(rest.get(THANH_DONG, "/process-instance/" + issue).status()).isEqualTo(200);
  }

  private void allowStartingTheProbe(String groupId) {
    if (authorizationService.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(ProbeIssues.PROCESS).count() == 0) {
      Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(ProbeIssues.PROCESS);
      grant.addPermission(Permissions.READ);
      grant.addPermission(Permissions.CREATE_INSTANCE);
      authorizationService.saveAuthorization(grant);
    }
  }

  private static String grantEverythingTo(String user) {
    return "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + user
        + "\",\"groupId\":null,\"resourceType\":6,\"resourceId\":\"*\"}";
  }

  private static String sharedFilter(String owner) {
    return "{\"resourceType\":\"Task\",\"name\":\"Mọi việc\",\"owner\":\"" + owner + "\",\"query\":{}}";
  }
}
