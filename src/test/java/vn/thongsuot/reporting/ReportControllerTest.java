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
      for (String path : List.of("/api/reports", "/api/reports/2026-11.html", "/api/reports/2026-11.csv",
          "/api/reports/2026-11/status", "/api/reports/2026-11/annex", "/api/reports/2026-11/annex.csv")) {
        http.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic(official)))
            .andExpect(status().isForbidden());
      }
    }
    http.perform(get("/api/reports")).andExpect(status().isUnauthorized());
    http.perform(get("/api/reports/2026-11/annex.csv")).andExpect(status().isUnauthorized());
    verifyNoInteractions(reports);
  }

  @Test
  void theListNamesEachPublishedMonthInVietnameseWithItsDocuments() throws Exception {
    when(reports.published()).thenReturn(List.of(REPORT));
    http.perform(get("/api/reports").header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].title").value("Báo cáo tháng 11/2026"))
        .andExpect(jsonPath("$[0].publishedAtText").value("10:30 ngày 02/12/2026"))
        .andExpect(jsonPath("$[0].csv").value("/api/reports/2026-11.csv"))
        .andExpect(jsonPath("$[0].annexCsv").value("/api/reports/2026-11/annex.csv"))
        .andExpect(jsonPath("$[0].periodText")
            .value("Kỳ báo cáo: từ 14:55 ngày 27/10/2026 đến trước 14:55 ngày 27/11/2026"));
  }

  @Test
  void theFourWayStatusIsPerUnitAndOverallInTheSupervisorsScope() throws Exception {
    when(reports.published(NOVEMBER)).thenReturn(Optional.of(REPORT));
    when(reports.units(7)).thenReturn(List.of(
        new UnitStatus("31", "Thành phố Hải Phòng", "ministry-finance", "MINISTRY", "Bộ Tài chính", 1, 0, 1, 0),
        new UnitStatus("31", "Thành phố Hải Phòng", "province-31-finance", "DEPARTMENT",
            "Sở Tài chính Thành phố Hải Phòng", 3, 1, 2, 2),
        new UnitStatus("68", "Tỉnh Lâm Đồng", "ministry-finance", "MINISTRY", "Bộ Tài chính", 2, 1, 0, 1)));

    http.perform(get("/api/reports/2026-11/status").header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scope").value("Thành phố Hải Phòng"))
        .andExpect(jsonPath("$.periodText").value("Kỳ báo cáo: từ 14:55 ngày 27/10/2026 đến trước 14:55 ngày 27/11/2026"))
        .andExpect(jsonPath("$.labels.openOverdue").value("Đang giải quyết quá hạn"))
        .andExpect(jsonPath("$.units.length()").value(2))
        .andExpect(jsonPath("$.overall.solvedOnTime").value(4))
        .andExpect(jsonPath("$.overall.openOverdue").value(2))
        .andExpect(jsonPath("$.overall.overdueShareText").value("30,0%"))
        .andExpect(jsonPath("$.units[1].unitKindLabel").value("Sở, ngành cấp tỉnh"));

    // The whole country: the ministry's work on both provinces in one line.
    http.perform(get("/api/reports/2026-11/status").header(HttpHeaders.AUTHORIZATION, basic(CENTRAL_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scope").value("cả nước"))
        .andExpect(jsonPath("$.units.length()").value(2))
        .andExpect(jsonPath("$.units[0].unit").value("Sở Tài chính Thành phố Hải Phòng"))
        .andExpect(jsonPath("$.units[1].unit").value("Bộ Tài chính"))
        .andExpect(jsonPath("$.units[1].solvedOnTime").value(3))
        .andExpect(jsonPath("$.overall.total").value(14));
  }

  @Test
  void theAnnexListsOpenItemsInScopeAndItsCsvOpensInExcel() throws Exception {
    when(reports.published(NOVEMBER)).thenReturn(Optional.of(REPORT));
    when(reports.openItems(7)).thenReturn(List.of(
        new OpenItem("VM-2026-31-000007", "31", "10507", "Phường Thành Đông", "finance-budget", "Tài chính, ngân sách",
            "province-31-committee", "UBND Thành phố Hải Phòng", Instant.parse("2026-11-20T10:00:00Z"), 4, 1, 2),
        new OpenItem("VM-2026-68-000003", "68", "22918", "Xã Lâm Hà", "land", "Đất đai", "province-68-agriculture",
            "Sở Nông nghiệp và Môi trường Tỉnh Lâm Đồng", Instant.parse("2026-12-01T10:00:00Z"), 0, 0, 0)));

    http.perform(get("/api/reports/2026-11/annex").header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].number").value("VM-2026-31-000007"))
        .andExpect(jsonPath("$.items[0].holder").value("UBND Thành phố Hải Phòng"))
        .andExpect(jsonPath("$.items[0].deadlineText").value("17:00 ngày 20/11/2026"))
        .andExpect(jsonPath("$.items[0].workingDaysOverdue").value(4))
        .andExpect(jsonPath("$.items[0].escalations").value(1))
        .andExpect(jsonPath("$.items[0].extensions").value(2))
        .andExpect(jsonPath("$.asAtText").value("14:55 ngày 27/11/2026"));

    byte[] body = http.perform(get("/api/reports/2026-11/annex.csv")
            .header(HttpHeaders.AUTHORIZATION, basic(CENTRAL_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"phu-luc-ton-dong-2026-11.csv\""))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(body[0]).isEqualTo((byte) 0xEF);
    assertThat(body[1]).isEqualTo((byte) 0xBB);
    assertThat(body[2]).isEqualTo((byte) 0xBF);
    List<String> rows = List.of(new String(body, StandardCharsets.UTF_8).split("\r\n"));
    assertThat(rows).containsExactly("\uFEFFSố vướng mắc,Mã tỉnh,Mã xã,Xã/phường/đặc khu,Mã lĩnh vực,Lĩnh vực,"
            + "Mã đơn vị đang xử lý,Đơn vị đang xử lý,Hạn xử lý,Số ngày làm việc quá hạn,Số lần chuyển lên cấp trên,"
            + "Số lần gia hạn",
        "VM-2026-31-000007,31,10507,Phường Thành Đông,finance-budget,\"Tài chính, ngân sách\",province-31-committee,"
            + "UBND Thành phố Hải Phòng,17:00 ngày 20/11/2026,4,1,2",
        "VM-2026-68-000003,68,22918,Xã Lâm Hà,land,Đất đai,province-68-agriculture,"
            + "Sở Nông nghiệp và Môi trường Tỉnh Lâm Đồng,17:00 ngày 01/12/2026,0,0,0");

    String provincial = new String(http.perform(get("/api/reports/2026-11/annex.csv")
            .header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    assertThat(provincial).contains("VM-2026-31-000007").doesNotContain("Lâm Đồng");
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
