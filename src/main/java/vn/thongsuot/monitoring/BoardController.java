package vn.thongsuot.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.Province;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.system.CsvCells;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/** JSON (and CSV) behind the supervisors' board, for supervisors in scope only. */
@RestController
@RequestMapping(path = "/api/board", produces = MediaType.APPLICATION_JSON_VALUE)
class BoardController {

  private final BoardQueries board;
  private final EscalationLadder ladder;
  private final UnitDirectory directory;

  BoardController(BoardQueries board, EscalationLadder ladder, UnitDirectory directory) {
    this.board = board;
    this.ladder = ladder;
    this.directory = directory;
  }

  /** Who is watching and over what: the page's header. */
  @GetMapping("/me")
  Map<String, Object> me() {
    CurrentOfficial official = CurrentOfficial.fromSecurityContext();
    SupervisorScope scope = SupervisorScope.of(official);
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("userId", official.userId());
    me.put("province", scope.province().orElse(null));
    me.put("scopeLabel", scope.province().flatMap(directory::province).map(Province::name).orElse("Toàn quốc"));
    return me;
  }

  /** The choices of the board's filters: provinces in scope, fields (from the DMN), stages. */
  @GetMapping("/options")
  Map<String, Object> options() {
    SupervisorScope scope = scope();
    List<Map<String, String>> provinces = directory.provinces().stream()
        .filter(p -> scope.province().map(p.code()::equals).orElse(true))
        .map(p -> Map.of("code", p.code(), "label", p.name())).toList();
    List<Map<String, String>> fields = ladder.fields().stream()
        .map(f -> Map.of("code", f.field(), "label", f.fieldName())).toList();
    List<Map<String, String>> levels = Arrays.stream(Stage.values())
        .map(s -> Map.of("code", s.name(), "label", s.label())).toList();
    return Map.of("provinces", provinces, "fields", fields, "levels", levels);
  }

  /** Every running deadline, sorted by what fires next. */
  @GetMapping("/timers")
  BoardPage<TimerRow> timers(@RequestParam(required = false) String province,
      @RequestParam(required = false) String field, @RequestParam(required = false) String level,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String state,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    SupervisorScope scope = scope();
    // An unknown value is a mistake to point out, not a filter that quietly matches nothing.
    if (notBlank(province) && directory.province(province).isEmpty()) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Tỉnh mã '" + province + "' không hợp lệ.");
    }
    if (notBlank(field) && ladder.routing(field).isEmpty()) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Lĩnh vực '" + field + "' không hợp lệ.");
    }
    if (notBlank(unit) && directory.unit(unit).isEmpty()) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Đơn vị '" + unit + "' không hợp lệ.");
    }
    return board.timers(new BoardQueries.TimerFilter(province, field, level, unit, state), scope,
        page, size, now());
  }

  /**
   * How many open deadlines in scope are provisional (counted over a Tết whose break is not
   * announced yet), and what that means: the board shows a banner while there is any.
   */
  @GetMapping("/provisional")
  Map<String, Object> provisional() {
    long open = board.openProvisional(scope());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("openProvisional", open);
    body.put("message", open == 0 ? null : open + " thời hạn đang mở được " + WorkingDayCalendar.PROVISIONAL_NOTE
        + ". Khi thông báo được nạp vào lịch, các thời hạn này được tính lại.");
    body.put("tetDefaultRule", WorkingDayCalendar.TET_DEFAULT_RULE);
    return body;
  }

  /** The league table of one kind of unit for a month, a quarter or a year. */
  @GetMapping("/league")
  Map<String, Object> league(@RequestParam(defaultValue = "DEPARTMENT") String by,
      @RequestParam(required = false) String period) {
    Period parsed = period(period);
    return Map.of("by", leagueBy(by).name(), "period", parsed.label(),
        "rows", board.league(leagueBy(by), parsed, scope(), now()));
  }

  /** The same table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese). */
  @GetMapping(value = "/league.csv", produces = "text/csv")
  ResponseEntity<byte[]> leagueCsv(@RequestParam(defaultValue = "DEPARTMENT") String by,
      @RequestParam(required = false) String period) {
    BoardQueries.LeagueBy kind = leagueBy(by);
    Period parsed = period(period);
    List<LeagueRow> rows = board.league(kind, parsed, scope(), now());
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append("Mã,Đơn vị,Tỉnh,Tiếp nhận,Trả lời đúng hạn,Trả lời quá hạn,Không trả lời (chuyển lên),"
        + "Đang quá hạn,Trung vị ngày làm việc,Tỷ lệ đúng hạn\r\n");
    for (LeagueRow row : rows) {
      csv.append(CsvCells.cell(row.key())).append(',').append(CsvCells.cell(row.name())).append(',')
          .append(CsvCells.cell(row.provinceCode())).append(',').append(row.received()).append(',')
          .append(row.answeredOnTime()).append(',').append(row.answeredLate()).append(',')
          .append(row.unanswered()).append(',').append(row.openOverdue()).append(',')
          .append(row.medianWorkingDays() == null ? "" : row.medianWorkingDays()).append(',')
          .append(row.onTimeRate() == null ? "" : String.format(Locale.ROOT, "%.3f", row.onTimeRate()))
          .append("\r\n");
    }
    String file = "bang-xep-hang-" + kind.name().toLowerCase(Locale.ROOT) + "-"
        + parsed.fromYearMonth() + "-" + parsed.toYearMonth() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Received, answered late and unanswered per month of receipt, for the trend chart. */
  @GetMapping("/trend")
  List<Map<String, Object>> trend(@RequestParam(defaultValue = "12") int months) {
    if (months < 1 || months > 36) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Số tháng phải từ 1 đến 36.");
    }
    return board.overdueTrend(months, scope(), now());
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  private static SupervisorScope scope() {
    return SupervisorScope.of(CurrentOfficial.fromSecurityContext());
  }

  private static Instant now() {
    return EngineClock.now();
  }

  private static Period period(String text) {
    return Period.parse(text, YearMonth.from(now().atZone(WorkingDayCalendar.VIETNAM)));
  }

  private static BoardQueries.LeagueBy leagueBy(String by) {
    try {
      return BoardQueries.LeagueBy.valueOf(by.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Bảng '" + by
          + "' không có: chọn COMMUNE, DEPARTMENT, PROVINCE_COMMITTEE, MINISTRY hoặc PROVINCE.");
    }
  }

}
