package vn.thongsuot.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.thongsuot.escalation.VietnameseDates;
import vn.thongsuot.system.CsvCells;

/** A published report as officials read it: a Vietnamese HTML page, or CSV for a spreadsheet. */
final class ReportDocuments {

  private static final String[] HEADER = {"Mã tỉnh", "Tỉnh/thành phố", "Mã lĩnh vực", "Lĩnh vực",
      "Vướng mắc mới", "Đã tháo gỡ", "Tháo gỡ tại sở", "Tháo gỡ tại UBND tỉnh", "Tháo gỡ tại bộ",
      "Tháo gỡ tại Chính phủ", "Tháo gỡ tại Quốc hội", "Lượt quá hạn",
      "Lượt chuyển lên do không trả lời", "Số ý kiến trả lời", "Trung vị ngày làm việc để trả lời"};

  /** The four-way status as the Government Office's task tracker names it. */
  static final Map<String, String> STATUS_LABELS = labels();

  private static final String[] ANNEX_HEADER = {"Số vướng mắc", "Mã tỉnh", "Mã xã", "Xã/phường/đặc khu",
      "Mã lĩnh vực", "Lĩnh vực", "Mã đơn vị đang xử lý", "Đơn vị đang xử lý", "Hạn xử lý",
      "Số ngày làm việc quá hạn", "Số lần chuyển lên cấp trên", "Số lần gia hạn"};

  private ReportDocuments() {}

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("solvedOnTime", "Đã giải quyết đúng hạn");
    labels.put("solvedLate", "Đã giải quyết quá hạn");
    labels.put("openWithinTerm", "Đang giải quyết trong hạn");
    labels.put("openOverdue", "Đang giải quyết quá hạn");
    labels.put("overdueShare", "Tỷ lệ quá hạn");
    return java.util.Collections.unmodifiableMap(labels);
  }

  /**
   * The units' status in a scope: one province's rows as they are, or, for the whole country, each
   * unit's rows over every province summed (a ministry answers many provinces).
   */
  static List<UnitStatus> byUnit(List<UnitStatus> rows, Optional<String> province) {
    if (province.isPresent()) {
      return rows.stream().filter(r -> r.provinceCode().equals(province.get())).toList();
    }
    Map<String, List<UnitStatus>> units = new TreeMap<>();
    rows.forEach(r -> units.computeIfAbsent(r.unitKind() + "|" + r.unitGroup(), k -> new ArrayList<>()).add(r));
    List<UnitStatus> summed = new ArrayList<>();
    units.values().forEach(list -> {
      UnitStatus first = list.get(0);
      UnitStatus sum = UnitStatus.sum(first.unitName(), list);
      summed.add(new UnitStatus(list.size() == 1 ? first.provinceCode() : null,
          list.size() == 1 ? first.provinceName() : null, first.unitGroup(), first.unitKind(), first.unitName(),
          sum.solvedOnTime(), sum.solvedLate(), sum.openWithinTerm(), sum.openOverdue()));
    });
    return summed;
  }

  static String unitKindLabel(String kind) {
    try {
      return vn.thongsuot.monitoring.UnitKind.valueOf(kind).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return kind;
    }
  }

  /** "12,5%", or "—" when there is nothing to divide. */
  static String percent(Double share) {
    return share == null ? "—" : decimal(share) + "%";
  }

  /** "04/2027". */
  static String monthLabel(PublishedReport report) {
    return String.format(Locale.ROOT, "%02d/%d", report.month().getMonthValue(), report.month().getYear());
  }

  static String html(PublishedReport report, List<ReportLine> lines, String scopeLabel) {
    return html(report, lines, List.of(), List.of(), scopeLabel);
  }

  static String html(PublishedReport report, List<ReportLine> lines, List<UnitStatus> units, List<OpenItem> items,
      String scopeLabel) {
    String title = "Báo cáo tháng " + monthLabel(report);
    StringBuilder page = new StringBuilder(8192);
    page.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
        .append(escape(title)).append(" về tháo gỡ khó khăn, vướng mắc của cấp xã</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("th,td{border:1px solid #999;padding:4px 8px}td.n{text-align:right}")
        .append("tr.total{font-weight:bold;background:#f3f3f3}</style>\n</head>\n<body>\n<h1>")
        .append(escape(title)).append("</h1>\n<p>Tình hình tháo gỡ khó khăn, vướng mắc của chính quyền cấp xã")
        .append(" (hệ thống Thông suốt). Phạm vi: ").append(escape(scopeLabel)).append(".</p>\n<p>")
        .append(escape(report.period().text())).append(".</p>\n<p>")
        .append("Số liệu tổng hợp lúc ").append(escape(VietnameseDates.dateTime(report.compiledAt())))
        .append("; Ban Tổ chức Trung ương duyệt, công bố lúc ")
        .append(escape(VietnameseDates.dateTime(report.publishedAt())))
        .append(report.approvedBy() == null ? "" : " (người duyệt: " + escape(report.approvedBy()) + ")")
        .append(".</p>\n");
    if (report.reviewComment() != null && !report.reviewComment().isBlank()) {
      page.append("<p>Ý kiến khi duyệt: ").append(escape(report.reviewComment())).append("</p>\n");
    }
    page.append("<p>Vướng mắc mới tính theo thời điểm xã báo cáo; các số liệu khác tính theo thời điểm xảy ra")
        .append(" trong kỳ (tháo gỡ, quá hạn, chuyển lên, ý kiến trả lời của sở, UBND tỉnh, bộ,")
        .append(" Chính phủ, Quốc hội). Kỳ này bắt đầu đúng lúc kỳ trước kết thúc, nên mỗi sự việc")
        .append(" được tính trong đúng một báo cáo.</p>\n");
    if (lines.isEmpty()) {
      page.append("<p>Không có số liệu trong phạm vi này.</p>\n");
    } else {
      page.append("<table>\n<thead><tr>");
      for (int i = 1; i < HEADER.length; i++) {
        if (i != 2) {
          page.append("<th>").append(escape(HEADER[i])).append("</th>");
        }
      }
      page.append("</tr></thead>\n<tbody>\n");
      for (ReportLine line : lines) {
        page.append(line.isTotal() ? "<tr class=\"total\">" : "<tr>")
            .append("<td>").append(escape(line.provinceName())).append("</td>")
            .append("<td>").append(escape(line.fieldName())).append("</td>");
        for (String number : numbers(line)) {
          page.append("<td class=\"n\">").append(escape(number)).append("</td>");
        }
        page.append("</tr>\n");
      }
      page.append("</tbody>\n</table>\n");
    }
    statusSection(page, units, scopeLabel);
    annexSection(page, report, items);
    return page.append("</body>\n</html>\n").toString();
  }

  private static void statusSection(StringBuilder page, List<UnitStatus> units, String scopeLabel) {
    page.append("<h2>Tình hình giải quyết của các cơ quan</h2>\n<p>Ý kiến trả lời trong kỳ (đúng hạn, quá hạn)")
        .append(" và việc còn đang giải quyết tại thời điểm chốt số liệu (trong hạn, quá hạn) của sở, UBND tỉnh,")
        .append(" bộ, Chính phủ, Quốc hội. Lượt chuyển lên do không trả lời không tính là đã giải quyết.</p>\n")
        .append("<table>\n<thead><tr><th>Cơ quan</th>");
    STATUS_LABELS.values().forEach(label -> page.append("<th>").append(escape(label)).append("</th>"));
    page.append("</tr></thead>\n<tbody>\n");
    for (UnitStatus unit : units) {
      statusRow(page, unit, false);
    }
    statusRow(page, UnitStatus.sum("Tổng (" + scopeLabel + ")", units), true);
    page.append("</tbody>\n</table>\n");
  }

  private static void statusRow(StringBuilder page, UnitStatus s, boolean total) {
    page.append(total ? "<tr class=\"total\">" : "<tr>").append("<td>").append(escape(s.unitName())).append("</td>");
    for (String n : new String[] {Integer.toString(s.solvedOnTime()), Integer.toString(s.solvedLate()),
        Integer.toString(s.openWithinTerm()), Integer.toString(s.openOverdue()), percent(s.overdueShare())}) {
      page.append("<td class=\"n\">").append(escape(n)).append("</td>");
    }
    page.append("</tr>\n");
  }

  private static void annexSection(StringBuilder page, PublishedReport report, List<OpenItem> items) {
    page.append("<h2>Phụ lục: vướng mắc chưa tháo gỡ tại thời điểm ")
        .append(escape(VietnameseDates.dateTime(report.period().to()))).append("</h2>\n");
    if (items.isEmpty()) {
      page.append("<p>Không có vướng mắc nào đang giải quyết trong phạm vi này.</p>\n");
      return;
    }
    page.append("<table>\n<thead><tr>");
    for (int i = 0; i < ANNEX_HEADER.length; i++) {
      if (i != 1 && i != 2 && i != 4 && i != 6) {
        page.append("<th>").append(escape(ANNEX_HEADER[i])).append("</th>");
      }
    }
    page.append("</tr></thead>\n<tbody>\n");
    for (OpenItem item : items) {
      page.append("<tr>");
      for (String cell : new String[] {item.issueNumber(), item.communeName(), item.fieldName(), item.holderName(),
          item.deadline() == null ? "" : VietnameseDates.dateTime(item.deadline())}) {
        page.append("<td>").append(escape(cell)).append("</td>");
      }
      for (int n : new int[] {item.daysOverdue(), item.escalations(), item.extensions()}) {
        page.append("<td class=\"n\">").append(n).append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</tbody>\n</table>\n");
  }

  /** The annex for a spreadsheet: UTF-8 with a byte-order mark, so Excel reads the Vietnamese. */
  static String annexCsv(List<OpenItem> items) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(String.join(",", Arrays.stream(ANNEX_HEADER).map(CsvCells::cell).toList())).append("\r\n");
    for (OpenItem item : items) {
      csv.append(String.join(",", Arrays.stream(new String[] {item.issueNumber(), item.provinceCode(),
          item.communeCode(), item.communeName(), item.fieldCode(), item.fieldName(), item.holderGroup(),
          item.holderName(), item.deadline() == null ? "" : VietnameseDates.dateTime(item.deadline()),
          Integer.toString(item.daysOverdue()), Integer.toString(item.escalations()),
          Integer.toString(item.extensions())}).map(c -> CsvCells.cell(c == null ? "" : c)).toList()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** UTF-8 text with a byte-order mark, so spreadsheet programs read the Vietnamese header. */
  static String csv(List<ReportLine> lines) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(String.join(",", Arrays.stream(HEADER).map(CsvCells::cell).toList()))
        .append("\r\n");
    for (ReportLine line : lines) {
      csv.append(CsvCells.cell(line.provinceCode())).append(',').append(CsvCells.cell(line.provinceName()))
          .append(',').append(CsvCells.cell(line.fieldCode())).append(',')
          .append(CsvCells.cell(line.fieldName()));
      for (String number : numbers(line)) {
        // Inside CSV the median keeps a decimal point: a comma would split the cell.
        csv.append(',').append(number.replace(',', '.'));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static String[] numbers(ReportLine l) {
    return new String[] {Integer.toString(l.filed()), Integer.toString(l.resolved()),
        Integer.toString(l.resolvedDepartment()), Integer.toString(l.resolvedProvince()),
        Integer.toString(l.resolvedMinistry()), Integer.toString(l.resolvedGovernment()),
        Integer.toString(l.resolvedNationalAssembly()), Integer.toString(l.overdue()),
        Integer.toString(l.escalatedNoAnswer()), Integer.toString(l.answers()),
        l.medianWorkingDays() == null ? "" : decimal(l.medianWorkingDays())};
  }

  /** "2,5" as Vietnamese writes decimals. */
  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
