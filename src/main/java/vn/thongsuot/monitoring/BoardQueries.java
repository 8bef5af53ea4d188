package vn.thongsuot.monitoring;

import static vn.thongsuot.system.SqlTimes.instant;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.Commune;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.escalation.VietnameseDates;
import vn.thongsuot.system.RejectedRequest;

/**
 * The supervisors' board, read from the read model only ({@code ts_issue}, {@code ts_unit_month},
 * {@code ts_unit_month_days}): never from Camunda's runtime or history tables, so it stays fast
 * with a million issues.
 */
@Service
public class BoardQueries {

  public static final int MAX_PAGE_SIZE = 200;
  static final String[] STATES = {"ON_TIME", "DUE_SOON", "OVERDUE", "ESCALATED"};
  private static final Map<String, String> STATE_LABELS = Map.of(
      "ON_TIME", "Trong hạn", "DUE_SOON", "Sắp đến hạn", "OVERDUE", "Quá hạn",
      "ESCALATED", "Chuyển lên do không trả lời");
  private static final Map<String, String> TIMER_LABELS = Map.of(
      "REMINDER", "Nhắc hạn", "DEADLINE", "Đến hạn", "ESCALATION", "Chuyển lên cấp trên",
      "FOLLOW_UP", "Báo cáo tiến độ lộ trình", "SESSION_END", "Bế mạc kỳ họp Quốc hội");
  /** Stages whose deadline is a timer's firing, not a unit's answer: never "overdue". */
  static final String WAITS = Stage.timerWaitsSql();

  private static final java.util.regex.Pattern PROVINCIAL_UNIT =
      java.util.regex.Pattern.compile("province-(\\d{2})-.*");

  private final JdbcTemplate jdbc;
  private final UnitDirectory directory;
  private final WorkingDayCalendar calendar;

  BoardQueries(JdbcTemplate jdbc, UnitDirectory directory, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.calendar = calendar;
  }

  /** Filters of the timer board; null or blank means "any". */
  public record TimerFilter(String province, String field, String level, String unit, String state) {}

  public BoardPage<TimerRow> timers(TimerFilter filter, SupervisorScope scope, int page, int size,
      Instant now) {
    checkPaging(page, size);
    StringBuilder where = new StringBuilder(" FROM ts_issue WHERE status = 'OPEN'");
    List<Object> args = new ArrayList<>();
    Optional<String> province = scope.narrow(filter.province());
    province.ifPresent(p -> and(where, args, "province_code = ?", p));
    if (notBlank(filter.field())) {
      and(where, args, "field_code = ?", filter.field());
    }
    if (notBlank(filter.level())) {
      if (Stage.of(filter.level()).isEmpty()) {
        throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Cấp '" + filter.level() + "' không hợp lệ.");
      }
      and(where, args, "current_level = ?", filter.level());
    }
    if (notBlank(filter.unit())) {
      and(where, args, "current_group = ?", filter.unit());
    }
    if (notBlank(filter.state())) {
      Timestamp at = Timestamp.from(now);
      switch (filter.state()) {
        case "OVERDUE" -> and(where, args, "deadline_at < ? AND current_level NOT IN " + WAITS, at);
        case "DUE_SOON" -> {
          and(where, args, "reminder_at <= ?", at);
          and(where, args, "deadline_at >= ?", at);
        }
        case "ON_TIME" -> {
          and(where, args, "(reminder_at IS NULL OR reminder_at > ?)", at);
          and(where, args, "(deadline_at >= ? OR current_level IN " + WAITS + ")", at);
        }
        case "ESCALATED" -> where.append(" AND arrived_escalated = TRUE");
        default -> throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Trạng thái '"
            + filter.state() + "' không hợp lệ: " + String.join(", ", STATES) + ".");
      }
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    // A long: page 2,147,483,647 of 200 rows is an empty page, not an overflowing negative offset.
    pageArgs.add((long) page * size);
    List<TimerRow> rows = jdbc.query("SELECT issue_number, title, commune_code, province_code,"
        + " field_code, current_level, current_group, reminder_at, deadline_at, next_timer_kind,"
        + " next_timer_at, arrived_escalated, deadline_provisional" + where
        + " ORDER BY next_timer_at NULLS LAST, issue_number LIMIT ? OFFSET ?",
        (rs, i) -> timerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
            instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)),
            rs.getBoolean(12), rs.getBoolean(13), now),
        pageArgs.toArray());
    return new BoardPage<>(rows, page, size, total == null ? 0 : total);
  }

  /** What the league tables group by. */
  public enum LeagueBy { COMMUNE, DEPARTMENT, PROVINCE_COMMITTEE, MINISTRY, PROVINCE }

  public List<LeagueRow> league(LeagueBy by, Period period, SupervisorScope scope, Instant now) {
    boolean byProvince = by == LeagueBy.PROVINCE;
    if (by == LeagueBy.MINISTRY && scope.province().isPresent()) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Bảng xếp hạng các bộ, cơ quan trung ương dành cho cơ quan giám sát Trung ương.");
    }
    String key = byProvince ? "province_code" : "unit_group";
    String kinds = byProvince ? "unit_kind IN ('COMMUNE','DEPARTMENT','PROVINCE_COMMITTEE')"
        : "unit_kind = '" + UnitKind.valueOf(by.name()).name() + "'";
    String scopeSql = scope.province().map(p -> " AND province_code = ?").orElse("");
    // A whole year reads the yearly rollup: one row per unit instead of twelve.
    boolean year = period.fromYearMonth() % 100 == 1 && period.toYearMonth() % 100 == 12
        && period.fromYearMonth() / 100 == period.toYearMonth() / 100;
    String counters = year ? "ts_unit_year" : "ts_unit_month";
    String days = year ? "ts_unit_year_days" : "ts_unit_month_days";
    String periodSql = year ? "year_no BETWEEN ? AND ?" : "year_month BETWEEN ? AND ?";
    List<Object> args = new ArrayList<>(year
        ? List.of(period.fromYearMonth() / 100, period.toYearMonth() / 100)
        : List.of(period.fromYearMonth(), period.toYearMonth()));
    scope.province().ifPresent(args::add);

    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, String> provinces = new HashMap<>();
    jdbc.query("SELECT " + key + ", MAX(province_code), SUM(received), SUM(on_time), SUM(late),"
        + " SUM(no_answer) FROM " + counters + " WHERE " + periodSql + " AND " + kinds + scopeSql
        + " GROUP BY " + key, rs -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
          provinces.put(rs.getString(1), rs.getString(2));
        }, args.toArray());

    Map<String, TreeMap<Integer, Long>> histograms = new HashMap<>();
    jdbc.query("SELECT " + key + ", working_days, SUM(answers) FROM " + days
        + " WHERE " + periodSql + " AND " + kinds + scopeSql + " GROUP BY " + key + ", working_days",
        rs -> {
          histograms.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
              .merge(rs.getInt(2), rs.getLong(3), Long::sum);
        }, args.toArray());

    Map<String, Long> openOverdue = openOverdue(byProvince, by, scope, now);
    List<String> keys = new ArrayList<>(counts.keySet());
    openOverdue.keySet().stream().filter(k -> !counts.containsKey(k)).forEach(keys::add);
    List<LeagueRow> rows = new ArrayList<>();
    for (String k : keys) {
      long[] c = counts.getOrDefault(k, new long[4]);
      long answered = c[1] + c[2];
      rows.add(new LeagueRow(k, byProvince ? provinceName(k) : directory.unitNameOrId(k),
          byProvince ? k : provinces.getOrDefault(k, provinceOfGroup(k)), c[0], c[1], c[2], c[3],
          openOverdue.getOrDefault(k, 0L), median(histograms.get(k)),
          answered + c[3] == 0 ? null : (double) c[1] / (answered + c[3])));
    }
    rows.sort(Comparator.comparing((LeagueRow r) -> r.onTimeRate() == null ? -1 : r.onTimeRate())
        .reversed().thenComparing(LeagueRow::received, Comparator.reverseOrder())
        .thenComparing(LeagueRow::key));
    return rows;
  }

  /** Issues received and answered late or not at all, per month of receipt: the overdue trend. */
  public List<Map<String, Object>> overdueTrend(int months, SupervisorScope scope, Instant now) {
    YearMonth last = YearMonth.from(now.atZone(WorkingDayCalendar.VIETNAM));
    YearMonth first = last.minusMonths(months - 1L);
    List<Object> args = new ArrayList<>(List.of(Period.key(first), Period.key(last)));
    scope.province().ifPresent(args::add);
    Map<Integer, long[]> byMonth = new TreeMap<>();
    jdbc.query("SELECT year_month, SUM(received), SUM(late), SUM(no_answer) FROM ts_unit_month"
        + " WHERE year_month BETWEEN ? AND ?" + scope.province().map(p -> " AND province_code = ?").orElse("")
        + " GROUP BY year_month", rs -> {
          byMonth.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }, args.toArray());
    List<Map<String, Object>> trend = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      long[] c = byMonth.getOrDefault(Period.key(m), new long[3]);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("month", m.toString());
      point.put("received", c[0]);
      point.put("late", c[1]);
      point.put("unanswered", c[2]);
      trend.add(point);
    }
    return trend;
  }

  private Map<String, Long> openOverdue(boolean byProvince, LeagueBy by, SupervisorScope scope, Instant now) {
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(now)));
    scope.province().ifPresent(args::add);
    Map<String, Long> result = new HashMap<>();
    jdbc.query("SELECT " + (byProvince ? "province_code" : "current_group") + ", COUNT(*) FROM ts_issue"
        + " WHERE status = 'OPEN' AND deadline_at < ? AND current_level NOT IN " + WAITS
        + scope.province().map(p -> " AND province_code = ?").orElse("")
        + " GROUP BY " + (byProvince ? "province_code" : "current_group"), rs -> {
          String key = rs.getString(1);
          if (byProvince || UnitKind.of(key).name().equals(by.name())) {
            result.put(key, rs.getLong(2));
          }
        }, args.toArray());
    return result;
  }

  /** The exact median of integer working days from their counts. */
  static Double median(TreeMap<Integer, Long> histogram) {
    if (histogram == null || histogram.isEmpty()) {
      return null;
    }
    long total = histogram.values().stream().mapToLong(Long::longValue).sum();
    long lowerIndex = (total - 1) / 2;
    long upperIndex = total / 2;
    Integer lower = null;
    Integer upper = null;
    long seen = 0;
    for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
      long next = seen + bucket.getValue();
      if (lower == null && lowerIndex < next) {
        lower = bucket.getKey();
      }
      if (upperIndex < next) {
        upper = bucket.getKey();
        break;
      }
      seen = next;
    }
    return (lower + upper) / 2.0;
  }

  private TimerRow timerRow(String number, String title, String communeCode, String province,
      String field, String level, String group, Instant reminder, Instant deadline, String nextKind,
      Instant nextAt, boolean escalated, boolean provisional, Instant now) {
    Optional<Commune> commune = directory.commune(communeCode);
    boolean wait = Stage.of(level).map(Stage::isTimerWait).orElse(false);
    String state = deadline == null || wait ? "ON_TIME"
        : deadline.isBefore(now) ? "OVERDUE"
        : reminder != null && !reminder.isAfter(now) ? "DUE_SOON" : "ON_TIME";
    return new TimerRow(number, title, communeCode, commune.map(Commune::name).orElse(communeCode),
        province, commune.map(c -> c.province().name()).orElse(province), field, level,
        Stage.of(level).map(Stage::label).orElse(level), group,
        group == null ? null : directory.unitNameOrId(group),
        deadline, VietnameseDates.dateTime(deadline),
        deadline == null ? null : calendar.workingDaysBetween(now, deadline), state,
        STATE_LABELS.get(state), escalated, nextKind, nextKind == null ? null : TIMER_LABELS.get(nextKind),
        nextAt, VietnameseDates.dateTime(nextAt), provisional);
  }

  /** Open issues in scope whose deadline waits for a Tết announcement: the board's banner. */
  public long openProvisional(SupervisorScope scope) {
    List<Object> args = new ArrayList<>();
    scope.province().ifPresent(args::add);
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ts_issue WHERE status = 'OPEN'"
        + " AND deadline_provisional = TRUE" + scope.province().map(p -> " AND province_code = ?").orElse(""),
        Long.class, args.toArray());
    return count == null ? 0 : count;
  }


  private String provinceName(String code) {
    return directory.province(code).map(p -> p.name()).orElse(code);
  }

  /** The province of a commune or provincial unit; null for central bodies. */
  private String provinceOfGroup(String group) {
    Optional<String> commune = UnitIds.communeCodeOf(group);
    if (commune.isPresent()) {
      return directory.commune(commune.get()).map(c -> c.province().code()).orElse(null);
    }
    java.util.regex.Matcher m = PROVINCIAL_UNIT.matcher(group);
    return m.matches() ? m.group(1) : null;
  }

  private static void checkPaging(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Trang phải từ 0 và cỡ trang từ 1 đến " + MAX_PAGE_SIZE + ".");
    }
  }

  private static void and(StringBuilder where, List<Object> args, String condition, Object... values) {
    where.append(" AND ").append(condition);
    args.addAll(List.of(values));
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

}
