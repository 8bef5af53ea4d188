package vn.thongsuot.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.escalation.EscalationDriver.clockAt;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.BOUNDARY_ASSESSMENT_REMINDER;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.TASK_ASSESS_ANSWER;
import static vn.thongsuot.escalation.process.EscalationLevelModel.*;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.IssueWithdrawal;
import vn.thongsuot.escalation.TimelineEvent;
import vn.thongsuot.escalation.VietnameseDates;
import vn.thongsuot.notification.process.MailDeliveryModel;

/**
 * Who gets which mail with what content, event by event: issues filed on Monday 23 November 2026
 * at 09:00 in Hà Nội time, timers fired by moving the engine clock, and the MailDelivery jobs
 * executed as the job executor would, against a real SMTP server (GreenMail).
 */
@AppTest
class NotificationTest {

  static final Instant MONDAY_MORNING = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0,
      WorkingDayCalendar.VIETNAM).toInstant();
  static final String BASE = "http://localhost:8080";
  static final String FINANCE = "Sở Tài chính Thành phố Hải Phòng";
  static final String AGRICULTURE = "Sở Nông nghiệp và Môi trường Thành phố Hải Phòng";
  /** Legal basis of the DMN row COMMUNE_ASSESSMENT (IssueRouting.dmn). */
  static final String ASSESSMENT_BASIS = "Xã đánh giá ý kiến trả lời đã tháo gỡ được vướng mắc hay chưa";

  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired IssueRecords records;
  @Autowired IssueWithdrawal withdrawal;
  @Autowired NotificationOutbox outbox;
  @Autowired Notifications notifications;

  EscalationDriver issues;
  final List<String> extraUsers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    TestSmtp.restart();
    clockAt(MONDAY_MORNING);
    issues = new EscalationDriver(filing, tasks, runtime, management);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    TestSmtp.restart();
    extraUsers.forEach(identity::deleteUser);
  }

  /** A text as {@link Mail#text()} gives it: the legal-basis block's lines read as one. */
  static String asRead(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /** One received mail: to whom, subject, and the body as the reader sees it (tags stripped). */
  record Mail(String to, String subject, String html) {
    String text() {
      return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }
  }

  @Test
  void theDepartmentsMembersGetOneMailForTheirNewTask() throws Exception {
    official("test.finance.hoa", "hoa@stc.haiphong.test", "province-31-finance");
    official("test.finance.nomail", null, "province-31-finance");
    String number = issues.file("finance-budget", "NORMAL");

    List<Mail> mails = deliver(number);

    assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrder(
        "cb.province-31-finance@demo.thongsuot.vn", "hoa@stc.haiphong.test");
    Task task = issues.levelTask(number);
    for (Mail mail : mails) {
      assertThat(mail.subject()).isEqualTo("[" + number + "] Nhiệm vụ mới: " + FINANCE + " xử lý vướng mắc");
      assertThat(mail.text()).contains(number, FINANCE, "Phường Thành Đông",
          "17:00 ngày 02/12/2026, giờ Việt Nam", "còn 7 ngày làm việc", "202-KL/TW",
          BASE + "/camunda/app/tasklist/default/#/?task=" + task.getId(), BASE + "/api/issues/" + number)
          .doesNotContain("Tạm tính");
    }
    // The official without an address is skipped, and nobody else (the commune filing) is mailed.
    assertThat(outbox.ofIssue(number)).extracting(Notification::userId)
        .containsExactlyInAnyOrder(FINANCE_DEPARTMENT, "test.finance.hoa");
    assertThat(outbox.ofIssue(number)).allSatisfy(n -> assertThat(n.status()).isEqualTo(Notification.Status.SENT));
  }

  @Test
  void aDeadlineCountedAcrossAnUnannouncedTetIsMarkedProvisionalInTheMail() throws Exception {
    clockAt(ZonedDateTime.of(2027, 1, 28, 9, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant());
    String number = issues.file("finance-budget", "NORMAL");

    List<Mail> mails = deliver(number);

    assertThat(mails).isNotEmpty().allSatisfy(mail -> assertThat(mail.text()).contains(
        "17:00 ngày 15/02/2027, giờ Việt Nam", "Tạm tính",
        "Thời hạn tạm tính theo Bộ luật Lao động, chờ thông báo nghỉ Tết chính thức",
        "quy ước của hệ thống Thông suốt, không phải quy định của pháp luật",
        "Căn cứ: ", "Quy định của hệ thống: "));
  }

  @Test
  void reminderGoesToTheUnitThenDeadlineToTheAssigneeAndSupervisorAndEscalationToEveryone() throws Exception {
    official("test.agri.lan", "lan@snnmt.haiphong.test", "province-31-agriculture-environment");
    String number = issues.file("land", "NORMAL");
    deliver(number);
    String basis = asRead(records.find(number).orElseThrow().legalBasis());
    assertThat(basis).isNotBlank();

    issues.fire(number, BOUNDARY_REMINDER_DUE);
    List<Mail> reminders = deliver(number);
    assertThat(reminders).extracting(Mail::to).containsExactlyInAnyOrder(
        "cb.province-31-agriculture-environment@demo.thongsuot.vn", "lan@snnmt.haiphong.test");
    assertThat(reminders).allSatisfy(mail -> {
      assertThat(mail.subject()).isEqualTo("[" + number + "] Nhắc hạn: " + AGRICULTURE
          + ", hạn 17:00 ngày 02/12/2026");
      assertThat(mail.text()).contains("còn 2 ngày làm việc", basis,
          "?task=" + issues.levelTask(number).getId(), "/api/issues/" + number);
    });

    // Lan claims the task: from now on the deadline notice goes to her, not to the whole unit.
    tasks.claim(issues.levelTask(number).getId(), "test.agri.lan");
    issues.fire(number, BOUNDARY_DEADLINE_PASSED);
    Map<String, Mail> overdue = byRecipient(deliver(number));
    assertThat(overdue.keySet()).containsExactlyInAnyOrder(
        "lan@snnmt.haiphong.test", "cb.supervisor-province-31@demo.thongsuot.vn");
    for (Mail mail : overdue.values()) {
      assertThat(mail.subject()).isEqualTo("[" + number + "] Quá hạn xử lý: " + AGRICULTURE);
      assertThat(mail.text()).contains(number, AGRICULTURE, "17:00 ngày 02/12/2026",
          "đến hạn trong ngày làm việc này", basis, "/api/issues/" + number);
    }
    assertThat(overdue.get("lan@snnmt.haiphong.test").text())
        .contains("cơ quan giám sát đã được báo", "?task=" + issues.levelTask(number).getId());
    assertThat(overdue.get("cb.supervisor-province-31@demo.thongsuot.vn").text())
        .contains("Kính gửi cơ quan giám sát").doesNotContain("tasklist");

    issues.fire(number, BOUNDARY_NO_ANSWER);
    Map<String, Mail> escalation = byRecipient(deliver(number));
    assertThat(escalation.keySet()).containsExactlyInAnyOrder(
        "cb.province-31-agriculture-environment@demo.thongsuot.vn", "lan@snnmt.haiphong.test",
        "cb.supervisor-province-31@demo.thongsuot.vn", "cb.supervisor-central@demo.thongsuot.vn",
        "cb.province-31-committee@demo.thongsuot.vn");
    Task committeeTask = issues.levelTask(number);
    for (String missed : List.of("cb.province-31-agriculture-environment@demo.thongsuot.vn",
        "lan@snnmt.haiphong.test", "cb.supervisor-province-31@demo.thongsuot.vn",
        "cb.supervisor-central@demo.thongsuot.vn")) {
      Mail mail = escalation.get(missed);
      assertThat(mail.subject()).isEqualTo("[" + number + "] Chuyển lên cấp trên do " + AGRICULTURE
          + " không trả lời");
      // 17:00 Mon 7 Dec: three working days after the deadline; the committee has until 21 Dec.
      assertThat(mail.text()).contains("17:00 ngày 02/12/2026", "quá hạn 3 ngày làm việc", basis,
          "UBND Thành phố Hải Phòng", "17:00 ngày 21/12/2026", "/api/issues/" + number);
    }
    Mail committee = escalation.get("cb.province-31-committee@demo.thongsuot.vn");
    assertThat(committee.subject()).isEqualTo("[" + number
        + "] Chuyển lên do cấp dưới quá hạn: UBND Thành phố Hải Phòng xử lý");
    assertThat(committee.text()).contains("17:00 ngày 21/12/2026", "còn 10 ngày làm việc",
        asRead(records.find(number).orElseThrow().legalBasis()), "?task=" + committeeTask.getId());
  }

  @Test
  void theCommuneIsAskedForInformationAndTheDepartmentToldWhenItArrives() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    deliver(number);
    clockAt(ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant());
    issues.answer(number, "MORE_INFO", "Đề nghị gửi biên bản bàn giao trụ sở.");

    List<Mail> request = deliver(number);
    Task supply = issues.task(number, TASK_SUPPLY_INFO);
    assertThat(request).extracting(Mail::to).containsExactly("cb.commune-10507@demo.thongsuot.vn");
    assertThat(request.get(0).subject()).isEqualTo("[" + number + "] " + FINANCE
        + " đề nghị xã bổ sung thông tin");
    assertThat(request.get(0).text()).contains("Đề nghị gửi biên bản bàn giao trụ sở.", FINANCE,
        VietnameseDates.dateTime(supply.getDueDate().toInstant()),
        asRead(records.find(number).orElseThrow().legalBasis()), "?task=" + supply.getId());

    clockAt(ZonedDateTime.of(2026, 12, 2, 15, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant());
    issues.supplyInfo(number, "Đã gửi biên bản số 12/BB-UBND.");
    List<Mail> resumed = deliver(number);
    assertThat(resumed).extracting(Mail::to).containsExactly("cb.province-31-finance@demo.thongsuot.vn");
    assertThat(resumed.get(0).subject()).isEqualTo("[" + number + "] Xã đã bổ sung thông tin: "
        + FINANCE + " tiếp tục xử lý");
    assertThat(resumed.get(0).text()).contains("Đã gửi biên bản số 12/BB-UBND.",
        "17:00 ngày 09/12/2026", "còn 5 ngày làm việc", "?task=" + issues.levelTask(number).getId());
  }

  @Test
  void theCommuneHearsTheAnswerIsAskedToAssessAndHearsTheIssueIsClosed() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    deliver(number);
    issues.answer(number, "GUIDANCE_GIVEN", "Áp dụng Thông tư 10/2025/TT-BTC, điều 5.");

    List<Mail> answered = deliver(number);
    Task assessment = issues.task(number, TASK_ASSESS_ANSWER);
    assertThat(answered).extracting(Mail::to).containsExactly("cb.commune-10507@demo.thongsuot.vn");
    assertThat(answered.get(0).subject()).isEqualTo("[" + number + "] " + FINANCE
        + " đã trả lời: Đã hướng dẫn tháo gỡ");
    assertThat(answered.get(0).text()).contains("Áp dụng Thông tư 10/2025/TT-BTC, điều 5.",
        "đánh giá ý kiến trả lời", VietnameseDates.dateTime(assessment.getDueDate().toInstant()),
        "ngày làm việc", "?task=" + assessment.getId(), "/api/issues/" + number);
    assertThat(answered.get(0).text()).contains("17:00 ngày 30/11/2026", "còn 5 ngày làm việc",
        ASSESSMENT_BASIS);

    // The commune's own task is reminded too, with its own deadline and legal basis.
    issues.fire(number, BOUNDARY_ASSESSMENT_REMINDER);
    List<Mail> reminder = deliver(number);
    assertThat(reminder).extracting(Mail::to).containsExactly("cb.commune-10507@demo.thongsuot.vn");
    assertThat(reminder.get(0).subject()).isEqualTo("[" + number
        + "] Nhắc hạn: UBND Phường Thành Đông, hạn 17:00 ngày 30/11/2026");
    assertThat(reminder.get(0).text()).contains("còn 2 ngày làm việc", ASSESSMENT_BASIS,
        "?task=" + assessment.getId());

    issues.assess(number, "REMOVED", null);
    List<Mail> resolved = deliver(number);
    assertThat(resolved).extracting(Mail::to).containsExactly("cb.commune-10507@demo.thongsuot.vn");
    assertThat(resolved.get(0).subject()).isEqualTo("[" + number + "] Vướng mắc đã được tháo gỡ");
    assertThat(resolved.get(0).text()).contains(number, FINANCE, "/api/issues/" + number)
        .doesNotContain("tasklist");
  }

  @Test
  void anAnswerThatGoesUpTellsTheCommuneWhoHasTheIssueNow() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    deliver(number);
    // Answered in Tasklist by a department official (an authenticated engine call, with the
    // official's rights and query limits): the mails are still planned, and the answer goes through.
    String departmentTask = issues.levelTask(number).getId();
    identity.setAuthentication(FINANCE_DEPARTMENT, List.of("province-31-finance"));
    try {
      tasks.complete(departmentTask, Map.of("outcome", "EXCEEDS_DEPARTMENT",
          "answer", "Việc bàn giao trụ sở vượt thẩm quyền của sở."));
    } finally {
      identity.clearAuthentication();
    }

    Map<String, Mail> mails = byRecipient(deliver(number));
    assertThat(mails.keySet()).containsExactlyInAnyOrder("cb.commune-10507@demo.thongsuot.vn",
        "cb.province-31-committee@demo.thongsuot.vn");
    assertThat(mails.get("cb.commune-10507@demo.thongsuot.vn").text()).contains(
        "Vượt thẩm quyền của sở", "Vướng mắc đã được chuyển đến UBND Thành phố Hải Phòng",
        "17:00 ngày 07/12/2026", asRead(records.find(number).orElseThrow().legalBasis()));
  }

  @Test
  void theCommuneIsToldItsWithdrawalTookEffect() throws Exception {
    String number = issues.file("health", "NORMAL");
    deliver(number);
    withdrawal.withdraw(number, "Xã đã tự giải quyết được.", EscalationDriver.THANH_DONG);

    List<Mail> mails = deliver(number);
    assertThat(mails).extracting(Mail::to).containsExactly("cb.commune-10507@demo.thongsuot.vn");
    assertThat(mails.get(0).subject()).isEqualTo("[" + number + "] Xã đã rút vướng mắc");
    assertThat(mails.get(0).text()).contains("Lý do: Xã đã tự giải quyết được.", THANH_DONG,
        "/api/issues/" + number);
  }

  @Test
  void aMailIsSentOnceEvenWhenItsDeliveryRunsTwiceOrItsEventIsPlannedAgain() throws Exception {
    String number = issues.file("finance-budget", "NORMAL");
    assertThat(deliver(number)).hasSize(1);
    Notification sent = outbox.ofIssue(number).get(0);

    // A second delivery of the same row (a job re-run after a node crash, a duplicate start)...
    runtime.createProcessInstanceByKey(MailDeliveryModel.PROCESS_ID)
        .businessKey(MailDeliveryModel.businessKey(number, sent.id()))
        .setVariable(MailDeliveryModel.NOTIFICATION_ID, sent.id())
        .setVariable(MailDeliveryModel.RETRY_CYCLE, "R1/PT1M").execute();
    assertThat(deliver(number)).isEmpty();
    // ...and the same event planned again: the outbox already has its row for this person.
    TimelineEvent assigned = records.timeline(number).stream()
        .filter(e -> e.type() == EventType.ASSIGNED).findFirst().orElseThrow();
    assertThat(notifications.plan(sent.eventId(), assigned)).isEmpty();
    assertThat(outbox.ofIssue(number)).hasSize(1);
  }

  @Test
  void escalationGoesOnWhileSmtpIsDownAndTheMailsArriveOnceItIsBack() throws Exception {
    String number = issues.file("land", "NORMAL");
    deliver(number);

    TestSmtp.stop();
    issues.fire(number, BOUNDARY_NO_ANSWER);

    // The escalation committed: the provincial committee has the issue.
    Task committee = issues.levelTask(number);
    assertThat(tasks.getIdentityLinksForTask(committee.getId())).extracting(IdentityLink::getGroupId)
        .contains("province-31-committee");
    List<Job> jobs = deliveryJobs(number);
    assertThat(jobs).hasSize(4);
    for (Job job : jobs) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
      Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(failed.getRetries()).as("R5/PT1M: four retries left").isEqualTo(4);
      assertThat(failed.getDuedate().toInstant()).isAfter(ClockUtil.getCurrentTime().toInstant());
    }
    // One delivery uses up its retries: an incident an administrator sees in Cockpit.
    Job exhausted = jobs.get(0);
    for (int retry = 0; retry < 4; retry++) {
      assertThatThrownBy(() -> management.executeJob(exhausted.getId()));
    }
    assertThat(management.createJobQuery().jobId(exhausted.getId()).singleResult().getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(exhausted.getProcessInstanceId())
        .activityId(MailDeliveryModel.TASK_SEND_MAIL).count()).isEqualTo(1);
    assertThat(TestSmtp.server().getReceivedMessages()).isEmpty();

    TestSmtp.restart();
    management.setJobRetries(exhausted.getId(), 1); // Cockpit's "retry"
    List<Mail> mails = deliver(number);
    assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrder(
        "cb.province-31-agriculture-environment@demo.thongsuot.vn",
        "cb.supervisor-province-31@demo.thongsuot.vn", "cb.supervisor-central@demo.thongsuot.vn",
        "cb.province-31-committee@demo.thongsuot.vn");
    assertThat(runtime.createIncidentQuery().processInstanceId(exhausted.getProcessInstanceId()).count()).isZero();
    assertThat(deliveryJobs(number)).isEmpty();
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Runs this issue's pending MailDelivery jobs and returns the mails they sent. */
  List<Mail> deliver(String number) throws Exception {
    TestSmtp.server().purgeEmailFromAllMailboxes();
    for (Job job : deliveryJobs(number)) {
      management.executeJob(job.getId());
    }
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
      Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
      assertThat(to).hasSize(1);
      assertThat(message.getFrom()[0].toString()).isEqualTo("thongsuot@localhost");
      // One Message-ID per outbox row, so a duplicate after a crash can be recognised as one.
      assertThat(message.getMessageID()).matches("<" + number + "\\.mail-\\d+@localhost>");
      mails.add(new Mail(to[0].toString(), message.getSubject(), (String) message.getContent()));
    }
    return mails;
  }

  List<Job> deliveryJobs(String number) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MailDeliveryModel.PROCESS_ID)
        .processInstanceBusinessKeyLike(number + "/mail-%").list().stream()
        .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).list().stream())
        .toList();
  }

  /** Exactly one mail per recipient, keyed by address. */
  static Map<String, Mail> byRecipient(List<Mail> mails) {
    Map<String, List<Mail>> grouped = mails.stream().collect(Collectors.groupingBy(Mail::to));
    grouped.forEach((to, list) -> assertThat(list).as("mails to %s", to).hasSize(1));
    return grouped.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
  }

  void official(String userId, String email, String groupId) {
    User user = identity.newUser(userId);
    user.setFirstName("Cán bộ");
    user.setLastName("thử nghiệm");
    user.setEmail(email);
    user.setPassword("test-only");
    identity.saveUser(user);
    identity.createMembership(userId, groupId);
    extraUsers.add(userId);
  }
}
