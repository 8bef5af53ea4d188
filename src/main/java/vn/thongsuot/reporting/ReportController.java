package vn.thongsuot.reporting;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.escalation.VietnameseDates;
import vn.thongsuot.monitoring.SupervisorScope;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * Published monthly reports for supervisors: central supervisors read every line, a provincial
 * supervisor only their province's. Drafts are never shown: a month without an approved report is
 * "not found".
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  private final MonthlyReports reports;
  private final UnitDirectory directory;

  ReportController(MonthlyReports reports, UnitDirectory directory) {
    this.reports = reports;
    this.directory = directory;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<Map<String, Object>> list() {
    scope();
    return reports.published().stream().map(report -> {
      Map<String, Object> item = new LinkedHashMap<>();
      String month = report.month().toString();
      item.put("month", month);
      item.put("title", "Báo cáo tháng " + ReportDocuments.monthLabel(report));
      item.put("periodFrom", report.period().shownFrom());
      item.put("periodTo", report.period().to());
      item.put("periodText", report.period().text());
      item.put("compiledAt", report.compiledAt());
      item.put("publishedAt", report.publishedAt());
      item.put("publishedAtText", VietnameseDates.dateTime(report.publishedAt()));
      item.put("approvedBy", report.approvedBy());
      item.put("html", "/api/reports/" + month + ".html");
      item.put("csv", "/api/reports/" + month + ".csv");
      return item;
    }).toList();
  }

  @GetMapping(value = "/{month}.html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@PathVariable String month) {
    SupervisorScope scope = scope();
    PublishedReport report = report(month);
    String scopeLabel = scope.province().map(p -> directory.province(p).map(x -> x.name()).orElse(p))
        .orElse("cả nước");
    return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(ReportDocuments.html(report, lines(report, scope), scopeLabel));
  }

  @GetMapping(value = "/{month}.csv", produces = "text/csv")
  ResponseEntity<byte[]> csv(@PathVariable String month) {
    SupervisorScope scope = scope();
    PublishedReport report = report(month);
    String file = "bao-cao-thang-" + report.month() + scope.province().map(p -> "-tinh-" + p).orElse("") + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .body(ReportDocuments.csv(lines(report, scope)).getBytes(StandardCharsets.UTF_8));
  }

  private List<ReportLine> lines(PublishedReport report, SupervisorScope scope) {
    List<ReportLine> all = reports.lines(report.id());
    return scope.province().map(p -> all.stream().filter(l -> l.provinceCode().equals(p)).toList())
        .orElse(all);
  }

  private PublishedReport report(String text) {
    Matcher m = MONTH.matcher(text);
    int monthValue = m.matches() ? Integer.parseInt(m.group(2)) : 0;
    if (monthValue < 1 || monthValue > 12) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Tháng '" + text + "' không hợp lệ: dùng dạng năm-tháng, ví dụ 2027-04.");
    }
    YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), monthValue);
    return reports.published(month).orElseThrow(() -> new RejectedRequest(RejectedRequest.Reason.NOT_FOUND,
        "Chưa có báo cáo tháng " + String.format("%02d/%d", monthValue, month.getYear())
            + " được duyệt và công bố."));
  }

  private static SupervisorScope scope() {
    return SupervisorScope.of(CurrentOfficial.fromSecurityContext());
  }
}
