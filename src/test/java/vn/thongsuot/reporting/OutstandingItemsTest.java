package vn.thongsuot.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_DEADLINE_PASSED;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_NO_ANSWER;
import static vn.thongsuot.escalation.process.EscalationLevelModel.BOUNDARY_REMINDER_DUE;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.escalation.DeadlineExtension;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.system.CurrentOfficial;

/**
 * The outstanding-items annex through the real ladder (March 2030, a month no other test uses): an
 * item whose deadline was extended twice, an item that changed holder when its department did not
 * answer, and one removed before the cut-off, which the annex leaves out.
 */
@AppTest
class OutstandingItemsTest {

  static final CurrentOfficial CENTRAL = new CurrentOfficial(CENTRAL_SUPERVISOR, Set.of(UnitIds.SUPERVISOR_CENTRAL));

  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired DeadlineExtension extension;
  @Autowired OutstandingFigures outstanding;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAnnexNamesTheHolderAtTheCutOffAndCountsEscalationsAndExtensions() {
    EscalationDriver issues = new EscalationDriver(filing, tasks, runtime, management);
    EscalationDriver.clockAt(vietnam("2030-03-04T09:00"));
    String extendedTwice = issues.file("10507", "finance-budget", "NORMAL");
    String changedHolder = issues.file("10507", "health", "NORMAL");
    String removed = issues.file("10507", "land", "NORMAL");
    issues.answer(removed, "GUIDANCE_GIVEN", "Đã hướng dẫn.");
    issues.assess(removed, "REMOVED", "Đã tháo gỡ.");

    Instant first = extension.extend(extendedTwice, 3, "Chờ ý kiến của Bộ Tài chính.", CENTRAL);
    Instant second = extension.extend(extendedTwice, 2, "Chờ hồ sơ đất đai bổ sung.", CENTRAL);
    assertThat(second).isAfter(first);

    issues.fire(changedHolder, BOUNDARY_REMINDER_DUE);
    issues.fire(changedHolder, BOUNDARY_DEADLINE_PASSED);
    Instant escalated = issues.fire(changedHolder, BOUNDARY_NO_ANSWER);
    assertThat(escalated).isBefore(vietnam("2030-03-31T00:00"));

    Instant cutoff = vietnam("2030-04-10T14:55");
    List<OpenItem> annex = outstanding.openItems(cutoff).stream()
        .filter(i -> List.of(extendedTwice, changedHolder, removed).contains(i.issueNumber())).toList();
    assertThat(annex).extracting(OpenItem::issueNumber).containsExactlyInAnyOrder(extendedTwice, changedHolder);

    OpenItem twice = item(annex, extendedTwice);
    assertThat(twice.extensions()).isEqualTo(2);
    assertThat(twice.escalations()).isZero();
    assertThat(twice.holderGroup()).isEqualTo("province-31-finance");
    assertThat(twice.holderName()).isEqualTo("Sở Tài chính Thành phố Hải Phòng");
    assertThat(twice.communeName()).isEqualTo("Phường Thành Đông");
    assertThat(twice.fieldName()).isEqualTo("Tài chính, ngân sách");
    // Filed Monday 04/03 09:00: 7 working days to Wednesday 13/03 17:00, then +3 and +2.
    assertThat(twice.deadline()).isEqualTo(second).isEqualTo(vietnam("2030-03-20T17:00"));
    // Working days after 20/03 up to the cut-off on Wednesday 10/04: 21-22/03, 25-29/03, 01-05/04, 08-10/04.
    assertThat(twice.daysOverdue()).isEqualTo(15);

    OpenItem moved = item(annex, changedHolder);
    assertThat(moved.holderGroup()).isEqualTo("province-31-committee");
    assertThat(moved.escalations()).isEqualTo(1);
    assertThat(moved.extensions()).isZero();
    // The provincial committee's 10 working days ran to Monday 01/04 17:00: 02-05/04 and 08-10/04 since.
    assertThat(moved.deadline()).isEqualTo(vietnam("2030-04-01T17:00"));
    assertThat(moved.daysOverdue()).isEqualTo(7);

    // Before the escalation the department still held it: the annex is read as at its cut-off.
    OpenItem earlier = item(outstanding.openItems(escalated.minusSeconds(60)), changedHolder);
    assertThat(earlier.holderGroup()).isEqualTo("province-31-health");
    assertThat(earlier.escalations()).isZero();
  }

  private static OpenItem item(List<OpenItem> items, String number) {
    return items.stream().filter(i -> i.issueNumber().equals(number)).findFirst().orElseThrow();
  }

  private static Instant vietnam(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.VIETNAM).toInstant();
  }
}
