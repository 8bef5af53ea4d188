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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The yearly official adjustments to the statutory rules, as read from the holidays data file
 * ({@code calendar/holidays-vn.yaml}): the exact Tết break the Government announced, extra days
 * off, swapped days, the day next to 2 September, and overrides of the computed lunar dates.
 * Immutable; see {@link HolidayFile} for the format and its validation.
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
    List<Swap> swaps) {

  /** The data file shipped inside the application. */
  public static final String SHIPPED_RESOURCE = "calendar/holidays-vn.yaml";

  public HolidayRules {
    lunarNewYears = Map.copyOf(lunarNewYears);
    hungKingsDays = Map.copyOf(hungKingsDays);
    nationalDayAdjacentDays = Map.copyOf(nationalDayAdjacentDays);
    tetBreaks = Map.copyOf(tetBreaks);
    daysOff = List.copyOf(daysOff);
    swaps = List.copyOf(swaps);
  }

  /** A date with the official text it comes from. */
  public record Dated(LocalDate date, String source) {}

  /** The whole Tết break announced for a year, first and last day off included. */
  public record TetBreak(LocalDate from, LocalDate to, String source) {
    boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /** An extra day off, e.g. a one-off holiday the Government grants. */
  public record DayOff(LocalDate date, String reason, String source) {}

  /** A weekday off in exchange for a Saturday worked. */
  public record Swap(LocalDate dayOff, LocalDate workedSaturday, String source) {}

  /** No adjustments at all: the statutory rules and the computed lunar dates only. */
  public static HolidayRules none() {
    return new HolidayRules("no adjustments", Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
        List.of());
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

  Stream<Swap> swapsTouching(int year) {
    return swaps.stream()
        .filter(s -> s.dayOff().getYear() == year || s.workedSaturday().getYear() == year);
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
