package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thongsuot.ThongSuotApplication;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.IssueFiling;

/**
 * Files an issue, stops the whole application, starts it again on the same database and checks
 * that the issue's task and its three timers are still there, unchanged.
 */
final class RestartScenario {

  private RestartScenario() {}

  static void fileStopStartAndFindTheIssue(String... properties) {
    String number;
    String taskId;
    List<Instant> timers;
    try (ConfigurableApplicationContext first = start(properties)) {
      assertEverythingDeployed(first);
      number = first.getBean(IssueFiling.class).file(new FilingRequest("10507", "finance-budget",
          "Trụ sở chưa bàn giao", "Nội dung", "Đã làm", null, "NORMAL"),
          new CurrentOfficial(THANH_DONG, Set.of("commune-10507")), null).number();
      Task task = task(first, number);
      taskId = task.getId();
      timers = timers(first, task);
      assertThat(timers).hasSize(3);
    }
    try (ConfigurableApplicationContext second = start(properties)) {
      Task task = task(second, number);
      assertThat(task.getId()).isEqualTo(taskId);
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_HandleAtLevel");
      assertThat(timers(second, task)).isEqualTo(timers);
      assertEverythingDeployed(second);
    }
  }

  private static ConfigurableApplicationContext start(String... properties) {
    // The port as an argument, which outranks application.yaml (a default property does not: its
    // ${SERVER_PORT:8080} won, and the test failed whenever 8080 was busy).
    return new SpringApplicationBuilder(ThongSuotApplication.class)
        .properties("camunda.bpm.job-execution.enabled=false")
        .properties(properties)
        .run("--server.port=0");
  }

  private static void assertEverythingDeployed(ConfigurableApplicationContext context) {
    RepositoryService repository = context.getBean(RepositoryService.class);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CommuneIssueEscalation")
        .count()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("LevelDeadline")
        .count()).isEqualTo(1);
  }

  private static Task task(ConfigurableApplicationContext context, String number) {
    return context.getBean(TaskService.class).createTaskQuery()
        .processInstanceBusinessKey(number).singleResult();
  }

  private static List<Instant> timers(ConfigurableApplicationContext context, Task task) {
    return context.getBean(ManagementService.class).createJobQuery()
        .processInstanceId(task.getProcessInstanceId()).timers().orderByJobDuedate().asc().list()
        .stream().map(Job::getDuedate).map(d -> d.toInstant()).toList();
  }
}
