package vn.thongsuot.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * The administrator's calendar: which version every node counts with, its history (who, when,
 * source, what changed, how the recount went), and loading a year's announcement or a correction
 * (the page {@code /board/calendar.html} uses these). Group {@code camunda-admin} only; everybody
 * else gets 403 in Vietnamese.
 */
@RestController
@RequestMapping(path = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

  static final String ADMIN_GROUP = "camunda-admin";

  private final CalendarVersions versions;
  private final WorkingDayCalendar calendar;

  CalendarController(CalendarVersions versions, WorkingDayCalendar calendar) {
    this.versions = versions;
    this.calendar = calendar;
  }

  /** The version in use, its document, how its years stand, and whether the start-up file differs. */
  @GetMapping
  Map<String, Object> current() {
    admin();
    WorkingDayCalendar now = calendar.current();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", now.version());
    body.put("content", versions.content(now.version()).orElse(null));
    body.put("endOfDay", now.endOfDayText());
    body.put("years", years(now));
    body.put("tetDefaultRule", WorkingDayCalendar.TET_DEFAULT_RULE);
    body.put("startupFile", versions.startupFile().origin());
    body.put("startupFileDiffers", versions.startupFileDiffers());
    body.put("startupFileContent", versions.startupFileDiffers() ? versions.startupFile().text() : null);
    return body;
  }

  @GetMapping("/versions")
  List<CalendarVersion> history() {
    admin();
    return versions.history();
  }

  /** One version by its number (the name the API's other paths use for their numbers). */
  @GetMapping("/versions/{number}")
  Map<String, Object> version(@PathVariable("number") String version) {
    admin();
    int number = number(version);
    CalendarVersion found = versions.find(number).orElseThrow(CalendarController::unknown);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", found);
    body.put("content", versions.content(number).orElse(null));
    return body;
  }

  /** {"content": "<the whole document>", "source": "<document number and date>"}: 201 with the version. */
  @PostMapping("/versions")
  ResponseEntity<CalendarVersions.Loaded> load(@RequestBody(required = false) Map<String, Object> body) {
    CurrentOfficial official = admin();
    CalendarVersions.Loaded loaded = versions.load(text(body, "content"), text(body, "source"), official);
    return ResponseEntity.created(URI.create("/api/calendar/versions/" + loaded.version().number())).body(loaded);
  }

  /** This year and the next two: whether Tết is announced, and the Tết days counted. */
  private static List<Map<String, Object>> years(WorkingDayCalendar now) {
    int year = EngineClock.now().atZone(WorkingDayCalendar.VIETNAM).getYear();
    List<Map<String, Object>> years = new ArrayList<>();
    for (int y = year - 1; y <= year + 2; y++) {
      LocalDate newYear = now.lunarNewYear(y);
      List<String> tetDaysOff = new ArrayList<>();
      for (LocalDate d = newYear.minusDays(WorkingDayCalendar.TET_WINDOW_DAYS);
          !d.isAfter(newYear.plusDays(WorkingDayCalendar.TET_WINDOW_DAYS)); d = d.plusDays(1)) {
        LocalDate day = d;
        now.whyNotWorking(d).filter(r -> r.contains("Tết Nguyên đán"))
            .ifPresent(r -> tetDaysOff.add(day + " " + r));
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("year", y);
      entry.put("lunarNewYear", newYear);
      entry.put("tetAnnounced", now.rules().tetAnnounced(y));
      entry.put("tetDaysOff", tetDaysOff);
      years.add(entry);
    }
    return years;
  }

  private static CurrentOfficial admin() {
    CurrentOfficial official = CurrentOfficial.fromSecurityContext();
    if (!official.belongsTo(ADMIN_GROUP)) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Chỉ quản trị viên hệ thống mới xem và nạp được lịch nghỉ làm việc.");
    }
    return official;
  }

  private static int number(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw unknown();
    }
  }

  private static RejectedRequest unknown() {
    return new RejectedRequest(RejectedRequest.Reason.NOT_FOUND, "Không có phiên bản lịch nghỉ này.");
  }

  private static String text(Map<String, Object> body, String name) {
    Object value = body == null ? null : body.get(name);
    if (value != null && !(value instanceof String)) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, name + " phải là chuỗi ký tự.");
    }
    return (String) value;
  }
}
