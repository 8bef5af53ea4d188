package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.LAM_DONG_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.escalation.EscalationDriver.clockAt;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.*;
import static vn.thongsuot.escalation.process.EscalationLevelModel.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * The escalation ladder, path by path: who gets each task, when its timers fire, where the issue
 * ends. Filing happens on Monday 23 November 2026 at 09:00 in Hà Nội time (no holiday until 2027).
 */
@AppTest
class CommuneIssueEscalationTest {

  static final Instant MONDAY_MORNING = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0,
      WorkingDayCalendar.VIETNAM).toInstant();

  @Autowired ProcessEngine engine;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IssueRecords records;
  @Autowired IssueWithdrawal withdrawal;
  @Autowired DeadlineExtension extension;
  @Autowired WorkingDayCalendar calendar;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  EscalationDriver issues;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clockAt(MONDAY_MORNING);
    issues = new EscalationDriver(filing, tasks, runtime, management);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Instant at17(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(17, 0).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }

  static List<String> candidateGroups(TaskService tasks, Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  @Test
  void departmentOfTheFieldInTheCommunesProvinceGetsTheIssueFirst() {
    String number = issues.file("finance-budget", "NORMAL");

    assertThat(number).matches("VM-2026-31-\\d{6}");
    Task task = issues.levelTask(number);
    assertThat(candidateGroups(tasks, task)).containsExactly("province-31-finance");
    assertThat(task.getName()).isEqualTo(number + " · Phường Thành Đông · Sở Tài chính hướng dẫn");
    // 7 working days: Tue 24 Nov ... Wed 2 Dec, at 17:00 in Vietnam.
    assertThat(task.getDueDate().toInstant()).isEqualTo(at17(2026, 12, 2));
    assertThat(task.getFollowUpDate().toInstant()).isEqualTo(at17(2026, 11, 30));
    assertThat(issues.timer(number, BOUNDARY_REMINDER_DUE).getDuedate().toInstant())
        .isEqualTo(at17(2026, 11, 30));
    assertThat(issues.timer(number, BOUNDARY_DEADLINE_PASSED).getDuedate().toInstant())
        .isEqualTo(at17(2026, 12, 2));
    assertThat(issues.timer(number, BOUNDARY_NO_ANSWER).getDuedate().toInstant())
        .isEqualTo(at17(2026, 12, 7));
    assertThat(tasks.getVariable(task.getId(), "legalBasis").toString()).contains("202-KL/TW");
    assertThat(tasks.getVariableLocal(task.getId(), "escalatedForNoAnswer")).isEqualTo(false);
    assertThat(formKeyOf(task)).isEqualTo("DepartmentGuidanceForm");
  }

  /**
   * A working day ends at 17:00 (thongsuot.calendar.end-of-day, docs/calendar.md "When a day ends"):
   * an answer at 16:59 on the last day is on time, one at 17:01 is late, the overdue timer fires at
   * 17:00 sharp, and the form says the hour and the date.
   */
  @Test
  void anAnswerBefore1700OnTheLastDayIsOnTimeAndOneAfterIsLate() {
    String early = issues.file("finance-budget", "NORMAL");
    String late = issues.file("finance-budget", "NORMAL");
    Task task = issues.levelTask(early);
    assertThat(task.getDueDate().toInstant()).isEqualTo(at17(2026, 12, 2));
    assertThat(issues.timer(early, BOUNDARY_DEADLINE_PASSED).getDuedate().toInstant()).isEqualTo(at17(2026, 12, 2));
    assertThat((String) tasks.getVariableLocal(task.getId(), "deadlineText")).startsWith("17:00 ngày 02/12/2026, giờ Việt Nam");

    clockAt(at17(2026, 12, 2).minusSeconds(60));
    issues.answer(early, "GUIDANCE_GIVEN", "Hướng dẫn trước giờ hết hạn.");
    clockAt(at17(2026, 12, 2).plusSeconds(60));
    issues.answer(late, "GUIDANCE_GIVEN", "Hướng dẫn sau giờ hết hạn.");

    assertThat(onTime(early)).isTrue();
    assertThat(onTime(late)).isFalse();
  }

  private Boolean onTime(String number) {
    return jdbc.queryForObject("SELECT on_time FROM ts_level_visit WHERE issue_number = ? AND stage = 'DEPARTMENT'",
        Boolean.class, number);
  }

  @Test
  void urgentIssuesGetTheShortDeadline() {
    String number = issues.file("health", "URGENT");

    Task task = issues.levelTask(number);
    assertThat(candidateGroups(tasks, task)).containsExactly("province-31-health");
    assertThat(task.getDueDate().toInstant()).isEqualTo(at17(2026, 11, 26));
  }

  @Test
  void administrativeProceduresGoToTheProvincialOfficeThenTheGovernmentOffice() {
    String number = issues.file("administrative-procedures", "NORMAL");
    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("province-31-office");

    issues.answer(number, "EXCEEDS_DEPARTMENT", "Vượt thẩm quyền");
    issues.answer(number, "REFER_TO_MINISTRY", "Kiến nghị Văn phòng Chính phủ");
    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("government-office");
  }

  @Test
  void resolvedWhenTheCommuneSaysTheDepartmentsGuidanceRemovedTheObstacle() {
    String number = issues.file("finance-budget", "NORMAL");
    issues.answer(number, "GUIDANCE_GIVEN", "Áp dụng Thông tư 10/2025/TT-BTC, điều 5.");

    Task assessment = issues.task(number, TASK_ASSESS_ANSWER);
    assertThat(candidateGroups(tasks, assessment)).containsExactly("commune-10507");
    IssueRecord waiting = records.find(number).orElseThrow();
    assertThat(waiting.currentLevel()).isEqualTo("COMMUNE_ASSESSMENT");
    assertThat(waiting.currentGroup()).isEqualTo("commune-10507");
    assertThat(waiting.deadline()).isEqualTo(assessment.getDueDate().toInstant());
    assertThat(tasks.getVariable(assessment.getId(), "timelineText").toString())
        .contains("Áp dụng Thông tư 10/2025/TT-BTC", "Sở Tài chính Thành phố Hải Phòng");
    issues.assess(number, "REMOVED", null);

    assertThat(issues.openTasks(number)).isEmpty();
    assertThat(records.find(number).orElseThrow().status()).isEqualTo(IssueStatus.RESOLVED);
    assertThat(history.createHistoricActivityInstanceQuery().activityId(END_OBSTACLE_REMOVED).count())
        .isGreaterThanOrEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().activityId(CALL_PROVINCIAL_DECISION)
        .processInstanceId(issueInstanceId(number)).count()).isZero();
  }

  @Test
  void escalatesToProvincialCommitteeWhenDepartmentDeadlinePasses() {
    String number = issues.file("land", "NORMAL");
    assertThat(candidateGroups(tasks, issues.levelTask(number)))
        .containsExactly("province-31-agriculture-environment");

    assertThat(issues.fire(number, BOUNDARY_REMINDER_DUE)).isEqualTo(at17(2026, 11, 30));
    assertThat(issues.levelTask(number).getTaskDefinitionKey()).isEqualTo(TASK_HANDLE_AT_LEVEL);
    assertThat(issues.fire(number, BOUNDARY_DEADLINE_PASSED)).isEqualTo(at17(2026, 12, 2));
    assertThat(records.find(number).orElseThrow().overdue()).isTrue();
    // Consult first: overdue is not enough, the department keeps the issue until escalation.
    assertThat(candidateGroups(tasks, issues.levelTask(number)))
        .containsExactly("province-31-agriculture-environment");

    assertThat(issues.fire(number, BOUNDARY_NO_ANSWER)).isEqualTo(at17(2026, 12, 7));

    Task committee = issues.levelTask(number);
    assertThat(candidateGroups(tasks, committee)).containsExactly("province-31-committee");
    assertThat(tasks.getVariableLocal(committee.getId(), "escalatedForNoAnswer")).isEqualTo(true);
    // 10 working days from Mon 7 Dec 17:00: Tue 8 ... Mon 21 Dec.
    assertThat(committee.getDueDate().toInstant()).isEqualTo(at17(2026, 12, 21));
    assertThat(records.timeline(number)).extracting(TimelineEvent::type).containsSubsequence(
        EventType.FILED, EventType.ASSIGNED, EventType.REMINDER, EventType.DEADLINE_PASSED,
        EventType.ESCALATED_NO_ANSWER, EventType.ASSIGNED);
  }

  @Test
  void moreInformationPausesTheDepartmentClockAndResumesWithTheDaysLeft() {
    String number = issues.file("finance-budget", "NORMAL");
    // Wednesday 25 Nov: 5 working days remain until Wed 2 Dec (Thu, Fri, Mon, Tue, Wed).
    clockAt(ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant());
    issues.answer(number, "MORE_INFO", "Đề nghị gửi biên bản bàn giao trụ sở.");

    Task supply = issues.task(number, TASK_SUPPLY_INFO);
    assertThat(candidateGroups(tasks, supply)).containsExactly("commune-10507");
    assertThat(records.find(number).orElseThrow().currentLevel()).isEqualTo("COMMUNE_INFO");
    assertThat(tasks.getVariable(supply.getId(), "infoRequest")).isEqualTo("Đề nghị gửi biên bản bàn giao trụ sở.");
    assertThat(issues.hasTimer(number, BOUNDARY_NO_ANSWER)).isFalse();

    // The commune answers a week later, Wednesday 2 Dec: the old deadline has gone by.
    clockAt(ZonedDateTime.of(2026, 12, 2, 15, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant());
    issues.supplyInfo(number, "Đã gửi biên bản số 12/BB-UBND.");

    Task resumed = issues.levelTask(number);
    assertThat(candidateGroups(tasks, resumed)).containsExactly("province-31-finance");
    // 5 working days from Wed 2 Dec: Thu 3, Fri 4, Mon 7, Tue 8, Wed 9 Dec.
    assertThat(resumed.getDueDate().toInstant()).isEqualTo(at17(2026, 12, 9));
    assertThat(issues.timer(number, BOUNDARY_NO_ANSWER).getDuedate().toInstant())
        .isEqualTo(at17(2026, 12, 14));
    assertThat(tasks.getVariable(resumed.getId(), "outcome")).isNull();
    assertThat(records.timeline(number)).extracting(TimelineEvent::type)
        .containsSubsequence(EventType.INFO_REQUESTED, EventType.INFO_SUPPLIED);
    assertThat(records.timeline(number).stream().filter(e -> e.type() == EventType.INFO_REQUESTED)
        .findFirst().orElseThrow().text()).contains("còn 5 ngày làm việc");
  }

  @Test
  void notRemovedAfterGuidanceGoesToTheProvincialCommitteeThenTheMinistry() {
    String number = issues.file("construction-planning", "NORMAL");
    issues.answer(number, "GUIDANCE_GIVEN", "Hướng dẫn theo Luật Quy hoạch đô thị.");
    issues.assess(number, "NOT_REMOVED", "Hướng dẫn chưa giải quyết việc điều chỉnh quy hoạch.");

    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("province-31-committee");
    assertThat(tasks.getVariableLocal(issues.levelTask(number).getId(), "escalatedForNoAnswer")).isEqualTo(false);
    issues.answer(number, "REFER_TO_MINISTRY", "Đề nghị Bộ Xây dựng hướng dẫn.");

    Task ministry = issues.levelTask(number);
    assertThat(candidateGroups(tasks, ministry)).containsExactly("ministry-construction");
    assertThat(formKeyOf(ministry)).isEqualTo("MinistryHandlingForm");
    String timeline = tasks.getVariable(ministry.getId(), "timelineText").toString();
    assertThat(timeline).contains("Hướng dẫn theo Luật Quy hoạch đô thị.",
        "Hướng dẫn chưa giải quyết việc điều chỉnh quy hoạch.", "Đề nghị Bộ Xây dựng hướng dẫn.");
  }

  @Test
  void ministryResolvesAndTheCommuneConfirms() {
    String number = toMinistry("education-training");
    issues.answer(number, "RESOLVED", "Bộ ban hành hướng dẫn số 1/HD-BGDĐT.");
    issues.assess(number, "REMOVED", null);

    assertThat(records.find(number).orElseThrow().status()).isEqualTo(IssueStatus.RESOLVED);
    assertThat(issues.openTasks(number)).isEmpty();
  }

  @Test
  void ministryNeedsAGovernmentDecisionWhichTheGovernmentOfficeTakes() {
    String number = toMinistry("organisation-staff");
    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("ministry-home-affairs");
    issues.answer(number, "NEEDS_GOVERNMENT", "Cần Thủ tướng quyết định.");

    Task government = issues.levelTask(number);
    assertThat(candidateGroups(tasks, government)).containsExactly("government-office");
    // "Resolved immediately": the shortest deadline of the ladder, 2 working days (Tue 24, Wed 25 Nov).
    assertThat(government.getDueDate().toInstant()).isEqualTo(at17(2026, 11, 25));
    issues.answer(number, "DECIDED", "Quyết định số 5/QĐ-TTg.");
    issues.assess(number, "REMOVED", null);
    assertThat(records.find(number).orElseThrow().status()).isEqualTo(IssueStatus.RESOLVED);
  }

  @Test
  void governmentOfficeWithoutAnswerGetsTheIssueAgainWithANewDeadline() {
    String number = toMinistry("health");
    issues.answer(number, "NEEDS_GOVERNMENT", "Cần Chính phủ quyết định.");
    issues.fire(number, BOUNDARY_REMINDER_DUE);
    issues.fire(number, BOUNDARY_DEADLINE_PASSED);
    Instant escalated = issues.fire(number, BOUNDARY_NO_ANSWER);

    Task again = issues.levelTask(number);
    assertThat(candidateGroups(tasks, again)).containsExactly("government-office");
    assertThat(again.getDueDate().toInstant()).isEqualTo(calendar.deadline(escalated, 2));
    assertThat(tasks.getVariableLocal(again.getId(), "escalatedForNoAnswer")).isEqualTo(true);
  }

  @Test
  void lawChangeWaitsForTheNationalAssemblySessionThenReturnsToTheMinistry() {
    String number = toMinistry("legal-documents");
    issues.answer(number, "NEEDS_LAW_CHANGE", "Cần sửa Luật Tổ chức chính quyền địa phương.");

    Task assembly = issues.levelTask(number);
    assertThat(candidateGroups(tasks, assembly)).containsExactly("national-assembly");
    assertThatThrownBy(() -> issues.answer(number, "ON_AGENDA", "Kỳ họp thứ 11"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Ngày bế mạc kỳ họp");
    issues.answer(number, "ON_AGENDA", "Đưa vào kỳ họp thứ 11.", "sessionEndDate", "2027-06-30");

    assertThat(issues.openTasks(number)).isEmpty();
    assertThat(records.find(number).orElseThrow().currentLevel()).isEqualTo("NATIONAL_ASSEMBLY_SESSION");
    assertThat(issues.fire(number, TIMER_SESSION_ENDED)).isEqualTo(at17(2027, 6, 30));
    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("ministry-justice");
  }

  @Test
  void aRoadmapAsksTheMinistryForProgressAtItsFollowUpDate() {
    String number = toMinistry("digital-science-technology");
    issues.answer(number, "ROADMAP", "Nâng cấp hệ thống theo 3 giai đoạn.",
        "roadmapTargetDate", "2027-12-31");

    IssueRecord waiting = records.find(number).orElseThrow();
    assertThat(waiting.currentLevel()).isEqualTo("ROADMAP");
    assertThat(waiting.currentGroup()).isEqualTo("ministry-science-technology");
    assertThat(waiting.deadline()).isEqualTo(at17(2026, 12, 21));
    // 20 working days after Mon 23 Nov: Mon 21 Dec 2026, sooner than the target date.
    assertThat(issues.fire(number, TIMER_ROADMAP_PROGRESS_DUE)).isEqualTo(at17(2026, 12, 21));
    assertThat(candidateGroups(tasks, issues.levelTask(number)))
        .containsExactly("ministry-science-technology");
  }

  @Test
  void notRemovedAfterTheMinistrysAnswerGoesToTheGovernment() {
    String number = toMinistry("industry-trade");
    issues.answer(number, "RESOLVED", "Đã có hướng dẫn.");
    issues.assess(number, "NOT_REMOVED", "Hướng dẫn không áp dụng được.");
    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("government-office");
  }

  @Test
  void notRemovedAfterTheProvincesDecisionGoesToTheMinistry() {
    String number = issues.file("culture-sports-tourism", "NORMAL");
    issues.answer(number, "EXCEEDS_DEPARTMENT", "Vượt thẩm quyền của sở.");
    issues.answer(number, "RESOLVED", "UBND tỉnh quyết định giao di tích cho xã quản lý.");
    issues.assess(number, "NOT_REMOVED", "Chưa có kinh phí.");
    assertThat(candidateGroups(tasks, issues.levelTask(number)))
        .containsExactly("ministry-culture-sports-tourism");
  }

  @Test
  void ministryWithoutAnswerEscalatesToTheGovernmentOffice() {
    String number = toMinistry("agriculture-environment");
    issues.fire(number, BOUNDARY_REMINDER_DUE);
    issues.fire(number, BOUNDARY_DEADLINE_PASSED);
    issues.fire(number, BOUNDARY_NO_ANSWER);
    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("government-office");
  }

  @Test
  void provincialCommitteeWithoutAnswerEscalatesToTheMinistry() {
    String number = issues.file("public-assets", "NORMAL");
    issues.answer(number, "EXCEEDS_DEPARTMENT", "Vượt thẩm quyền.");
    issues.fire(number, BOUNDARY_NO_ANSWER);
    Task ministry = issues.levelTask(number);
    assertThat(candidateGroups(tasks, ministry)).containsExactly("ministry-finance");
    assertThat(tasks.getVariableLocal(ministry.getId(), "escalatedForNoAnswer")).isEqualTo(true);
  }

  @Test
  void nationalAssemblyWithoutAnswerGetsTheIssueAgain() {
    String number = toMinistry("legal-documents");
    issues.answer(number, "NEEDS_LAW_CHANGE", "Cần sửa luật.");
    issues.fire(number, BOUNDARY_NO_ANSWER);
    assertThat(candidateGroups(tasks, issues.levelTask(number))).containsExactly("national-assembly");
  }

  @Test
  void theCommuneIsRemindedToAssessAnAnswer() {
    String number = issues.file("finance-budget", "NORMAL");
    issues.answer(number, "GUIDANCE_GIVEN", "Hướng dẫn.");
    Task assessment = issues.task(number, TASK_ASSESS_ANSWER);
    // 5 working days from Mon 23 Nov: Mon 30 Nov; reminder 2 working days before: Thu 26 Nov.
    assertThat(assessment.getDueDate().toInstant()).isEqualTo(at17(2026, 11, 30));
    assertThat(issues.fire(number, BOUNDARY_ASSESSMENT_REMINDER)).isEqualTo(at17(2026, 11, 26));
    assertThat(records.timeline(number)).extracting(TimelineEvent::type).endsWith(EventType.REMINDER);
    assertThat(issues.task(number, TASK_ASSESS_ANSWER).getId()).isEqualTo(assessment.getId());
  }

  @Test
  void theCommuneIsRemindedToSupplyInformation() {
    String number = issues.file("finance-budget", "NORMAL");
    issues.answer(number, "MORE_INFO", "Gửi thêm hồ sơ.");
    issues.fire(number, BOUNDARY_INFO_REMINDER_DUE);
    assertThat(records.timeline(number)).extracting(TimelineEvent::type).endsWith(EventType.REMINDER);
  }

  @Test
  void theCommuneWithdrawsTheIssueWhereverItIs() {
    String number = toMinistry("health");
    withdrawal.withdraw(number, "Xã đã tự giải quyết được.", EscalationDriver.THANH_DONG);

    assertThat(issues.openTasks(number)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    IssueRecord issue = records.find(number).orElseThrow();
    assertThat(issue.status()).isEqualTo(IssueStatus.WITHDRAWN);
    assertThat(records.timeline(number)).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.WITHDRAWN);
      assertThat(e.text()).isEqualTo("Xã đã tự giải quyết được.");
      assertThat(e.actor()).isEqualTo(THANH_DONG);
    });
  }

  @Test
  void anotherCommuneCannotWithdrawTheIssue() {
    String number = issues.file("health", "NORMAL");
    CurrentOfficial haiDuong = new CurrentOfficial(HAI_DUONG, Set.of("commune-10525"));
    assertThatThrownBy(() -> withdrawal.withdraw(number, "Rút", haiDuong))
        .isInstanceOf(RejectedRequest.class).hasMessageContaining("Không có vướng mắc số " + number)
        .satisfies(e -> assertThat(((RejectedRequest) e).reason()).as("another commune cannot even see it")
            .isEqualTo(RejectedRequest.Reason.NOT_FOUND));
    assertThat(issues.levelTask(number)).isNotNull();
  }

  @Test
  void aSupervisorExtendsTheDeadlineAndTheTimersMoveWithIt() {
    String number = issues.file("finance-budget", "NORMAL");
    CurrentOfficial supervisor = new CurrentOfficial(PROVINCE_SUPERVISOR, Set.of("supervisor-province-31"));

    Instant extended = extension.extend(number, 3, "Chờ kết quả kiểm kê tài sản.", supervisor);

    // Wed 2 Dec + 3 working days = Mon 7 Dec; reminder Thu 3 Dec; escalation Thu 10 Dec.
    assertThat(extended).isEqualTo(at17(2026, 12, 7));
    Task task = issues.levelTask(number);
    assertThat(task.getDueDate().toInstant()).isEqualTo(at17(2026, 12, 7));
    assertThat(issues.timer(number, BOUNDARY_REMINDER_DUE).getDuedate().toInstant()).isEqualTo(at17(2026, 12, 3));
    assertThat(issues.timer(number, BOUNDARY_DEADLINE_PASSED).getDuedate().toInstant()).isEqualTo(at17(2026, 12, 7));
    assertThat(issues.timer(number, BOUNDARY_NO_ANSWER).getDuedate().toInstant()).isEqualTo(at17(2026, 12, 10));
    assertThat(records.find(number).orElseThrow().deadline()).isEqualTo(at17(2026, 12, 7));
    // Camunda's audit log names the supervisor for the moved timers and the task's due date.
    assertThat(history.createUserOperationLogQuery().userId(PROVINCE_SUPERVISOR)
        .taskId(task.getId()).property("dueDate").count()).isEqualTo(1);
    assertThat(history.createUserOperationLogQuery().userId(PROVINCE_SUPERVISOR)
        .operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_SET_DUEDATE)
        .processInstanceId(task.getProcessInstanceId()).count()).isEqualTo(3);
    assertThat(records.timeline(number)).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.DEADLINE_EXTENDED);
      assertThat(e.actor()).isEqualTo(PROVINCE_SUPERVISOR);
      assertThat(e.text()).contains("Chờ kết quả kiểm kê tài sản.");
    });
  }

  @Test
  void aSupervisorOfAnotherProvinceCannotExtend() {
    String number = issues.file("finance-budget", "NORMAL");
    CurrentOfficial lamDong = new CurrentOfficial(LAM_DONG_SUPERVISOR, Set.of("supervisor-province-68"));
    assertThatThrownBy(() -> extension.extend(number, 3, "Lý do", lamDong))
        .isInstanceOf(RejectedRequest.class)
        .satisfies(e -> assertThat(((RejectedRequest) e).reason()).as("out of its scope: as if it did not exist")
            .isEqualTo(RejectedRequest.Reason.NOT_FOUND));
    assertThat(issues.levelTask(number).getDueDate().toInstant()).isEqualTo(at17(2026, 12, 2));
  }

  @Test
  void anAnswerWithoutTextOrWithAnOutcomeOfAnotherLevelIsRefusedAndChangesNothing() {
    String number = issues.file("finance-budget", "NORMAL");
    Task before = issues.levelTask(number);

    assertThatThrownBy(() -> issues.answer(number, "GUIDANCE_GIVEN", "  "))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Nội dung trả lời không được để trống");
    assertThatThrownBy(() -> issues.answer(number, "NEEDS_GOVERNMENT", "Trình Chính phủ"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Chọn ý kiến của đơn vị");

    assertThat(issues.levelTask(number).getId()).isEqualTo(before.getId());
    assertThat(records.timeline(number)).extracting(TimelineEvent::type)
        .containsExactly(EventType.FILED, EventType.ASSIGNED);
  }

  @Test
  void notRemovedNeedsAReason() {
    String number = issues.file("finance-budget", "NORMAL");
    issues.answer(number, "GUIDANCE_GIVEN", "Hướng dẫn.");
    assertThatThrownBy(() -> issues.assess(number, "NOT_REMOVED", ""))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("vì sao chưa tháo gỡ");
  }

  @Test
  void theWholeLadderIsRecordedInTheTimelineInOrder() {
    String number = toMinistry("finance-budget");
    List<TimelineEvent> timeline = records.timeline(number);
    assertThat(timeline).extracting(TimelineEvent::unitGroup).containsSubsequence(
        "commune-10507", "province-31-finance", "province-31-committee", "ministry-finance");
    ProcessInstance instance = issues.issueInstance(number);
    assertThat(instance).isWaitingAt(CALL_MINISTRY_HANDLING);
    assertThat(instance).hasPassed(CALL_DEPARTMENT_GUIDANCE, CALL_PROVINCIAL_DECISION);
  }

  private String toMinistry(String field) {
    String number = issues.file(field, "NORMAL");
    issues.answer(number, "EXCEEDS_DEPARTMENT", "Vượt thẩm quyền của sở.");
    issues.answer(number, "REFER_TO_MINISTRY", "Kiến nghị bộ.");
    return number;
  }

  private String issueInstanceId(String number) {
    return records.find(number).orElseThrow().processInstanceId();
  }

  private String formKeyOf(Task task) {
    return engine.getFormService().getTaskFormData(task.getId()).getCamundaFormRef().getKey();
  }
}
