package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import vn.thongsuot.DemoAccounts;
import vn.thongsuot.escalation.process.CommuneIssueEscalationModel;
import vn.thongsuot.escalation.process.EscalationLevelModel;
import vn.thongsuot.system.CurrentOfficial;

/**
 * Drives issues the way officials and the clock do: file, answer tasks, let timers fire. Public for
 * the scenario tests of other features (notifications).
 */
public class EscalationDriver {

  public static final CurrentOfficial THANH_DONG =
      new CurrentOfficial(DemoAccounts.THANH_DONG, Set.of("commune-10507"));

  private final IssueFiling filing;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  public EscalationDriver(IssueFiling filing, TaskService tasks, RuntimeService runtime,
      ManagementService management) {
    this.filing = filing;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  public static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public String file(String field, String urgency) {
    return file("10507", field, urgency);
  }

  public String file(String communeCode, String field, String urgency) {
    return filing.file(new FilingRequest(communeCode, field, "Chưa rõ thẩm quyền quản lý trụ sở",
        "Trụ sở UBND phường cũ chưa được bàn giao sau sáp nhập.", "Đã gửi công văn cho sở.",
        "Nghị quyết 202/2025/QH15", urgency),
        new CurrentOfficial("cb.commune-" + communeCode, Set.of("commune-" + communeCode)), null).number();
  }

  public Task levelTask(String number) {
    return task(number, EscalationLevelModel.TASK_HANDLE_AT_LEVEL);
  }

  public Task task(String number, String activityId) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(activityId).active().list();
    assertThat(found).as("open tasks %s of %s", activityId, number).hasSize(1);
    return found.get(0);
  }

  public List<Task> openTasks(String number) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).active().list();
  }

  public void answer(String number, String outcome, String text, Object... extra) {
    Map<String, Object> variables = new HashMap<>(Map.of("outcome", outcome, "answer", text));
    for (int i = 0; i < extra.length; i += 2) {
      variables.put((String) extra[i], extra[i + 1]);
    }
    tasks.complete(levelTask(number).getId(), variables);
  }

  public void supplyInfo(String number, String text) {
    tasks.complete(task(number, EscalationLevelModel.TASK_SUPPLY_INFO).getId(),
        Map.of("suppliedInfo", text));
  }

  public void assess(String number, String assessment, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assessment", assessment);
    variables.put("assessmentComment", comment);
    tasks.complete(task(number, CommuneIssueEscalationModel.TASK_ASSESS_ANSWER).getId(), variables);
  }

  /** The timer job of an activity of this issue (parent or current level instance). */
  public Job timer(String number, String activityId) {
    List<Job> jobs = instances(number).stream()
        .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId())
            .activityId(activityId).timers().list().stream())
        .toList();
    assertThat(jobs).as("timer %s of %s", activityId, number).hasSize(1);
    return jobs.get(0);
  }

  public boolean hasTimer(String number, String activityId) {
    return instances(number).stream().anyMatch(pi -> management.createJobQuery()
        .processInstanceId(pi.getId()).activityId(activityId).timers().count() > 0);
  }

  /** Moves the engine clock to the timer's due date and lets it fire, as the job executor would. */
  public Instant fire(String number, String activityId) {
    Job job = timer(number, activityId);
    clockAt(job.getDuedate().toInstant());
    management.executeJob(job.getId());
    return job.getDuedate().toInstant();
  }

  public ProcessInstance issueInstance(String number) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(CommuneIssueEscalationModel.PROCESS_ID).singleResult();
  }

  private List<ProcessInstance> instances(String number) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list();
  }
}
