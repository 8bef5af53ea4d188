package vn.thongsuot.calendar;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and validates the holidays data file. The format (see {@code docs/calendar.md}):
 * <pre>
 * years:
 *   2025:
 *     tet: {from: 2025-01-25, to: 2025-02-02, source: "..."}
 *     swaps:
 *       - {dayOff: 2025-05-02, workedSaturday: 2025-04-26, source: "..."}
 *     daysOff:
 *       - {date: 2025-..., reason: "...", source: "..."}
 *     nationalDayAdjacent: {date: 2025-09-01, source: "..."}
 *     lunarNewYear: {date: ..., source: "..."}
 *     hungKingsDay: {date: ..., source: "..."}
 * fixedHolidays:
 *   - {day: "11-24", name: "...", fromYear: 2027, source: "...", verified: false}
 * </pre>
 * Every entry may say {@code verified: true} when its source was checked (default false).
 * It works on SnakeYAML's node tree rather than on loaded maps so every error can name its line:
 * the file is edited by hand by an administrator, and a typo must stop start-up with a message that
 * says where, instead of silently shifting deadlines.
 */
final class HolidayFile {

  private static final Set<String> YEAR_KEYS = Set.of("tet", "swaps", "daysOff",
      "nationalDayAdjacent", "lunarNewYear", "hungKingsDay");
  private static final Set<String> TOP_KEYS = Set.of("years", "fixedHolidays");
  private static final Set<String> TET_KEYS = Set.of("from", "to", "source", "verified");
  private static final Set<String> DATED_KEYS = Set.of("date", "source", "verified");
  private static final Set<String> DAY_OFF_KEYS = Set.of("date", "reason", "source", "verified");
  private static final Set<String> SWAP_KEYS = Set.of("dayOff", "workedSaturday", "source", "verified");
  private static final Set<String> FIXED_KEYS = Set.of("day", "name", "fromYear", "untilYear", "source",
      "verified");
  /** Days that art. 112 already makes holidays every year: a fixed holiday there would add nothing. */
  private static final Set<MonthDay> STATUTORY_DAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(4, 30),
      MonthDay.of(5, 1), MonthDay.of(9, 2));
  private static final int FIRST_YEAR = WorkingDayCalendar.FIRST_YEAR;
  private static final int LAST_YEAR = WorkingDayCalendar.LAST_YEAR;

  private final String origin;
  private final Map<Integer, HolidayRules.Dated> lunarNewYears = new HashMap<>();
  private final Map<Integer, HolidayRules.Dated> hungKingsDays = new HashMap<>();
  private final Map<Integer, HolidayRules.Dated> nationalDayAdjacent = new HashMap<>();
  private final Map<Integer, HolidayRules.TetBreak> tetBreaks = new HashMap<>();
  private final List<HolidayRules.DayOff> daysOff = new ArrayList<>();
  private final List<HolidayRules.Swap> swaps = new ArrayList<>();
  private final List<HolidayRules.FixedHoliday> fixedHolidays = new ArrayList<>();
  private final Map<LocalDate, Integer> offDates = new HashMap<>();
  private final Set<LocalDate> workedDates = new HashSet<>();

  HolidayFile(String origin) {
    this.origin = origin;
  }

  HolidayRules parse(Reader reader) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (YAMLException e) {
      // SnakeYAML's own message already names line and column.
      throw new HolidayFileException("holidays file " + origin + " is not valid YAML: " + e.getMessage(), e);
    }
    if (root != null && !isNull(root)) {
      Map<String, Node> top = mapping(root, "the top level", TOP_KEYS);
      Node years = top.get("years");
      if (years != null && !isNull(years)) {
        for (Map.Entry<String, Node> entry : mapping(years, "'years'", null).entrySet()) {
          readYear(entry.getKey(), entry.getValue());
        }
      }
      Node fixed = top.get("fixedHolidays");
      if (fixed != null && !isNull(fixed)) {
        for (Node item : sequence(fixed, "'fixedHolidays'")) {
          readFixedHoliday(item);
        }
      }
    }
    return new HolidayRules(origin, lunarNewYears, hungKingsDays, nationalDayAdjacent, tetBreaks,
        daysOff, swaps, fixedHolidays);
  }

  private void readFixedHoliday(Node item) {
    String what = "fixedHolidays entry";
    Map<String, Node> f = mapping(item, what, FIXED_KEYS);
    Node dayNode = f.get("day");
    if (dayNode == null) {
      throw error(item, what + " needs 'day' (month and day, MM-dd, e.g. \"11-24\")");
    }
    String dayText = scalar(dayNode, what + " day").strip();
    MonthDay day;
    try {
      day = MonthDay.parse("--" + dayText);
    } catch (DateTimeParseException e) {
      throw error(dayNode, what + ": day '" + dayText + "' is not a month and day (expected MM-dd, e.g. \"11-24\")");
    }
    if (STATUTORY_DAYS.contains(day)) {
      throw error(dayNode, what + ": " + dayText + " is already a public holiday of Labour Code art. 112");
    }
    int fromYear = year(item, f, "fromYear", what);
    Integer untilYear = f.containsKey("untilYear") ? year(item, f, "untilYear", what) : null;
    if (untilYear != null && untilYear < fromYear) {
      throw error(f.get("untilYear"), what + ": untilYear " + untilYear + " is before fromYear " + fromYear);
    }
    String name = text(f, "name", what, item);
    for (HolidayRules.FixedHoliday other : fixedHolidays) {
      boolean overlap = other.day().equals(day) && (other.untilYear() == null || other.untilYear() >= fromYear)
          && (untilYear == null || untilYear >= other.fromYear());
      if (overlap) {
        throw error(item, what + ": " + dayText + " is already a fixed holiday (" + other.name()
            + ") in some of these years");
      }
    }
    fixedHolidays.add(new HolidayRules.FixedHoliday(day, name, fromYear, untilYear,
        text(f, "source", what, item), verified(f, what)));
  }

  private int year(Node owner, Map<String, Node> fields, String key, String what) {
    Node node = fields.get(key);
    if (node == null) {
      throw error(owner, what + " needs '" + key + "' (a year, e.g. 2027)");
    }
    String value = scalar(node, what + " " + key).strip();
    int year;
    try {
      year = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw error(node, what + ": " + key + " '" + value + "' is not a year (expected e.g. 2027)");
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw error(node, what + ": " + key + " " + year + " is outside " + FIRST_YEAR + ".." + LAST_YEAR);
    }
    return year;
  }

  /** {@code verified: true} when the entry's source was checked; absent means not verified. */
  private boolean verified(Map<String, Node> fields, String what) {
    Node node = fields.get("verified");
    if (node == null || isNull(node)) {
      return false;
    }
    String value = scalar(node, what + " verified").strip();
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(node, what + ": verified must be true or false, not '" + value + "'");
    };
  }

  private void readYear(String key, Node node) {
    int year;
    try {
      year = Integer.parseInt(key);
    } catch (NumberFormatException e) {
      throw error(node, "year key '" + key + "' is not a year (expected e.g. 2026)");
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw error(node, "year " + year + " is outside " + FIRST_YEAR + ".." + LAST_YEAR);
    }
    String where = "year " + year;
    Map<String, Node> fields = mapping(node, where, YEAR_KEYS);
    if (fields.containsKey("lunarNewYear")) {
      lunarNewYears.put(year, dated(fields.get("lunarNewYear"), where + " lunarNewYear", year));
    }
    if (fields.containsKey("hungKingsDay")) {
      hungKingsDays.put(year, dated(fields.get("hungKingsDay"), where + " hungKingsDay", year));
    }
    if (fields.containsKey("nationalDayAdjacent")) {
      Node n = fields.get("nationalDayAdjacent");
      HolidayRules.Dated adjacent = dated(n, where + " nationalDayAdjacent", year);
      LocalDate d = adjacent.date();
      if (d.getMonth() != Month.SEPTEMBER || (d.getDayOfMonth() != 1 && d.getDayOfMonth() != 3)) {
        throw error(n, where + " nationalDayAdjacent must be 1 or 3 September " + year + ", not " + d);
      }
      nationalDayAdjacent.put(year, adjacent);
    }
    if (fields.containsKey("tet")) {
      tetBreaks.put(year, tet(fields.get("tet"), where, year));
    }
    if (fields.containsKey("daysOff")) {
      for (Node item : sequence(fields.get("daysOff"), where + " daysOff")) {
        String what = where + " daysOff entry";
        Map<String, Node> f = mapping(item, what, DAY_OFF_KEYS);
        LocalDate date = date(item, f, "date", what, year);
        String reason = text(f, "reason", what, item);
        markOff(date, item, what);
        daysOff.add(new HolidayRules.DayOff(date, reason, text(f, "source", what, item), verified(f, what)));
      }
    }
    if (fields.containsKey("swaps")) {
      for (Node item : sequence(fields.get("swaps"), where + " swaps")) {
        String what = where + " swap entry";
        Map<String, Node> f = mapping(item, what, SWAP_KEYS);
        LocalDate off = date(item, f, "dayOff", what, null);
        LocalDate worked = date(item, f, "workedSaturday", what, null);
        if (off.getYear() != year && worked.getYear() != year) {
          throw error(item, what + ": neither " + off + " nor " + worked + " is in " + year);
        }
        if (HolidayRules.isWeekend(off)) {
          throw error(f.get("dayOff"), what + ": dayOff " + off + " is a " + off.getDayOfWeek()
              + "; a swapped day off must be Monday to Friday");
        }
        if (worked.getDayOfWeek() != DayOfWeek.SATURDAY) {
          throw error(f.get("workedSaturday"), what + ": workedSaturday " + worked + " is a "
              + worked.getDayOfWeek() + ", not a Saturday");
        }
        if (!workedDates.add(worked)) {
          throw error(f.get("workedSaturday"), what + ": Saturday " + worked + " is already worked for another swap");
        }
        markOff(off, item, what);
        swaps.add(new HolidayRules.Swap(off, worked, text(f, "source", what, item), verified(f, what)));
      }
    }
  }

  private HolidayRules.TetBreak tet(Node node, String where, int year) {
    String what = where + " tet";
    Map<String, Node> f = mapping(node, what, TET_KEYS);
    LocalDate from = date(node, f, "from", what, year);
    LocalDate to = date(node, f, "to", what, year);
    if (to.isBefore(from)) {
      throw error(node, what + ": 'to' " + to + " is before 'from' " + from);
    }
    if (from.plusDays(15).isBefore(to)) {
      throw error(node, what + ": " + from + ".." + to + " is longer than 16 days; check the dates");
    }
    return new HolidayRules.TetBreak(from, to, text(f, "source", what, node), verified(f, what));
  }

  private HolidayRules.Dated dated(Node node, String what, int year) {
    Map<String, Node> f = mapping(node, what, DATED_KEYS);
    return new HolidayRules.Dated(date(node, f, "date", what, year), text(f, "source", what, node),
        verified(f, what));
  }

  private void markOff(LocalDate date, Node node, String what) {
    Integer previous = offDates.putIfAbsent(date, line(node));
    if (previous != null) {
      throw error(node, what + ": " + date + " is already a day off in this file (line " + previous + ")");
    }
  }

  private LocalDate date(Node owner, Map<String, Node> fields, String key, String what, Integer year) {
    Node node = fields.get(key);
    if (node == null) {
      throw error(owner, what + " needs '" + key + "' (a date yyyy-MM-dd)");
    }
    String value = scalar(node, what + " " + key);
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw error(node, what + ": " + key + " '" + value + "' is not a valid date (expected yyyy-MM-dd)");
    }
    if (year != null && date.getYear() != year) {
      throw error(node, what + ": " + key + " " + date + " is not in " + year);
    }
    return date;
  }

  private String text(Map<String, Node> fields, String key, String what, Node owner) {
    Node node = fields.get(key);
    if (node == null) {
      throw error(owner, what + " needs '" + key + "'");
    }
    String value = scalar(node, what + " " + key).strip();
    if (value.isEmpty()) {
      throw error(node, what + ": '" + key + "' is empty");
    }
    return value;
  }

  private String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode scalar)) {
      throw error(node, what + " must be a single value");
    }
    return scalar.getValue();
  }

  private List<Node> sequence(Node node, String what) {
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, what + " must be a list (entries starting with '-')");
    }
    return seq.getValue();
  }

  /** Keys of a mapping, in file order; {@code allowed == null} accepts any key (year numbers). */
  private Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode map)) {
      throw error(node, what + " must be a mapping of keys to values");
    }
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = scalar(keyNode, what + " key");
      if (allowed != null && !allowed.contains(key)) {
        throw error(keyNode, "unknown key '" + key + "' in " + what + "; expected one of "
            + allowed.stream().sorted().toList());
      }
      if (result.put(key, tuple.getValueNode()) != null) {
        throw error(keyNode, "duplicate key '" + key + "' in " + what);
      }
    }
    return result;
  }

  private static boolean isNull(Node node) {
    return Tag.NULL.equals(node.getTag());
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private HolidayFileException error(Node node, String message) {
    return new HolidayFileException("holidays file " + origin + ", line " + line(node) + ": " + message);
  }
}
