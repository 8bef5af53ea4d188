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
      item.put("status", "/api/reports/" + month + "/status");
      item.put("annex", "/api/reports/" + month + "/annex");
      item.put("annexCsv", "/api/reports/" + month + "/annex.csv");
      return item;
    }).toList();
  }

  @GetMapping(value = "/{month}.html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@PathVariable String month) {
    SupervisorScope scope = scope();
    PublishedReport report = report(month);
    return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(ReportDocuments.html(report, lines(report, scope), units(report, scope), openItems(report, scope),
            scopeLabel(scope)));
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

  /**
   * The four-way status of the report: overall in the caller's scope and per responsible unit (a
   * central supervisor reads each unit over every province, a provincial one the unit's work on
   * their province's issues).
   */
  @GetMapping(value = "/{month}/status", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> status(@PathVariable String month) {
    SupervisorScope scope = scope();
    PublishedReport report = report(month);
    List<UnitStatus> units = units(report, scope);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("month", report.month().toString());
    body.put("title", "Báo cáo tháng " + ReportDocuments.monthLabel(report));
    body.put("scope", scopeLabel(scope));
    body.put("periodFrom", report.period().shownFrom());
    body.put("periodTo", report.period().to());
    body.put("periodText", report.period().text());
    body.put("labels", ReportDocuments.STATUS_LABELS);
    body.put("overall", statusItem(UnitStatus.sum(scopeLabel(scope), units)));
    body.put("units", units.stream().map(ReportController::statusItem).toList());
    return body;
  }

  /** The outstanding-items annex: every item open at the report's cut-off, in the caller's scope. */
  @GetMapping(value = "/{month}/annex", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> annex(@PathVariable String month) {
    SupervisorScope scope = scope();
    PublishedReport report = report(month);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("month", report.month().toString());
    body.put("title", "Phụ lục vướng mắc chưa tháo gỡ, báo cáo tháng " + ReportDocuments.monthLabel(report));
    body.put("scope", scopeLabel(scope));
    body.put("periodText", report.period().text());
    body.put("asAt", report.period().to());
    body.put("asAtText", VietnameseDates.dateTime(report.period().to()));
    body.put("items", openItems(report, scope).stream().map(item -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", item.issueNumber());
      row.put("communeCode", item.communeCode());
      row.put("commune", item.communeName());
      row.put("field", item.fieldCode());
      row.put("fieldName", item.fieldName());
      row.put("holderGroup", item.holderGroup());
      row.put("holder", item.holderName());
      row.put("deadline", item.deadline());
      row.put("deadlineText", item.deadline() == null ? null : VietnameseDates.dateTime(item.deadline()));
      row.put("workingDaysOverdue", item.daysOverdue());
      row.put("escalations", item.escalations());
      row.put("extensions", item.extensions());
      return row;
    }).toList());
    body.put("csv", "/api/reports/" + report.month() + "/annex.csv");
    return body;
  }

  @GetMapping(value = "/{month}/annex.csv", produces = "text/csv")
  ResponseEntity<byte[]> annexCsv(@PathVariable String month) {
    SupervisorScope scope = scope();
    PublishedReport report = report(month);
    String file = "phu-luc-ton-dong-" + report.month() + scope.province().map(p -> "-tinh-" + p).orElse("") + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .body(ReportDocuments.annexCsv(openItems(report, scope)).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> statusItem(UnitStatus status) {
    Map<String, Object> item = new LinkedHashMap<>();
    if (status.unitGroup() != null) {
      item.put("unitGroup", status.unitGroup());
      item.put("unitKind", status.unitKind());
      item.put("unitKindLabel", ReportDocuments.unitKindLabel(status.unitKind()));
    }
    item.put("unit", status.unitName());
    item.put("solvedOnTime", status.solvedOnTime());
    item.put("solvedLate", status.solvedLate());
    item.put("openWithinTerm", status.openWithinTerm());
    item.put("openOverdue", status.openOverdue());
    item.put("total", status.total());
    item.put("overdueShare", status.overdueShare());
    item.put("overdueShareText", ReportDocuments.percent(status.overdueShare()));
    return item;
  }

  private String scopeLabel(SupervisorScope scope) {
    return scope.province().map(p -> directory.province(p).map(x -> x.name()).orElse(p)).orElse("cả nước");
  }

  private List<UnitStatus> units(PublishedReport report, SupervisorScope scope) {
    return ReportDocuments.byUnit(reports.units(report.id()), scope.province());
  }

  private List<OpenItem> openItems(PublishedReport report, SupervisorScope scope) {
    List<OpenItem> all = reports.openItems(report.id());
    return scope.province().map(p -> all.stream().filter(i -> i.provinceCode().equals(p)).toList()).orElse(all);
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
