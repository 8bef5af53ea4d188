package vn.thongsuot.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.security.WebSliceSecurity.basic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.thongsuot.security.WebSliceSecurity;

/**
 * {@code /api/reports} without the engine: only supervisors read the published reports, a
 * provincial supervisor's copy holds their province's lines only, and a month that is malformed or
 * not yet published gets a message that says which. MonthlyReportTest runs the report end to end.
 */
@WebMvcTest(ReportController.class)
@Import(WebSliceSecurity.class)
@ActiveProfiles("demo") // its settings only: a slice starts no engine and creates no account
class ReportControllerTest {

  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final PublishedReport REPORT = new PublishedReport(7, NOVEMBER, Instant.parse("2026-12-01T01:00:00Z"),
      Instant.parse("2026-12-02T03:30:00Z"), CENTRAL_SUPERVISOR, null,
      new ReportPeriod(6L, Instant.parse("2026-10-27T07:55:00Z"), Instant.parse("2026-11-27T07:55:00Z"), null));

  @Autowired MockMvc http;
  @MockitoBean MonthlyReports reports;

  @Test
  void officialsWhoAreNotSupervisorsAre403AndReadNoReport() throws Exception {
    for (String official : List.of(THANH_DONG, FINANCE_DEPARTMENT)) {
      for (String path : List.of("/api/reports", "/api/reports/2026-11.html", "/api/reports/2026-11.csv")) {
        http.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic(official)))
            .andExpect(status().isForbidden());
      }
    }
    http.perform(get("/api/reports")).andExpect(status().isUnauthorized());
    verifyNoInteractions(reports);
  }

  @Test
  void theListNamesEachPublishedMonthInVietnameseWithItsDocuments() throws Exception {
    when(reports.published()).thenReturn(List.of(REPORT));
    http.perform(get("/api/reports").header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].title").value("Báo cáo tháng 11/2026"))
        .andExpect(jsonPath("$[0].publishedAtText").value("10:30 ngày 02/12/2026"))
        .andExpect(jsonPath("$[0].csv").value("/api/reports/2026-11.csv"));
  }

  @Test
  void aMalformedMonthIs400AndAnUnpublishedOneIs404() throws Exception {
    for (String month : List.of("2026-13", "2026-00", "thang-11")) {
      http.perform(get("/api/reports/" + month + ".csv").header(HttpHeaders.AUTHORIZATION, basic(CENTRAL_SUPERVISOR)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail").value(
              "Tháng '" + month + "' không hợp lệ: dùng dạng năm-tháng, ví dụ 2027-04."));
    }
    when(reports.published(YearMonth.of(2027, 4))).thenReturn(Optional.empty());
    http.perform(get("/api/reports/2027-04.html").header(HttpHeaders.AUTHORIZATION, basic(CENTRAL_SUPERVISOR)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Chưa có báo cáo tháng 04/2027 được duyệt và công bố."));
  }

  @Test
  void aProvincialSupervisorsCopyHoldsTheirProvinceOnlyAndTheCentralOneEveryProvince() throws Exception {
    when(reports.published(NOVEMBER)).thenReturn(Optional.of(REPORT));
    when(reports.lines(7)).thenReturn(List.of(
        line("31", "Thành phố Hải Phòng", "LAND", "Đất đai", 3),
        line("68", "Tỉnh Lâm Đồng", "LAND", "Đất đai", 5),
        line(ReportLine.COUNTRY, "Cả nước", ReportLine.ALL_FIELDS, "Tất cả lĩnh vực", 8)));

    String provincial = csv(PROVINCE_SUPERVISOR, "attachment; filename=\"bao-cao-thang-2026-11-tinh-31.csv\"");
    assertThat(provincial).contains("Thành phố Hải Phòng").doesNotContain("Lâm Đồng").doesNotContain("Cả nước");

    String central = csv(CENTRAL_SUPERVISOR, "attachment; filename=\"bao-cao-thang-2026-11.csv\"");
    assertThat(central).contains("Thành phố Hải Phòng", "Tỉnh Lâm Đồng", "Cả nước");

    String page = http.perform(get("/api/reports/2026-11.html").header(HttpHeaders.AUTHORIZATION,
            basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Báo cáo tháng 11/2026", "Phạm vi: Thành phố Hải Phòng.").doesNotContain("Lâm Đồng");
  }

  private String csv(String official, String disposition) throws Exception {
    byte[] body = http.perform(get("/api/reports/2026-11.csv").header(HttpHeaders.AUTHORIZATION, basic(official)))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, disposition))
        .andReturn().getResponse().getContentAsByteArray();
    return new String(body, StandardCharsets.UTF_8);
  }

  private static ReportLine line(String province, String provinceName, String field, String fieldName, int filed) {
    return new ReportLine(province, provinceName, field, fieldName, filed, 1, 1, 0, 0, 0, 0, 0, 0, 1, 2.0);
  }
}
