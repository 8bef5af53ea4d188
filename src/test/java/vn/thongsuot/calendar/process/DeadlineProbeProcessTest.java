package vn.thongsuot.calendar.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thongsuot.calendar.WorkingDayCalendar;

/**
 * The deadline expressions inside a real engine (in-memory H2, no Spring): due date, reminder and
 * escalation timer of a task created on Friday 13 February 2026, the last working day before the
 * Tết 2026 break (14-22 February). 5 working days: 23, 24, 25, 26, 27 February; due Friday
 * 27 February 17:00 in Vietnam; reminder 2 working days earlier, Wednesday 25 February 17:00.
 */
class DeadlineProbeProcessTest {

  static final String PROCESS = "DeadlineProbe";
  static final String TASK = "Task_AnswerProbe";
  static final String REMINDER = "BoundaryEvent_ReminderDue";
  static final String DEADLINE = "BoundaryEvent_DeadlinePassed";
  static final String REMINDED = "EndEvent_Reminded";
  static final String ESCALATED = "EndEvent_Escalated";

  private static final Instant FRIDAY_BEFORE_TET = vietnam("2026-02-13T10:00");
  private static final Instant DUE = vietnam("2026-02-27T17:00");
  private static final Instant REMIND_AT = vietnam("2026-02-25T17:00");

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    WorkingDayCalendar calendar = WorkingDayCalendar.standard();
    Map<Object, Object> beans = new HashMap<>();
    beans.put("workingDayCalendar", calendar);
    beans.put("deadlines", new DeadlineExpressions(calendar));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("calendar-deadline-probe");
    configuration.setJdbcUrl("jdbc:h2:mem:calendar-deadline-probe;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setBeans(beans);
    engine = configuration.buildProcessEngine();
    AbstractAssertions.init(engine);
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("calendar/DeadlineProbe.bpmn").deploy();
  }

  @AfterAll
  static void stopEngine() {
    AbstractAssertions.reset();
    engine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fiveWorkingDaysFromTheFridayBeforeTetAreDueOnThe27thAndTheTimerFiresThen() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_BEFORE_TET));
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS, Map.of("workingDays", 5));

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(Date.from(DUE));
    assertThat(instance).isWaitingAt(TASK);

    ManagementService jobs = engine.getManagementService();
    // The reminder: not a minute early, then on time.
    ClockUtil.setCurrentTime(Date.from(REMIND_AT.minusSeconds(60)));
    assertThat(executableTimers(instance)).isEmpty();
    ClockUtil.setCurrentTime(Date.from(REMIND_AT));
    Job reminder = jobs.createJobQuery().processInstanceId(instance.getId()).activityId(REMINDER)
        .executable().singleResult();
    assertThat(reminder).isNotNull();
    jobs.executeJob(reminder.getId());
    assertThat(instance).hasPassed(REMINDED).isWaitingAt(TASK);

    // The escalation: nothing a minute before the deadline, the timer is due exactly at it.
    ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(60)));
    assertThat(executableTimers(instance)).isEmpty();
    ClockUtil.setCurrentTime(Date.from(DUE));
    List<Job> due = executableTimers(instance);
    assertThat(due).singleElement().satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(DUE)));
    jobs.executeJob(due.get(0).getId());
    assertThat(instance).hasPassed(DEADLINE, ESCALATED).hasNotPassed("EndEvent_Answered").isEnded();
  }

  @Test
  void answeringInTimeCancelsTheTimers() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_BEFORE_TET));
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS, Map.of("workingDays", 5));
    ClockUtil.setCurrentTime(Date.from(vietnam("2026-02-24T09:00")));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().complete(task.getId());
    assertThat(instance).hasPassed("EndEvent_Answered").hasNotPassed(REMINDED, ESCALATED).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  private static List<Job> executableTimers(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().executable().list();
  }

  private static Instant vietnam(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
