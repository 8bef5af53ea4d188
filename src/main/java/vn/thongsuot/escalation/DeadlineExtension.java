package vn.thongsuot.escalation;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.PlainText;
import vn.thongsuot.system.RejectedRequest;

/**
 * A supervisor in scope moves the current level's deadline by some working days, with a reason:
 * the task's due date, its pending timers and the issue's row move together, and the timeline
 * keeps who did it and why.
 */
@Service
public class DeadlineExtension {

  static final int MAX_DAYS = 60;
  static final int REASON_MAX = 1000;

  private final IssueQueries queries;
  private final IssueAccessRules access;
  private final IssueProcess process;
  private final IssueJournal journal;
  private final WorkingDayCalendar calendar;

  DeadlineExtension(IssueQueries queries, IssueAccessRules access, IssueProcess process, IssueJournal journal,
      WorkingDayCalendar calendar) {
    this.queries = queries;
    this.access = access;
    this.process = process;
    this.journal = journal;
    this.calendar = calendar;
  }

  /** @return the new deadline */
  @Transactional
  public Instant extend(String number, Integer workingDays, String reason, CurrentOfficial official) {
    IssueRecord issue = queries.find(number);
    access.checkSupervisor(issue, official);
    String trimmed = reason == null ? "" : reason.strip();
    if (workingDays == null || workingDays < 1 || workingDays > MAX_DAYS) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Số ngày gia hạn phải từ 1 đến " + MAX_DAYS + " ngày làm việc.");
    }
    if (trimmed.isEmpty() || trimmed.length() > REASON_MAX) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Cần nêu lý do gia hạn (tối đa " + REASON_MAX + " ký tự).");
    }
    if (!PlainText.isPlain(trimmed)) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, PlainText.problem("Lý do gia hạn"));
    }
    IssueProcess.OpenLevel level = issue.status() == IssueStatus.OPEN ? process.openLevel(number).orElse(null) : null;
    if (level == null) {
      throw new RejectedRequest(RejectedRequest.Reason.CONFLICT, "Vướng mắc " + number
          + " hiện không chờ đơn vị nào trả lời, nên không có thời hạn để gia hạn.");
    }
    Instant oldDeadline = level.deadline();
    WorkingDayCalendar counting = calendar.current();
    Instant deadline = counting.addWorkingDays(oldDeadline, workingDays);
    Instant now = EngineClock.now();
    Instant reminder = counting.addWorkingDays(deadline, -level.reminderDays());
    if (reminder.isBefore(now)) {
      reminder = now;
    }
    Instant escalate = counting.deadline(deadline, level.escalationDays());
    // The count now runs that many days further: a later change of the calendar keeps the extension.
    Instant countedFrom = level.countedFrom() != null ? level.countedFrom() : now;
    Integer counted = level.countedWorkingDays() != null ? level.countedWorkingDays() + workingDays : null;
    boolean provisional = counting.provisional(countedFrom, escalate);
    process.move(level, new IssueProcess.Move(reminder, deadline, escalate, provisional, counted), official.userId());
    journal.extended(issue, official.userId(), "Gia hạn thêm " + workingDays + " ngày làm việc (từ "
        + VietnameseDates.dateTime(oldDeadline) + "). Lý do: " + trimmed, reminder, deadline, escalate,
        provisional, counting.version(), now);
    return deadline;
  }
}
