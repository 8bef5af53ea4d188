package vn.thongsuot.reporting.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.reporting.ReportLine;
import vn.thongsuot.reporting.ReportPeriod;
import vn.thongsuot.system.StringVariables;

/** The reviewers' summary is a Camunda String variable: it must fit, even with all 34 provinces. */
class MonthlyReportSummaryTest {

  @Test
  void aMonthWithIssuesInEveryProvinceFitsTheVariableAndSaysItWasCut() {
    List<ReportLine> lines = new ArrayList<>();
    lines.add(new ReportLine(ReportLine.COUNTRY, "Cả nước", ReportLine.ALL_FIELDS, "Tất cả", 3400, 1200, 600, 300,
        200, 60, 40, 800, 150, 2900, 6.5));
    UnitDirectory.fromClasspath().provinces().forEach(p -> lines.add(new ReportLine(p.code(), p.name(),
        ReportLine.ALL_FIELDS, "Tất cả", 100, 35, 18, 9, 5, 2, 1, 24, 4, 85, 6.0)));

    ReportPeriod period = new ReportPeriod(1L, Instant.parse("2027-03-27T07:55:00Z"),
        Instant.parse("2027-04-27T07:55:00Z"), null);
    String summary = MonthlyReportDelegates.summary(YearMonth.of(2027, 4), period, lines);

    assertThat(summary).hasSizeLessThanOrEqualTo(StringVariables.MAX_LENGTH)
        .startsWith("Tháng 4/2027. Kỳ báo cáo: từ 14:55 ngày 27/03/2027 đến trước 14:55 ngày 27/04/2027.\n"
            + "Cả nước: 3400 vướng mắc mới").endsWith("bản HTML/CSV sau khi công bố)");
  }
}
