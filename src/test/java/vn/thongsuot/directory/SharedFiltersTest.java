package vn.thongsuot.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.GOVERNMENT_OFFICE;
import static vn.thongsuot.DemoAccounts.HEALTH_MINISTRY;
import static vn.thongsuot.DemoAccounts.LAM_DONG_COMMITTEE;
import static vn.thongsuot.DemoAccounts.LAM_DONG_FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.LAM_DONG_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.NATIONAL_ASSEMBLY;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thongsuot.AppTest;

/** The four shared Tasklist filters, executed over /engine-rest as the officials who use them. */
@AppTest
class SharedFiltersTest {


  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired PlatformTransactionManager transactionManager;
  @Value("${camunda.bpm.admin-user.id}") String admin;

  EngineRest rest;
  ProbeIssues issues;

  @BeforeEach
  void setUp() {
    rest = new EngineRest(http);
    issues = new ProbeIssues(repositoryService, runtimeService, taskService, authorizationService);
    // Monday 09:00 in Vietnam: "due within 2 working days" ends Wednesday 17:00.
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0,
        ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyUnitReadsTheFourUnitFiltersAndSupervisorsTwoMoreAllOwnedByTheAdministrator() {
    List<String> unitFilters = List.of(
        SharedFilters.MY_UNIT, SharedFilters.DUE_SOON, SharedFilters.OVERDUE, SharedFilters.ESCALATED);
    for (String official : List.of(THANH_DONG, FINANCE_DEPARTMENT, LAM_DONG_COMMITTEE, HEALTH_MINISTRY,
        GOVERNMENT_OFFICE, NATIONAL_ASSEMBLY)) {
      EngineRest.Response filters = rest.get(official, "/filter?maxResults=50");
      assertThat(filters.status()).isEqualTo(200);
      assertThat(filters.values("name")).as(official).containsExactlyInAnyOrderElementsOf(unitFilters);
      assertThat(filters.values("owner")).as(official).containsOnly(admin);
    }
    for (String supervisor : List.of(PROVINCE_SUPERVISOR, CENTRAL_SUPERVISOR)) {
      EngineRest.Response filters = rest.get(supervisor, "/filter?maxResults=50");
      assertThat(filters.values("name")).as(supervisor).containsAll(unitFilters)
          .contains(SharedFilters.SUPERVISED_DUE_SOON, SharedFilters.SUPERVISED_OVERDUE).hasSize(6);
    }
  }

  @Test
  void supervisorFiltersShowEveryTaskInTheSupervisorsScope() {
    String overdue31 = issues.file("10507", "province-31-finance", Duration.ofDays(-2), false);
    String overdueCommune31 = issues.file("10525", "commune-10525", Duration.ofDays(-1), false);
    String dueTomorrow31 = issues.file("10645", "province-31-health", Duration.ofDays(1), false);
    String overdue68 = issues.file("22918", "province-68-finance", Duration.ofDays(-1), false);
    Set<String> mine = Set.of(overdue31, overdueCommune31, dueTomorrow31, overdue68);

    Map<String, String> filters = filterIds(CENTRAL_SUPERVISOR);
    String overdue = filters.get(SharedFilters.SUPERVISED_OVERDUE);
    String dueSoon = filters.get(SharedFilters.SUPERVISED_DUE_SOON);
    assertThat(issuesIn(PROVINCE_SUPERVISOR, overdue, mine)).containsExactly(overdue31, overdueCommune31);
    assertThat(issuesIn(PROVINCE_SUPERVISOR, dueSoon, mine)).containsExactly(dueTomorrow31);
    assertThat(issuesIn(LAM_DONG_SUPERVISOR, overdue, mine)).containsExactly(overdue68);
    assertThat(issuesIn(CENTRAL_SUPERVISOR, overdue, mine)).containsExactly(overdue31, overdueCommune31, overdue68);
    // The supervisors' own unit filters stay empty: they are nobody's candidate group.
    assertThat(issuesIn(PROVINCE_SUPERVISOR, filters.get(SharedFilters.OVERDUE), mine)).isEmpty();
    // A unit may not execute a filter that is not shared with it.
    assertThat(rest.get(FINANCE_DEPARTMENT, "/filter/" + overdue + "/list?firstResult=0&maxResults=10").status())
        .isEqualTo(403);
  }

  @Test
  void eachFilterShowsTheUnitsOwnTasksSoonestDeadlineFirst() {
    String overdue = issues.file("10507", "province-31-finance", Duration.ofDays(-1), false);
    String dueTomorrow = issues.file("10525", "province-31-finance", Duration.ofDays(1), false);
    String claimed = issues.file("10645", "province-31-finance", Duration.ofDays(3), false);
    String escalated = issues.file("11914", "province-31-finance", Duration.ofDays(5), true);
    String dueLater = issues.file("10507", "province-31-finance", Duration.ofDays(10), false);
    String otherProvince = issues.file("22918", "province-68-finance", Duration.ofDays(1), true);
    String communeTask = issues.file("10507", "commune-10507", Duration.ofDays(1), true);
    taskService.claim(issues.openTask(claimed).getId(), FINANCE_DEPARTMENT);
    Set<String> mine = Set.of(overdue, dueTomorrow, claimed, escalated, dueLater, otherProvince, communeTask);

    Map<String, String> filters = filterIds(FINANCE_DEPARTMENT);
    // Claimed tasks stay in the unit's list: a colleague's claim does not hide work from the unit.
    assertThat(issuesIn(FINANCE_DEPARTMENT, filters.get(SharedFilters.MY_UNIT), mine))
        .containsExactly(overdue, dueTomorrow, claimed, escalated, dueLater);
    assertThat(issuesIn(FINANCE_DEPARTMENT, filters.get(SharedFilters.DUE_SOON), mine)).containsExactly(dueTomorrow);
    assertThat(issuesIn(FINANCE_DEPARTMENT, filters.get(SharedFilters.OVERDUE), mine)).containsExactly(overdue);
    assertThat(issuesIn(FINANCE_DEPARTMENT, filters.get(SharedFilters.ESCALATED), mine)).containsExactly(escalated);

    assertThat(issuesIn(LAM_DONG_FINANCE_DEPARTMENT, filters.get(SharedFilters.MY_UNIT), mine)).containsExactly(otherProvince);
    assertThat(issuesIn(LAM_DONG_FINANCE_DEPARTMENT, filters.get(SharedFilters.ESCALATED), mine)).containsExactly(otherProvince);
    assertThat(issuesIn(THANH_DONG, filters.get(SharedFilters.MY_UNIT), mine)).containsExactly(communeTask);
    assertThat(issuesIn(THANH_DONG, filters.get(SharedFilters.OVERDUE), mine)).isEmpty();
  }

  @Test
  void aStoredFilterExpressionCanCallASpringBeanAsTheWorkingDayCalendarSwitchNeeds() {
    // docs/directory.md: "Sắp đến hạn" switches to ${deadlines.after(2)}, a Spring bean in a stored
    // filter expression; unitDirectory stands in for it here.
    String dueTomorrow = issues.file("10525", "province-31-finance", Duration.ofDays(1), false);
    String dueLater = issues.file("10525", "province-31-finance", Duration.ofDays(4), false);
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      Filter filter = filterService.newTaskFilter("bean").setOwner(admin).setQuery(taskService.createTaskQuery()
          .taskCandidateGroup("province-31-finance")
          .dueBeforeExpression("${unitDirectory.communeCount() == 3321 ? dateTime().plusDays(2) : now()}"));
      filterService.saveFilter(filter);
      assertThat(filterService.<Task>list(filter.getId())).extracting(Task::getProcessInstanceId)
          .contains(dueTomorrow).doesNotContain(dueLater);
      status.setRollbackOnly();
    });
  }

  private Map<String, String> filterIds(String official) {
    Map<String, String> ids = new HashMap<>();
    rest.get(official, "/filter?maxResults=50").body()
        .forEach(filter -> ids.put(filter.get("name").asText(), filter.get("id").asText()));
    return ids;
  }

  /** The issues of this test whose tasks the filter lists for the official, in the filter's order. */
  private List<String> issuesIn(String official, String filterId, Set<String> issuesOfThisTest) {
    EngineRest.Response tasks = rest.get(official, "/filter/" + filterId + "/list?firstResult=0&maxResults=2000");
    assertThat(tasks.status()).isEqualTo(200);
    List<String> issues = new ArrayList<>();
    for (JsonNode task : tasks.body()) {
      String issue = task.path("processInstanceId").asText();
      if (issuesOfThisTest.contains(issue)) {
        issues.add(issue);
      }
    }
    return issues;
  }
}
