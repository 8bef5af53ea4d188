package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.Outcome;

/**
 * The server's own check of a level's answer (the form checks too, but the engine REST API and
 * older forms do not): an outcome this level may give, a text, and the date the outcome needs.
 * A refused answer completes nothing.
 */
@Component("levelAnswerCheck")
class LevelAnswerCheck implements TaskListener {

  static final int TEXT_MAX = 4000;

  @Override
  public void notify(DelegateTask task) {
    Level level = LevelState.level(task);
    Object outcome = task.getVariable(OUTCOME);
    List<String> problems = new ArrayList<>();
    if (!(outcome instanceof String code) || !level.allows(code)) {
      problems.add("Chọn ý kiến của đơn vị: " + String.join("; ", level.outcomes().values()) + ".");
    }
    requireText(task, ANSWER, "Nội dung trả lời", problems);
    Instant now = EngineTime.now();
    if (Outcome.ROADMAP.equals(outcome)) {
      futureDate(task, ROADMAP_TARGET_DATE, "Hạn hoàn thành lộ trình", now, problems);
    }
    if (Outcome.ON_AGENDA.equals(outcome)) {
      futureDate(task, SESSION_END_DATE, "Ngày bế mạc kỳ họp", now, problems);
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
    task.setVariable(ANSWERED_LEVEL, level.name());
    task.setVariable(ANSWERED_BY, Officials.actorOf(task));
    task.setVariable(ANSWERED_GROUP, task.getVariable(RESPONSIBLE_GROUP));
  }

  static void requireText(DelegateTask task, String name, String label, List<String> problems) {
    Object value = task.getVariable(name);
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(label + " không được để trống.");
    } else if (text.length() > TEXT_MAX) {
      problems.add(label + " dài quá " + TEXT_MAX + " ký tự.");
    }
  }

  /** A date field of the form ("2026-12-31"), which must lie after today in Vietnam. */
  static LocalDate futureDate(DelegateTask task, String name, String label, Instant now,
      List<String> problems) {
    Object value = task.getVariable(name);
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(label + " không được để trống.");
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
      if (!date.isAfter(now.atZone(WorkingDayCalendar.VIETNAM).toLocalDate())) {
        problems.add(label + " phải sau ngày hôm nay.");
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(label + " '" + text + "' không phải ngày hợp lệ (năm-tháng-ngày, ví dụ 2026-12-31).");
      return null;
    }
  }
}
