package vn.thongsuot.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.thongsuot.escalation.VietnameseDates;
import vn.thongsuot.system.CsvCells;

/** A published report as officials read it: a Vietnamese HTML page, or CSV for a spreadsheet. */
final class ReportDocuments {

  private static final String[] HEADER = {"Mã tỉnh", "Tỉnh/thành phố", "Mã lĩnh vực", "Lĩnh vực",
      "Vướng mắc mới", "Đã tháo gỡ", "Tháo gỡ tại sở", "Tháo gỡ tại UBND tỉnh", "Tháo gỡ tại bộ",
      "Tháo gỡ tại Chính phủ", "Tháo gỡ tại Quốc hội", "Lượt quá hạn",
      "Lượt chuyển lên do không trả lời", "Số ý kiến trả lời", "Trung vị ngày làm việc để trả lời"};

  private ReportDocuments() {}

  /** "04/2027". */
  static String monthLabel(PublishedReport report) {
    return String.format(Locale.ROOT, "%02d/%d", report.month().getMonthValue(), report.month().getYear());
  }

  static String html(PublishedReport report, List<ReportLine> lines, String scopeLabel) {
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
    return page.append("</body>\n</html>\n").toString();
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
