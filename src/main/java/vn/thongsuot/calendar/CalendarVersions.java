package vn.thongsuot.calendar;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.PlainText;
import vn.thongsuot.system.RejectedRequest;

/**
 * The working-day calendar's versions, kept in the database so that every node of a cluster counts
 * with the same one (docs/calendar.md, "Changing the calendar while it runs").
 * <ul>
 *   <li>At start-up the file of start-up ({@link HolidayFileText}) seeds version 1 of an empty
 *       database; otherwise the highest version in the database is used, and a file that differs
 *       from it is reported (log, administrator's page), never applied behind anybody's back.
 *   <li>{@link #load} checks an administrator's document exactly as the file at start-up is
 *       checked, stores it as the next version with who, when, the source and what it changes, and
 *       announces {@link CalendarVersionLoaded} in the same transaction; this node counts with it
 *       after the commit.
 *   <li>Every node looks for a newer version every few seconds ({@link CalendarRefresh}), and
 *       before it recounts deadlines for a version ({@link #ensureAtLeast}).
 * </ul>
 */
@Service
public class CalendarVersions implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarVersions.class);

  public static final int MAX_CONTENT = 200_000;
  public static final int MAX_SOURCE = 1000;
  static final int MAX_CHANGE_LINES = 300;
  static final String SYSTEM = "hệ thống";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Map<DayOfWeek, String> WEEKDAYS = Map.of(DayOfWeek.MONDAY, "Thứ Hai",
      DayOfWeek.TUESDAY, "Thứ Ba", DayOfWeek.WEDNESDAY, "Thứ Tư", DayOfWeek.THURSDAY, "Thứ Năm",
      DayOfWeek.FRIDAY, "Thứ Sáu", DayOfWeek.SATURDAY, "Thứ Bảy", DayOfWeek.SUNDAY, "Chủ Nhật");

  private final CalendarVersionStore store;
  private final WorkingDayCalendar calendar;
  private final HolidayFileText startupFile;
  private final ApplicationEventPublisher events;
  /** Calendars of older versions, for recounting deadlines set before versions were stored. */
  private final Map<Integer, WorkingDayCalendar> older = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, WorkingDayCalendar> eldest) {
      return size() > 8;
    }
  };
  private volatile boolean startupFileDiffers;

  CalendarVersions(CalendarVersionStore store, WorkingDayCalendar calendar, HolidayFileText startupFile,
      ApplicationEventPublisher events) {
    this.store = store;
    this.calendar = calendar;
    this.startupFile = startupFile;
    this.events = events;
  }

  /** Seeds version 1 on an empty database, then counts with the highest version. */
  @Override
  public void afterPropertiesSet() {
    if (store.latestNumber() == 0) {
      try {
        store.insert(1, EngineClock.now(), SYSTEM, "Tệp lịch nghỉ khi khởi động lần đầu ("
            + startupFile.origin() + ")", "Phiên bản đầu tiên: các điều chỉnh của tệp lịch nghỉ khi khởi động.",
            startupFile.text(), startupFile.hash());
        LOG.info("Working-day calendar: version 1 stored from {}", startupFile.origin());
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        LOG.info("Working-day calendar: version 1 was stored by another node meanwhile");
      }
    }
    refresh();
    CalendarVersion latest = store.find(calendar.version()).orElseThrow();
    startupFileDiffers = !latest.contentHash().equals(startupFile.hash());
    if (startupFileDiffers) {
      LOG.warn("Working-day calendar: the holidays file {} differs from calendar version {} in the database,"
          + " which is used (every node counts with the database's version); to use the file, load it as a"
          + " new version on /board/calendar.html or POST /api/calendar/versions", startupFile.origin(),
          latest.number());
    }
  }

  /** Counts with the database's highest version if it is newer than this node's; true if it changed. */
  public synchronized boolean refresh() {
    int latest = store.latestNumber();
    if (latest <= calendar.version()) {
      return false;
    }
    calendar.replace(rulesOf(latest), latest);
    LOG.info("Working-day calendar: now counting with version {}", latest);
    return true;
  }

  /**
   * Before deadlines are counted for {@code version}: this node reads it if it has not yet.
   *
   * @throws IllegalStateException when the database has no such version (the job is retried)
   */
  public void ensureAtLeast(int version) {
    if (calendar.version() < version) {
      refresh();
    }
    if (calendar.version() < version) {
      throw new IllegalStateException("calendar version " + version + " is not in the database (this node"
          + " counts with " + calendar.version() + ")");
    }
  }

  /** The calendar of an older version (0, from before versions were stored, is taken as version 1). */
  public synchronized WorkingDayCalendar calendarOf(int version) {
    int number = Math.max(1, version);
    if (number == calendar.version()) {
      return calendar.current();
    }
    return older.computeIfAbsent(number, n -> {
      HolidayRules rules = rulesOf(n);
      WorkingDayCalendar then = new WorkingDayCalendar(rules, calendar.endOfDay());
      then.replace(rules, n);
      return then.current();
    });
  }

  public List<CalendarVersion> history() {
    return store.all();
  }

  public Optional<CalendarVersion> find(int version) {
    return store.find(version);
  }

  public Optional<String> content(int version) {
    return store.content(version);
  }

  /** Whether the file this node started with differs from the version in use. */
  public boolean startupFileDiffers() {
    return startupFileDiffers;
  }

  public HolidayFileText startupFile() {
    return startupFile;
  }

  /** What a version load answers: the new version and the days it changes. */
  public record Loaded(CalendarVersion version, List<String> changedDays) {}

  /**
   * Stores an administrator's document as the next version, checked exactly as the file at
   * start-up. Nothing changes when it is refused.
   */
  @Transactional
  public Loaded load(String content, String source, CurrentOfficial official) {
    List<String> problems = new ArrayList<>();
    String trimmedSource = source == null ? "" : source.strip();
    if (content == null || content.isBlank()) {
      problems.add("Cần dán nội dung lịch nghỉ (định dạng như tệp holidays-vn.yaml).");
    } else if (content.length() > MAX_CONTENT) {
      problems.add("Nội dung lịch nghỉ dài quá " + MAX_CONTENT + " ký tự.");
    }
    if (trimmedSource.isEmpty() || trimmedSource.length() > MAX_SOURCE) {
      problems.add("Cần nêu nguồn của thay đổi (số, ngày văn bản hoặc thông báo; tối đa " + MAX_SOURCE
          + " ký tự).");
    } else if (!PlainText.isPlain(trimmedSource)) {
      problems.add(PlainText.problem("Nguồn"));
    }
    if (!problems.isEmpty()) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, problems);
    }
    int previous = store.latestNumber();
    int next = previous + 1;
    HolidayFileText document = new HolidayFileText("calendar version " + next + " (loaded by "
        + official.userId() + ")", content);
    HolidayRules rules;
    try {
      rules = document.parse();
      WorkingDayCalendar.validate(rules);
    } catch (HolidayFileException e) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Lịch nghỉ không hợp lệ, không có gì được"
          + " thay đổi. Lỗi (như khi kiểm tra tệp lúc khởi động): " + e.getMessage());
    }
    CalendarVersion current = store.find(previous).orElseThrow();
    if (current.contentHash().equals(document.hash())) {
      throw new RejectedRequest(RejectedRequest.Reason.CONFLICT, "Nội dung giống hệt phiên bản " + previous
          + " đang dùng; không có gì thay đổi.");
    }
    WorkingDayCalendar before = new WorkingDayCalendar(rulesOf(previous), calendar.endOfDay());
    WorkingDayCalendar after = new WorkingDayCalendar(rules, calendar.endOfDay());
    Instant now = EngineClock.now();
    List<String> changed = describe(before, after, now);
    String changes = changed.isEmpty() ? "Không ngày nào đổi (chỉ sửa nguồn hoặc chú thích)."
        : String.join("\n", changed);
    try {
      store.insert(next, now, official.userId(), trimmedSource, clip(changes), content, document.hash());
    } catch (DuplicateKeyException sameMoment) {
      throw new RejectedRequest(RejectedRequest.Reason.CONFLICT, "Một phiên bản lịch nghỉ khác vừa được nạp;"
          + " hãy tải lại trang, xem phiên bản đó rồi nạp lại nếu cần.");
    }
    events.publishEvent(new CalendarVersionLoaded(next, trimmedSource));
    LOG.info("Working-day calendar: version {} loaded by {} ({} days changed)", next, official.userId(),
        changed.size());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          refresh();
        }
      });
    } else {
      refresh();
    }
    return new Loaded(store.find(next).orElseThrow(), changed);
  }

  /** A recount batch for {@code version} checked so many issues and changed so many. */
  public void recounted(int version, int checked, int changed) {
    store.addRecounted(version, checked, changed);
  }

  public void recountFinished(int version, Instant at) {
    store.recountFinished(version, at);
  }

  /**
   * The days whose status changes, from the year before {@code now} to two years after it and every
   * year either version speaks about: "12/02/2027 (Thứ Sáu): ngày làm việc → Tết Nguyên đán".
   */
  static List<String> describe(WorkingDayCalendar before, WorkingDayCalendar after, Instant now) {
    int year = now.atZone(WorkingDayCalendar.VIETNAM).getYear();
    TreeSet<Integer> years = new TreeSet<>(List.of(year - 1, year + 2));
    for (HolidayRules rules : List.of(before.rules(), after.rules())) {
      years.addAll(rules.tetBreaks().keySet());
      rules.daysOff().forEach(d -> years.add(d.date().getYear()));
      rules.swaps().forEach(s -> years.add(s.dayOff().getYear()));
      rules.fixedHolidays().forEach(h -> years.add(h.fromYear()));
    }
    List<String> lines = new ArrayList<>();
    for (WorkingDayCalendar.DayChange change : after.changesSince(before, years.first(), years.last())) {
      lines.add(DAY.format(change.date()) + " (" + WEEKDAYS.get(change.date().getDayOfWeek()) + "): "
          + (change.before() == null ? "ngày làm việc" : change.before()) + " → "
          + (change.after() == null ? "ngày làm việc" : change.after()));
    }
    for (int y = years.first(); y <= years.last(); y++) {
      boolean was = before.rules().tetAnnounced(y);
      boolean is = after.rules().tetAnnounced(y);
      if (was != is) {
        lines.add("Năm " + y + ": " + (is ? "đã có thông báo nghỉ Tết; thời hạn qua Tết năm này không còn tạm tính."
            : "không còn thông báo nghỉ Tết; thời hạn qua Tết năm này được tạm tính theo Bộ luật Lao động."));
      }
    }
    return lines;
  }

  private static String clip(String changes) {
    String[] lines = changes.split("\n");
    if (lines.length <= MAX_CHANGE_LINES && changes.length() <= 19_000) {
      return changes;
    }
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < lines.length && i < MAX_CHANGE_LINES && kept.length() < 18_000; i++) {
      kept.append(lines[i]).append('\n');
    }
    return kept.append("… (còn ").append(lines.length).append(" dòng thay đổi; xem nội dung phiên bản)").toString();
  }

  private HolidayRules rulesOf(int version) {
    String content = store.content(version).orElseThrow(() ->
        new IllegalStateException("calendar version " + version + " is not in the database"));
    return HolidayRules.parse("calendar version " + version + " in the database", new StringReader(content));
  }
}
