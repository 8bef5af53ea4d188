package vn.thongsuot.reporting.process;

import static vn.thongsuot.reporting.process.MonthlyReportModel.*;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.engine.EngineUser;
import vn.thongsuot.engine.FormRefusal;
import vn.thongsuot.reporting.MonthlyReports;
import vn.thongsuot.reporting.ReportLine;
import vn.thongsuot.reporting.ReportPeriod;
import vn.thongsuot.reporting.ReportRuns;
import vn.thongsuot.reporting.StaleReportException;
import vn.thongsuot.reporting.UnitStatus;
import vn.thongsuot.system.StringVariables;

/**
 * The MonthlyReport process's steps: map variables, call {@link ReportRuns} and
 * {@link MonthlyReports}, map the result back. Everything runs in the engine's transaction, so a
 * failed step leaves neither a half-written report nor a moved token.
 */
@Configuration
class MonthlyReportDelegates {

  static final int COMMENT_MAX = 4000;

  private final ReportRuns runs;
  private final MonthlyReports reports;

  MonthlyReportDelegates(ReportRuns runs, MonthlyReports reports) {
    this.runs = runs;
    this.reports = reports;
  }

  /**
   * The report counts from the previous published report's cut-off to its own (ReportRuns); it is
   * named after the month of its cut-off: on the 27th the month is nearly over, and the Committee's
   * monthly review covers the month it meets in.
   */
  @Bean
  JavaDelegate compileMonthlyReport() {
    return execution -> {
      ReportRuns.Draft draft = runs.compile(execution.getProcessInstanceId(), EngineClock.now());
      execution.setProcessBusinessKey("BC-" + draft.month());
      execution.setVariable(REPORT_ID, draft.id());
      execution.setVariable(REPORT_MONTH, draft.month().toString());
      execution.setVariable(REPORT_SUMMARY, summary(draft));
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

  /** The figures computed again over the same period; the reviewers' comment stays with the report. */
  @Bean
  JavaDelegate recompileMonthlyReport() {
    return execution -> {
      ReportRuns.Draft draft = runs.recompile(reportId(execution),
          ((String) execution.getVariable(REVIEW_COMMENT)).strip(), EngineClock.now());
      execution.setVariable(REPORT_SUMMARY, summary(draft));
      // The next review decides afresh; the comment stays visible in the form.
      execution.removeVariable(REVIEW_DECISION);
    };
  }

  /**
   * Runs in the transaction that completes the review: a draft that no longer joins the published
   * reports is refused like a wrong answer (400 with the reason, the task stays open), so the
   * Committee returns it and it is recompiled after the report published meanwhile.
   */
  @Bean
  JavaDelegate publishMonthlyReport() {
    return execution -> {
      try {
        runs.publish(reportId(execution), (String) execution.getVariable(REVIEWED_BY), EngineClock.now());
      } catch (StaleReportException e) {
        throw FormRefusal.of(REVIEW_DECISION, e.getMessage());
      }
    };
  }

  /** Who decided: the logged-in official (Tasklist, engine REST), else the task's assignee. */
  @Bean
  TaskListener monthlyReviewAuthor() {
    return task -> task.setVariable(REVIEWED_BY, EngineUser.actorOf(task));
  }

  private static long reportId(DelegateExecution execution) {
    return ((Number) execution.getVariable(REPORT_ID)).longValue();
  }

  /** What the reviewers read in the form: the period, the country's figures, then each province's. */
  static String summary(ReportRuns.Draft draft) {
    UnitStatus all = UnitStatus.sum("cả nước", draft.units());
    String status = "Tình hình giải quyết của các cơ quan (cả nước): " + all.solvedOnTime() + " đúng hạn, "
        + all.solvedLate() + " quá hạn, " + all.openWithinTerm() + " đang trong hạn, " + all.openOverdue()
        + " đang quá hạn" + (all.overdueShare() == null ? "" : String.format(java.util.Locale.ROOT,
            "; tỷ lệ quá hạn %.1f%%", all.overdueShare()).replace('.', ',')) + ". Phụ lục: "
        + draft.openItems().size() + " vướng mắc chưa tháo gỡ.";
    return summary(draft.month(), draft.period(), status, draft.lines());
  }

  static String summary(YearMonth month, ReportPeriod period, List<ReportLine> lines) {
    return summary(month, period, null, lines);
  }

  private static String summary(YearMonth month, ReportPeriod period, String status, List<ReportLine> lines) {
    StringBuilder text = new StringBuilder("Tháng " + month.getMonthValue() + "/" + month.getYear() + ". "
        + period.text() + ".\n");
    if (status != null) {
      text.append(status).append('\n');
    }
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
