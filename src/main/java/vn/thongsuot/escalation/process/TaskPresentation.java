package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.IssueRecord;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.TimelineText;
import vn.thongsuot.escalation.VietnameseDates;
import vn.thongsuot.system.StringVariables;

/**
 * What an official sees on a task: a name that says issue, commune and step at a glance, and
 * read-only copies of the issue, its deadline and its timeline (task-local, fresh at creation).
 */
@Component
class TaskPresentation {

  private final IssueRecords records;
  private final TimelineText timelineText;
  private final EscalationLadder ladder;
  private final IssueContext issues;
  private final UnitDirectory directory;

  TaskPresentation(IssueRecords records, TimelineText timelineText, EscalationLadder ladder, IssueContext issues,
      UnitDirectory directory) {
    this.issues = issues;
    this.directory = directory;
    this.records = records;
    this.timelineText = timelineText;
    this.ladder = ladder;
  }

  void present(DelegateTask task, String step) {
    String number = issues.of(task).number();
    IssueRecord issue = records.find(number)
        .orElseThrow(() -> new IllegalStateException("issue " + number + " has no record"));
    String commune = directory.commune(issue.communeCode()).map(c -> c.name()).orElse(issue.communeCode());
    task.setName(number + " · " + shortName(commune) + " · " + step);
    task.setDescription(issue.title());
    task.setVariableLocal(ISSUE_SUMMARY, StringVariables.keepStart(timelineText.issueSummary(issue,
        ladder.routing(issue.field()).orElse(null)), "(đã lược bớt; toàn văn: /api/issues/" + number + ")"));
    task.setVariableLocal(TIMELINE_TEXT, StringVariables.keepEnd(timelineText.format(records.timeline(number)),
        "(các mục cũ hơn đã lược bớt; toàn bộ diễn biến: /api/issues/" + number + ")"));
    if (task.getDueDate() != null) {
      Instant due = task.getDueDate().toInstant();
      Instant now = EngineClock.now();
      // A level's count runs on to its escalation timer; a commune task's ends at its due date.
      Instant from = EngineClock.instant(task.getVariable(DEADLINE_FROM));
      Instant escalate = EngineClock.instant(task.getVariable(ESCALATE_AT));
      boolean levelTask = EscalationLevelModel.TASK_HANDLE_AT_LEVEL.equals(task.getTaskDefinitionKey());
      boolean provisional = ladder.calendar().provisional(levelTask && from != null ? from : now,
          levelTask && escalate != null ? escalate : due);
      task.setVariableLocal(DEADLINE_TEXT, deadlineText(due, provisional, now));
    }
  }

  /**
   * What the form's "Thời hạn trả lời" says: the exact moment (hour, date, Vietnam's time), the
   * working days left, and the provisional mark when the count crosses a Tết not announced yet:
   * "17:00 ngày 12/02/2027, giờ Việt Nam (còn 5 ngày làm việc; tạm tính theo Bộ luật Lao động, chờ
   * thông báo nghỉ Tết chính thức)".
   */
  String deadlineText(Instant due, boolean provisional, Instant now) {
    return VietnameseDates.dateTime(due) + ", giờ Việt Nam ("
        + VietnameseDates.daysLeft(ladder.workingDaysLeft(due, now))
        + (provisional ? "; " + WorkingDayCalendar.PROVISIONAL_NOTE : "") + ")";
  }

  /** "Phường Thành Đông" stays; "UBND Phường Thành Đông" loses its prefix. */
  static String shortName(String name) {
    return name != null && name.startsWith("UBND ") ? name.substring(5) : name;
  }
}
