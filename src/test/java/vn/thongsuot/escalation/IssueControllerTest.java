package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.thongsuot.DemoAccounts.THANH_DONG;
import static vn.thongsuot.security.WebSliceSecurity.basic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.thongsuot.security.WebSliceSecurity;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * {@code /api/issues} without the engine: what each request gets back (status, problem body in
 * Vietnamese), that a refused or malformed request reaches no service, and that the services are
 * told who is calling. The services are mocks; IssueApiTest runs the same requests end to end.
 */
@WebMvcTest(IssueController.class)
@Import(WebSliceSecurity.class)
@ActiveProfiles("demo") // its settings only: a slice starts no engine and creates no account
class IssueControllerTest {

  static final String NUMBER = "HP-2026-000042";
  static final String FILING = """
      {"communeCode":"10507","field":"LAND","title":"Chưa có giá đất","description":"...",
       "attempted":"...","urgency":"NORMAL"}""";

  @Autowired MockMvc http;
  @MockitoBean IssueFiling filing;
  @MockitoBean IssueQueries queries;
  @MockitoBean IssueWithdrawal withdrawal;
  @MockitoBean DeadlineExtension extension;

  @Test
  void withoutSigningInAnOfficialGets401InVietnameseAndNoServiceIsAsked() throws Exception {
    http.perform(get("/api/issues/" + NUMBER))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8"))
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"thongsuot\", charset=\"UTF-8\""))
        .andExpect(jsonPath("$.title").value("Chưa đăng nhập"));
    http.perform(get("/api/issues/" + NUMBER).header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG, "sai-mat-khau")))
        .andExpect(status().isUnauthorized());
    verifyNoInteractions(queries, filing);
  }

  @Test
  void aNewFilingAnswers201WithTheIssueAndItsAddressAndTheServiceKnowsTheCaller() throws Exception {
    when(filing.file(any(), any(), eq("key-1"))).thenReturn(new IssueFiling.Filed(NUMBER, true));
    when(queries.view(eq(NUMBER), any())).thenReturn(view());

    http.perform(post("/api/issues").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .header("Idempotency-Key", "key-1").contentType(MediaType.APPLICATION_JSON).content(FILING))
        .andExpect(status().isCreated())
        .andExpect(header().string(HttpHeaders.LOCATION, "/api/issues/" + NUMBER))
        .andExpect(jsonPath("$.number").value(NUMBER))
        .andExpect(jsonPath("$.current.unitName").value("Sở Tài chính thành phố Hải Phòng"));

    ArgumentCaptor<FilingRequest> request = ArgumentCaptor.forClass(FilingRequest.class);
    ArgumentCaptor<CurrentOfficial> official = ArgumentCaptor.forClass(CurrentOfficial.class);
    verify(filing).file(request.capture(), official.capture(), eq("key-1"));
    assertThat(request.getValue().title()).isEqualTo("Chưa có giá đất");
    assertThat(official.getValue().userId()).isEqualTo(THANH_DONG);
    assertThat(official.getValue().groupIds()).containsExactly("commune-10507");
  }

  @Test
  void theSameIdempotencyKeyAgainAnswers200WithTheFirstIssue() throws Exception {
    when(filing.file(any(), any(), eq("key-1"))).thenReturn(new IssueFiling.Filed(NUMBER, false));
    when(queries.view(eq(NUMBER), any())).thenReturn(view());

    http.perform(post("/api/issues").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .header("Idempotency-Key", "key-1").contentType(MediaType.APPLICATION_JSON).content(FILING))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value(NUMBER));
  }

  @Test
  void twoRequestsWithOneKeyAtOnceBothGetTheIssueTheFirstOneFiled() throws Exception {
    when(filing.file(any(), any(), eq("key-1"))).thenThrow(new DuplicateKeyException("ts_idempotency"));
    when(filing.earlierFiling(THANH_DONG, "key-1")).thenReturn(Optional.of(NUMBER));
    when(queries.view(eq(NUMBER), any())).thenReturn(view());

    http.perform(post("/api/issues").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .header("Idempotency-Key", "key-1").contentType(MediaType.APPLICATION_JSON).content(FILING))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value(NUMBER));
  }

  @Test
  void aRefusedFilingIs400AndListsEveryProblem() throws Exception {
    when(filing.file(any(), any(), isNull())).thenThrow(new RejectedRequest(RejectedRequest.Reason.INVALID,
        List.of("Tiêu đề không được để trống.", "Mã xã '99999' không có trong danh mục.")));

    http.perform(post("/api/issues").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .contentType(MediaType.APPLICATION_JSON).content(FILING))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"))
        .andExpect(jsonPath("$.errors[0]").value("Tiêu đề không được để trống."))
        .andExpect(jsonPath("$.errors[1]").value("Mã xã '99999' không có trong danh mục."));
    verifyNoInteractions(queries);
  }

  @Test
  void aBodyThatIsNotJsonOrNotJsonAtAllIsRefusedBeforeAnyService() throws Exception {
    http.perform(post("/api/issues").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(
            "Nội dung yêu cầu không đọc được: cần JSON hợp lệ với đúng kiểu dữ liệu của từng trường."));
    http.perform(post("/api/issues").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .contentType(MediaType.TEXT_PLAIN).content("tiêu đề"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.title").value("Kiểu nội dung không được hỗ trợ"));
    http.perform(get("/api/issues/" + NUMBER).header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotAcceptable());
    http.perform(delete("/api/issues/" + NUMBER).header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG)))
        // Its Vietnamese body is the error page's (ApiErrorAttributes), which a servlet container
        // renders and MockMvc does not: BadInputSweepTest reads it over HTTP.
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string(HttpHeaders.ALLOW, "GET"));
    verifyNoInteractions(filing, queries);
  }

  @Test
  void anIssueOutsideTheCallersUnitsIs404AsIfItDidNotExist() throws Exception {
    when(queries.view(eq(NUMBER), any())).thenThrow(
        new RejectedRequest(RejectedRequest.Reason.NOT_FOUND, "Không có vướng mắc số " + NUMBER + "."));

    http.perform(get("/api/issues/" + NUMBER).header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.title").value("Không tìm thấy"))
        .andExpect(jsonPath("$.detail").value("Không có vướng mắc số " + NUMBER + "."));
  }

  @Test
  void anExtensionMustCountWholeWorkingDaysAndABadOneExtendsNothing() throws Exception {
    for (String days : List.of("\"5\"", "2.5", "true")) {
      http.perform(post("/api/issues/" + NUMBER + "/deadline-extension")
              .header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG)).contentType(MediaType.APPLICATION_JSON)
              .content("{\"workingDays\": " + days + ", \"reason\": \"Chờ ý kiến Bộ\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail").value("workingDays phải là số nguyên ngày làm việc, ví dụ 5."));
    }
    verifyNoInteractions(extension, queries);

    when(queries.view(eq(NUMBER), any())).thenReturn(view());
    http.perform(post("/api/issues/" + NUMBER + "/deadline-extension")
            .header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"workingDays\": 5, \"reason\": \"Chờ ý kiến Bộ\"}"))
        .andExpect(status().isOk());
    verify(extension).extend(eq(NUMBER), eq(5), eq("Chờ ý kiến Bộ"), any());
  }

  @Test
  void aWithdrawalReasonMustBeTextAndTheServiceGetsTheCaller() throws Exception {
    http.perform(post("/api/issues/" + NUMBER + "/withdrawal").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": 5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("reason phải là chuỗi ký tự."));
    verifyNoInteractions(withdrawal);

    when(queries.view(eq(NUMBER), any())).thenReturn(view());
    http.perform(post("/api/issues/" + NUMBER + "/withdrawal").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Xã đã tự giải quyết\"}"))
        .andExpect(status().isOk());
    ArgumentCaptor<CurrentOfficial> official = ArgumentCaptor.forClass(CurrentOfficial.class);
    verify(withdrawal).withdraw(eq(NUMBER), eq("Xã đã tự giải quyết"), official.capture());
    assertThat(official.getValue().userId()).isEqualTo(THANH_DONG);
  }

  @Test
  void aWithdrawalThatIsNoLongerPossibleIs409() throws Exception {
    doThrow(new RejectedRequest(RejectedRequest.Reason.CONFLICT, "Vướng mắc đã kết thúc."))
        .when(withdrawal).withdraw(eq(NUMBER), anyString(), any());

    http.perform(post("/api/issues/" + NUMBER + "/withdrawal").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Xã đã tự giải quyết\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Xung đột"))
        .andExpect(jsonPath("$.detail").value("Vướng mắc đã kết thúc."));
  }

  @Test
  void theListGoesToTheServiceWithTheCallerAndItsFiltersAndItsRefusalIsAVietnameseProblem() throws Exception {
    when(queries.list(eq("OPEN"), eq("land"), eq(2), eq(10), any())).thenReturn(new IssueList(2, 10, 21, List.of()));
    http.perform(get("/api/issues?status=OPEN&field=land&page=2&size=10")
            .header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(21))
        .andExpect(jsonPath("$.page").value(2));
    ArgumentCaptor<CurrentOfficial> official = ArgumentCaptor.forClass(CurrentOfficial.class);
    verify(queries).list(eq("OPEN"), eq("land"), eq(2), eq(10), official.capture());
    assertThat(official.getValue().groupIds()).containsExactly("commune-10507");

    when(queries.list(eq("DONE"), isNull(), isNull(), isNull(), any())).thenThrow(
        new RejectedRequest(RejectedRequest.Reason.INVALID, "Trạng thái 'DONE' không có."));
    http.perform(get("/api/issues?status=DONE").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG)))
        .andExpect(status().isBadRequest())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.detail").value("Trạng thái 'DONE' không có."));
    http.perform(get("/api/issues?page=một").header(HttpHeaders.AUTHORIZATION, basic(THANH_DONG)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Giá trị 'một' của tham số 'page' không hợp lệ."));
    http.perform(get("/api/issues")).andExpect(status().isUnauthorized());
  }

  static IssueView view() {
    Instant filed = Instant.parse("2026-12-01T02:00:00Z");
    return new IssueView(NUMBER, "OPEN", "Đang xử lý", "10507", "Phường Thành Đông", "31", "Thành phố Hải Phòng",
        "LAND", "Đất đai", "NORMAL", "Chưa có giá đất", "...", "...", null, THANH_DONG, filed,
        new IssueView.Current("DEPARTMENT", "Sở chuyên ngành", "province-31-finance",
            "Sở Tài chính thành phố Hải Phòng", null, "Xử lý vướng mắc", Instant.parse("2026-12-15T10:00:00Z"),
            "17:00 ngày 15/12/2026, giờ Việt Nam", 8, false, null, false, null),
        List.of());
  }
}
