package vn.thongsuot.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The yearly official adjustments to the statutory rules, as read from the holidays data file
 * ({@code calendar/holidays-vn.yaml}): the exact Tết break the Government announced, extra days
 * off, swapped days, the day next to 2 September, overrides of the computed lunar dates, and
 * holidays that a change of the law adds every year from a given year on. Immutable; see
 * {@link HolidayFile} for the format and its validation.
 *
 * <p>Every entry names its source and says whether that source was verified ({@code verified}):
 * only a verified document number may be shown to officials as the basis of a day off.
 *
 * @param origin where the rules came from, for messages ("classpath:calendar/holidays-vn.yaml")
 */
public record HolidayRules(
    String origin,
    Map<Integer, Dated> lunarNewYears,
    Map<Integer, Dated> hungKingsDays,
    Map<Integer, Dated> nationalDayAdjacentDays,
    Map<Integer, TetBreak> tetBreaks,
    List<DayOff> daysOff,
    List<Swap> swaps,
    List<FixedHoliday> fixedHolidays) {

  /** The data file shipped inside the application. */
  public static final String SHIPPED_RESOURCE = "calendar/holidays-vn.yaml";

  public HolidayRules {
    lunarNewYears = Map.copyOf(lunarNewYears);
    hungKingsDays = Map.copyOf(hungKingsDays);
    nationalDayAdjacentDays = Map.copyOf(nationalDayAdjacentDays);
    tetBreaks = Map.copyOf(tetBreaks);
    daysOff = List.copyOf(daysOff);
    swaps = List.copyOf(swaps);
    fixedHolidays = List.copyOf(fixedHolidays);
  }

  /** The rules without the fixed holidays that a law adds (the constructor before they existed). */
  public HolidayRules(String origin, Map<Integer, Dated> lunarNewYears, Map<Integer, Dated> hungKingsDays,
      Map<Integer, Dated> nationalDayAdjacentDays, Map<Integer, TetBreak> tetBreaks, List<DayOff> daysOff,
      List<Swap> swaps) {
    this(origin, lunarNewYears, hungKingsDays, nationalDayAdjacentDays, tetBreaks, daysOff, swaps, List.of());
  }

  /** A date with the official text it comes from. */
  public record Dated(LocalDate date, String source, boolean verified) {
    public Dated(LocalDate date, String source) {
      this(date, source, false);
    }
  }

  /** The whole Tết break announced for a year, first and last day off included. */
  public record TetBreak(LocalDate from, LocalDate to, String source, boolean verified) {
    public TetBreak(LocalDate from, LocalDate to, String source) {
      this(from, to, source, false);
    }

    boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /** An extra day off, e.g. a one-off holiday the Government grants. */
  public record DayOff(LocalDate date, String reason, String source, boolean verified) {
    public DayOff(LocalDate date, String reason, String source) {
      this(date, reason, source, false);
    }
  }

  /** A weekday off in exchange for a Saturday worked. */
  public record Swap(LocalDate dayOff, LocalDate workedSaturday, String source, boolean verified) {
    public Swap(LocalDate dayOff, LocalDate workedSaturday, String source) {
      this(dayOff, workedSaturday, source, false);
    }
  }

  /**
   * A holiday on the same Gregorian day every year, from {@code fromYear} (and until
   * {@code untilYear}, if set), as an amendment of Labour Code art. 112 would add one (24 November,
   * Ngày Văn hóa Việt Nam, is proposed): a public holiday like the others, so a weekend one gives a
   * compensatory day (art. 111(3)). Needs a data entry, not code.
   */
  public record FixedHoliday(MonthDay day, String name, int fromYear, Integer untilYear, String source,
      boolean verified) {

    boolean appliesIn(int year) {
      return year >= fromYear && (untilYear == null || year <= untilYear)
          && day.isValidYear(year);
    }
  }

  /** No adjustments at all: the statutory rules and the computed lunar dates only. */
  public static HolidayRules none() {
    return new HolidayRules("no adjustments", Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
        List.of(), List.of());
  }

  /** The file shipped as classpath resource {@value #SHIPPED_RESOURCE}. */
  public static HolidayRules shipped() {
    String origin = "classpath:" + SHIPPED_RESOURCE;
    InputStream in = HolidayRules.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE);
    if (in == null) {
      throw new HolidayFileException("holidays file " + origin + " is missing from the classpath");
    }
    return read(origin, in);
  }

  /** A file on disk that replaces the shipped one. */
  public static HolidayRules fromFile(Path file) {
    String origin = file.toAbsolutePath().toString();
    if (!Files.isRegularFile(file)) {
      throw new HolidayFileException("holidays file " + origin + " does not exist or is not a file"
          + " (set by thongsuot.calendar.holidays-file / THONGSUOT_HOLIDAYS_FILE)");
    }
    try {
      return read(origin, Files.newInputStream(file));
    } catch (IOException e) {
      throw new HolidayFileException("holidays file " + origin + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses YAML text; {@code origin} names it in error messages. */
  public static HolidayRules parse(String origin, Reader yaml) {
    return new HolidayFile(origin).parse(yaml);
  }

  private static HolidayRules read(String origin, InputStream in) {
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(origin, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<LocalDate> lunarNewYear(int year) {
    return Optional.ofNullable(lunarNewYears.get(year)).map(Dated::date);
  }

  Optional<LocalDate> hungKingsDay(int year) {
    return Optional.ofNullable(hungKingsDays.get(year)).map(Dated::date);
  }

  /** 1 September unless the Government chose 3 September for that year. */
  LocalDate nationalDayAdjacent(int year) {
    Dated chosen = nationalDayAdjacentDays.get(year);
    return chosen != null ? chosen.date() : LocalDate.of(year, Month.SEPTEMBER, 1);
  }

  Optional<TetBreak> tetBreak(int year) {
    return Optional.ofNullable(tetBreaks.get(year));
  }

  Stream<DayOff> daysOffIn(int year) {
    return daysOff.stream().filter(d -> d.date().getYear() == year);
  }

  Stream<FixedHoliday> fixedHolidaysIn(int year) {
    return fixedHolidays.stream().filter(h -> h.appliesIn(year));
  }

  /** Whether the Government's Tết break of that year is in the data (else the statutory default applies). */
  public boolean tetAnnounced(int year) {
    return tetBreaks.containsKey(year);
  }

  /** A copy that names another origin in its messages (a version loaded from the database). */
  public HolidayRules withOrigin(String newOrigin) {
    return new HolidayRules(newOrigin, lunarNewYears, hungKingsDays, nationalDayAdjacentDays, tetBreaks,
        daysOff, swaps, fixedHolidays);
  }

  Stream<Swap> swapsTouching(int year) {
    return swaps.stream()
        .filter(s -> s.dayOff().getYear() == year || s.workedSaturday().getYear() == year);
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
