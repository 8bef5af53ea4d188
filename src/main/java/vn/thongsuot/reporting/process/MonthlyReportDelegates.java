package vn.thongsuot.reporting.process;

import static vn.thongsuot.reporting.process.MonthlyReportModel.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.engine.EngineUser;
import vn.thongsuot.engine.FormRefusal;
import vn.thongsuot.reporting.MonthlyFigures;
import vn.thongsuot.reporting.MonthlyReports;
import vn.thongsuot.reporting.ReportLine;
import vn.thongsuot.system.StringVariables;

/**
 * The MonthlyReport process's steps: map variables, call {@link MonthlyFigures} and
 * {@link MonthlyReports}, map the result back. Everything runs in the engine's transaction, so a
 * failed step leaves neither a half-written report nor a moved token.
 */
@Configuration
class MonthlyReportDelegates {

  static final int COMMENT_MAX = 4000;

  private final MonthlyFigures figures;
  private final MonthlyReports reports;

  MonthlyReportDelegates(MonthlyFigures figures, MonthlyReports reports) {
    this.figures = figures;
    this.reports = reports;
  }

  /**
   * The report month is the calendar month (in Vietnam) in which the timer fired: on the 27th the
   * month is nearly over, and the Committee's monthly review covers the month it meets in.
   */
  @Bean
  JavaDelegate compileMonthlyReport() {
    return execution -> {
      Instant now = EngineClock.now();
      YearMonth month = YearMonth.from(now.atZone(WorkingDayCalendar.VIETNAM));
      List<ReportLine> lines = figures.compile(month);
      long id = reports.createDraft(month, execution.getProcessInstanceId(), lines, now);
      execution.setProcessBusinessKey("BC-" + month);
      execution.setVariable(REPORT_ID, id);
      execution.setVariable(REPORT_MONTH, month.toString());
      execution.setVariable(REPORT_SUMMARY, summary(month, lines));
    };
  }

  /**
   * The server's own check of the review (the engine REST API skips the form's checks): thrown as
   * a form validation error inside the completing transaction, so Tasklist and the REST API answer
   * 400 with this message and the task stays open.
   */
  @Bean
  JavaDelegate recordMonthlyReview() {
    return execution -> {
      Object decision = execution.getVariable(REVIEW_DECISION);
      Object comment = execution.getVariable(REVIEW_COMMENT);
      List<String> problems = new ArrayList<>();
      if (!APPROVE.equals(decision) && !RETURN.equals(decision)) {
        problems.add("Chọn ý kiến duyệt: duyệt và công bố báo cáo, hoặc trả lại để tổng hợp lại.");
      }
      boolean hasComment = comment instanceof String text && !text.isBlank();
      if (RETURN.equals(decision) && !hasComment) {
        problems.add("Khi trả lại báo cáo, cần ghi rõ ý kiến: tổng hợp lại điều gì.");
      }
      if (comment != null && !(comment instanceof String)) {
        problems.add("Ý kiến duyệt phải là văn bản.");
      } else if (hasComment && ((String) comment).length() > COMMENT_MAX) {
        problems.add("Ý kiến duyệt dài quá " + COMMENT_MAX + " ký tự.");
      }
      if (!problems.isEmpty()) {
        throw FormRefusal.of(REVIEW_DECISION, String.join(" ", problems));
      }
      if (hasComment) {
        reports.comment(reportId(execution), ((String) comment).strip());
      }
    };
  }

  /** The figures computed again for the same month; the reviewers' comment stays with the report. */
  @Bean
  JavaDelegate recompileMonthlyReport() {
    return execution -> {
      Instant now = EngineClock.now();
      YearMonth month = YearMonth.parse((String) execution.getVariable(REPORT_MONTH));
      List<ReportLine> lines = figures.compile(month);
      reports.recompile(reportId(execution), lines, ((String) execution.getVariable(REVIEW_COMMENT)).strip(), now);
      execution.setVariable(REPORT_SUMMARY, summary(month, lines));
      // The next review decides afresh; the comment stays visible in the form.
      execution.removeVariable(REVIEW_DECISION);
    };
  }

  @Bean
  JavaDelegate publishMonthlyReport() {
    return execution -> reports.publish(reportId(execution), (String) execution.getVariable(REVIEWED_BY),
        EngineClock.now());
  }

  /** Who decided: the logged-in official (Tasklist, engine REST), else the task's assignee. */
  @Bean
  TaskListener monthlyReviewAuthor() {
    return task -> task.setVariable(REVIEWED_BY, EngineUser.actorOf(task));
  }

  private static long reportId(DelegateExecution execution) {
    return ((Number) execution.getVariable(REPORT_ID)).longValue();
  }

  /** What the reviewers read in the form: the country's figures, then each province's. */
  static String summary(YearMonth month, List<ReportLine> lines) {
    StringBuilder text = new StringBuilder("Tháng " + month.getMonthValue() + "/" + month.getYear() + ".\n");
    for (ReportLine line : lines) {
      if (line.isTotal() && ReportLine.COUNTRY.equals(line.provinceCode())) {
        text.append("Cả nước: ").append(figures(line)).append('\n');
      }
    }
    for (ReportLine line : lines) {
      if (line.isTotal() && !ReportLine.COUNTRY.equals(line.provinceCode())) {
        text.append("- ").append(line.provinceName()).append(": ").append(figures(line)).append('\n');
      }
    }
    return StringVariables.keepStart(text.toString().strip(),
        "(đã lược bớt; đủ các tỉnh trong báo cáo bản HTML/CSV sau khi công bố)");
  }

  private static String figures(ReportLine l) {
    return l.filed() + " vướng mắc mới; " + l.resolved() + " đã tháo gỡ (sở " + l.resolvedDepartment()
        + ", UBND tỉnh " + l.resolvedProvince() + ", bộ " + l.resolvedMinistry() + ", Chính phủ "
        + l.resolvedGovernment() + ", Quốc hội " + l.resolvedNationalAssembly() + "); " + l.overdue()
        + " lượt quá hạn; " + l.escalatedNoAnswer() + " lượt chuyển lên do không trả lời; trung vị "
        + (l.medianWorkingDays() == null ? "không có"
            : String.format(java.util.Locale.ROOT, "%.1f", l.medianWorkingDays()).replace('.', ',')
                + " ngày làm việc")
        + " (" + l.answers() + " ý kiến trả lời).";
  }
}
