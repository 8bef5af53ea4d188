package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.engine.FormRefusal;
import vn.thongsuot.escalation.LadderSteps;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.system.PlainText;

/**
 * The server's own check of what an official submitted (the forms check too, but the engine REST
 * API does not). It runs in the service task right after the user task, inside the completing
 * transaction, and refuses with Camunda's form validation exception: Tasklist and the REST API
 * answer 400 with this message, and nothing is completed. (Exceptions of task listeners would
 * reach them wrapped as a 500.)
 */
final class AnswerRules {

  static final int TEXT_MAX = 4000;

  private AnswerRules() {}

  static void checkLevelAnswer(VariableScope scope, Level level, Instant now) {
    Object outcome = scope.getVariable(OUTCOME);
    List<String> problems = new ArrayList<>();
    if (!(outcome instanceof String code) || !level.allows(code)) {
      problems.add("Chọn ý kiến của đơn vị: " + String.join("; ", level.outcomes().values()) + ".");
    }
    requireText(scope, ANSWER, "Nội dung trả lời", problems);
    if (Outcome.ROADMAP.equals(outcome)) {
      futureDate(scope, ROADMAP_TARGET_DATE, "Hạn hoàn thành lộ trình", now, problems);
    }
    if (Outcome.ON_AGENDA.equals(outcome)) {
      futureDate(scope, SESSION_END_DATE, "Ngày bế mạc kỳ họp", now, problems);
    }
    refuseIf(problems);
  }

  static void checkSuppliedInfo(VariableScope scope) {
    List<String> problems = new ArrayList<>();
    requireText(scope, SUPPLIED_INFO, "Thông tin bổ sung", problems);
    refuseIf(problems);
  }

  static void checkAssessment(VariableScope scope) {
    Object assessment = scope.getVariable(ASSESSMENT);
    List<String> problems = new ArrayList<>();
    if (!Outcome.REMOVED.equals(assessment) && !Outcome.NOT_REMOVED.equals(assessment)) {
      problems.add("Chọn kết quả: vướng mắc đã được tháo gỡ, hoặc chưa tháo gỡ được.");
    }
    if (Outcome.NOT_REMOVED.equals(assessment)) {
      requireText(scope, ASSESSMENT_COMMENT, "Nhận xét của xã (vì sao chưa tháo gỡ được)", problems);
    }
    refuseIf(problems);
  }

  private static void requireText(VariableScope scope, String name, String label, List<String> problems) {
    Object value = scope.getVariable(name);
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(label + " không được để trống.");
    } else if (text.length() > TEXT_MAX) {
      problems.add(label + " dài quá " + TEXT_MAX + " ký tự.");
    } else if (!PlainText.isPlain(text)) {
      problems.add(PlainText.problem(label));
    }
  }

  private static void futureDate(VariableScope scope, String name, String label, Instant now,
      List<String> problems) {
    Object value = scope.getVariable(name);
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(label + " không được để trống.");
      return;
    }
    try {
      if (!LadderSteps.parseDate(text).isAfter(now.atZone(WorkingDayCalendar.VIETNAM).toLocalDate())) {
        problems.add(label + " phải sau ngày hôm nay.");
      }
    } catch (DateTimeParseException e) {
      problems.add(label + " '" + text + "' không phải ngày hợp lệ (năm-tháng-ngày, ví dụ 2026-12-31).");
    }
  }

  private static void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      throw FormRefusal.of("answer", String.join(" ", problems));
    }
  }
}
