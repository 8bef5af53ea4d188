package vn.thongsuot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.security.WebSliceSecurity.basic;

import java.nio.charset.StandardCharsets;
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
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.FieldRouting;
import vn.thongsuot.security.WebSliceSecurity;

/**
 * {@code /api/board} without the engine: only supervisors get in, each sees the scope of their unit,
 * a filter naming something that does not exist is pointed out instead of matching nothing, and
 * the league's CSV opens safely in a spreadsheet. BoardApiTest runs the board end to end.
 */
@WebMvcTest(BoardController.class)
@Import(WebSliceSecurity.class)
@ActiveProfiles("demo") // its settings only: a slice starts no engine and creates no account
class BoardControllerTest {

  @Autowired MockMvc http;
  @MockitoBean BoardQueries board;
  @MockitoBean EscalationLadder ladder;

  @Test
  void officialsWhoAreNotSupervisorsAre403AndTheBoardIsNotRead() throws Exception {
    for (String official : List.of(THANH_DONG, FINANCE_DEPARTMENT)) {
      for (String path : List.of("/api/board/timers", "/api/board/league", "/api/board/league.csv",
          "/api/board/trend", "/api/board/me")) {
        http.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic(official)))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.title").value("Không có quyền"))
            .andExpect(jsonPath("$.detail").value(
                "Bảng theo dõi chỉ dành cho cơ quan giám sát (Ban Tổ chức, Ủy ban Kiểm tra)."));
      }
    }
    http.perform(get("/api/board/timers")).andExpect(status().isUnauthorized());
    verifyNoInteractions(board);
  }

  @Test
  void aProvincialSupervisorWatchesTheirProvinceAndTheCentralOneTheCountry() throws Exception {
    http.perform(get("/api/board/me").header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.province").value("31"))
        .andExpect(jsonPath("$.scopeLabel").value("Thành phố Hải Phòng"));
    http.perform(get("/api/board/me").header(HttpHeaders.AUTHORIZATION, basic(CENTRAL_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.province").doesNotExist())
        .andExpect(jsonPath("$.scopeLabel").value("Toàn quốc"));

    when(board.timers(any(), any(), anyInt(), anyInt(), any())).thenReturn(new BoardPage<>(List.of(), 0, 50, 0));
    http.perform(get("/api/board/timers").header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    verify(board).timers(eq(new BoardQueries.TimerFilter(null, null, null, null, null)),
        eq(new SupervisorScope(Optional.of("31"))), eq(0), eq(50), any());
  }

  @Test
  void aFilterNamingWhatDoesNotExistIs400AndQueriesNothing() throws Exception {
    when(ladder.routing("NO_SUCH_FIELD")).thenReturn(Optional.empty());
    String[][] cases = {
        {"/api/board/timers?province=99", "Tỉnh mã '99' không hợp lệ."},
        {"/api/board/timers?field=NO_SUCH_FIELD", "Lĩnh vực 'NO_SUCH_FIELD' không hợp lệ."},
        {"/api/board/timers?unit=province-31-nothing", "Đơn vị 'province-31-nothing' không hợp lệ."},
        {"/api/board/timers?page=abc", "Giá trị 'abc' của tham số 'page' không hợp lệ."},
        {"/api/board/league?by=VILLAGE",
            "Bảng 'VILLAGE' không có: chọn COMMUNE, DEPARTMENT, PROVINCE_COMMITTEE, MINISTRY hoặc PROVINCE."},
        {"/api/board/league?period=2026-13",
            "Kỳ '2026-13' không hợp lệ: dùng tháng (2026-11), quý (2026-Q4) hoặc năm (2026)."},
        {"/api/board/trend?months=0", "Số tháng phải từ 1 đến 36."},
        {"/api/board/trend?months=37", "Số tháng phải từ 1 đến 36."},
    };
    for (String[] c : cases) {
      http.perform(get(c[0]).header(HttpHeaders.AUTHORIZATION, basic(CENTRAL_SUPERVISOR)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"))
          .andExpect(jsonPath("$.detail").value(c[1]));
    }
    verifyNoInteractions(board);
  }

  @Test
  void theFieldsOfTheFilterComeFromTheRoutingTable() throws Exception {
    when(ladder.fields()).thenReturn(List.of(new FieldRouting("LAND", "Đất đai", "agriculture", "ministry-agriculture")));
    http.perform(get("/api/board/options").header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.provinces.length()").value(1))
        .andExpect(jsonPath("$.provinces[0].label").value("Thành phố Hải Phòng"))
        .andExpect(jsonPath("$.fields[0].label").value("Đất đai"));
  }

  @Test
  void theLeagueAsCsvOpensInASpreadsheetWithVietnameseAndNoFormula() throws Exception {
    when(board.league(eq(BoardQueries.LeagueBy.DEPARTMENT), any(), any(), any())).thenReturn(List.of(
        new LeagueRow("province-31-finance", "Sở Tài chính, Hải Phòng", "31", 4, 2, 1, 1, 0, 3.5, 0.5),
        new LeagueRow("x", "=HYPERLINK(\"http://evil\")", "31", 1, 0, 0, 1, 1, null, null)));

    byte[] body = http.perform(get("/api/board/league.csv?period=2026-11")
            .header(HttpHeaders.AUTHORIZATION, basic(PROVINCE_SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"bang-xep-hang-department-202611-202611.csv\""))
        .andReturn().getResponse().getContentAsByteArray();

    String csv = new String(body, StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFMã,Đơn vị,Tỉnh,Tiếp nhận,");
    assertThat(csv.split("\r\n")).containsSubsequence(
        "province-31-finance,\"Sở Tài chính, Hải Phòng\",31,4,2,1,1,0,3.5,0.500",
        "x,\"'=HYPERLINK(\"\"http://evil\"\")\",31,1,0,0,1,1,,");
    verify(board).league(eq(BoardQueries.LeagueBy.DEPARTMENT), eq(Period.parse("2026-11", null)),
        eq(new SupervisorScope(Optional.of("31"))), any());
  }
}
