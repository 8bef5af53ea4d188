package vn.thongsuot.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

/**
 * Working days (ngày làm việc) in Vietnam's public administration, and deadlines counted in them.
 *
 * <p>A day is not a working day when, in this order of precedence for the reason given:
 * <ol>
 *   <li>it is a public holiday of Labour Code 2019 art. 112: 1 January, Tết Nguyên đán (the last
 *       day of the lunar year and the first four of the new one, or exactly the break the
 *       Government announced for that year), Hùng Kings day (lunar 10/3), 30 April, 1 May,
 *       2 September and one adjacent day (1 September unless the data file says 3);
 *   <li>it is the compensatory day (nghỉ bù) of a holiday that fell on a Saturday or Sunday: the
 *       next day that is neither a weekend nor a holiday nor another compensatory day;
 *   <li>the data file declares it a day off, or the day off of a swap;
 *   <li>it is a Saturday or Sunday, unless a swap makes that Saturday a working day.
 * </ol>
 * Lunar dates come from {@link VietnameseLunarCalendar} (UTC+7), overridden by the data file.
 *
 * <p>Each Gregorian year is computed once, on first use, into a table of reasons and running
 * counts, so adding and counting working days are array look-ups. Thread-safe; immutable apart
 * from that cache.
 */
public class WorkingDayCalendar {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final LocalTime DEFAULT_END_OF_DAY = LocalTime.of(17, 0);

  /** Years the calendar answers for; far beyond any deadline, and within ICU's accurate range. */
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2199;

  static final String SATURDAY = "Thứ Bảy";
  static final String SUNDAY = "Chủ Nhật";
  static final String NEW_YEAR = "Tết Dương lịch";
  static final String TET = "Tết Nguyên đán";
  static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
  static final String VICTORY_DAY = "Ngày Chiến thắng";
  static final String LABOUR_DAY = "Quốc tế Lao động";
  static final String NATIONAL_DAY = "Quốc khánh";
  static final String COMPENSATORY_PREFIX = "Nghỉ bù ";

  private static final ZoneRules VIETNAM_RULES = VIETNAM.getRules();
  private static final int SECONDS_PER_DAY = 86_400;
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final HolidayRules rules;
  private final LocalTime endOfDay;
  private final AtomicReferenceArray<YearTable> years =
      new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

  /**
   * @param rules the yearly adjustments (data file)
   * @param endOfDay when a working day ends, local time in Vietnam; deadlines fall at this time
   * @throws HolidayFileException when the adjustments contradict each other or the lunar calendar
   */
  public WorkingDayCalendar(HolidayRules rules, LocalTime endOfDay) {
    this.rules = rules;
    this.endOfDay = endOfDay;
    // Build every year the file speaks about now, so a contradiction fails start-up, not a request.
    rules.tetBreaks().keySet().forEach(this::table);
    rules.lunarNewYears().keySet().forEach(this::table);
    rules.hungKingsDays().keySet().forEach(this::table);
    rules.nationalDayAdjacentDays().keySet().forEach(this::table);
    rules.daysOff().forEach(d -> table(d.date().getYear()));
    rules.swaps().forEach(s -> {
      table(s.dayOff().getYear());
      table(s.workedSaturday().getYear());
    });
  }

  /** The shipped data file and a working day ending at 17:00. */
  public static WorkingDayCalendar standard() {
    return new WorkingDayCalendar(HolidayRules.shipped(), DEFAULT_END_OF_DAY);
  }

  public LocalTime endOfDay() {
    return endOfDay;
  }

  /**
   * End of the Nth working day after the local date of {@code from} ({@code workingDays >= 1}).
   * With 0: end of that day if it is a working day, else end of the next working day.
   */
  public Instant deadline(Instant from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("a deadline needs 0 or more working days, not " + workingDays);
    }
    long day = localEpochDay(from);
    long target = workingDays == 0 ? firstWorkingDayFrom(day) : nthWorkingDayAfter(day, workingDays);
    return LocalDate.ofEpochDay(target).atTime(endOfDay).atZone(VIETNAM).toInstant();
  }

  /**
   * The same wall-clock time in Vietnam on another working day. For N &gt; 0, the Nth working day
   * after {@code from}'s local date (so from a Saturday, +1 is the Monday). For N &lt;= 0 counting
   * starts from {@code from}'s date, or from the next working day if that date is not one: 0 moves
   * a Saturday to the Monday, and -1 from a Saturday is the Friday.
   */
  public Instant addWorkingDays(Instant from, int workingDays) {
    long offset = VIETNAM_RULES.getOffset(from).getTotalSeconds();
    long local = from.getEpochSecond() + offset;
    long day = Math.floorDiv(local, SECONDS_PER_DAY);
    long secondOfDay = Math.floorMod(local, SECONDS_PER_DAY);
    long target;
    if (workingDays > 0) {
      target = nthWorkingDayAfter(day, workingDays);
    } else if (workingDays == 0) {
      target = firstWorkingDayFrom(day);
    } else {
      target = nthWorkingDayBefore(firstWorkingDayFrom(day), -(long) workingDays);
    }
    long targetLocal = target * SECONDS_PER_DAY + secondOfDay;
    Instant sameOffset = Instant.ofEpochSecond(targetLocal - offset, from.getNano());
    if (VIETNAM_RULES.getOffset(sameOffset).getTotalSeconds() == offset) {
      return sameOffset; // always the case since 1975; the slow path keeps it correct before
    }
    return LocalDateTime.ofEpochSecond(targetLocal, from.getNano(), ZoneOffset.UTC).atZone(VIETNAM)
        .toInstant();
  }

  /**
   * Number of working days d with local date of {@code from} &lt; d &lt;= local date of {@code to};
   * negative (minus the same count with the two swapped) when {@code to} is before {@code from}.
   */
  public int workingDaysBetween(Instant from, Instant to) {
    long a = localEpochDay(from);
    long b = localEpochDay(to);
    return b >= a ? countAfterUpTo(a, b) : -countAfterUpTo(b, a);
  }

  public boolean isWorkingDay(LocalDate date) {
    return reason(date) == null;
  }

  /** Why a date is not a working day, in Vietnamese; empty when it is one. */
  public Optional<String> whyNotWorking(LocalDate date) {
    return Optional.ofNullable(reason(date));
  }

  /** Gregorian date of Tết (lunar 1/1) in that year; the data file's override wins. */
  public LocalDate lunarNewYear(int year) {
    return table(year).lunarNewYear;
  }

  /** Gregorian date of Giỗ Tổ Hùng Vương (lunar 10/3) in that year; the data file's override wins. */
  public LocalDate hungKingsDay(int year) {
    return table(year).hungKingsDay;
  }

  private String reason(LocalDate date) {
    YearTable t = table(date.getYear());
    return t.reasons[date.getDayOfYear() - 1];
  }

  private static long localEpochDay(Instant instant) {
    long local = instant.getEpochSecond() + VIETNAM_RULES.getOffset(instant).getTotalSeconds();
    return Math.floorDiv(local, SECONDS_PER_DAY);
  }

  private long firstWorkingDayFrom(long day) {
    YearTable t = tableOf(day);
    return t.reasons[(int) (day - t.firstEpochDay)] == null ? day : nthWorkingDayAfter(day, 1);
  }

  /** Epoch day of the nth (n >= 1) working day strictly after {@code day}. */
  private long nthWorkingDayAfter(long day, long n) {
    YearTable t = tableOf(day);
    int before = t.workingUpTo[(int) (day - t.firstEpochDay)];
    long remaining = n;
    while (true) {
      int available = t.workingDays.length - before;
      if (remaining <= available) {
        return t.firstEpochDay + t.workingDays[before + (int) remaining - 1];
      }
      remaining -= available;
      t = table(t.year + 1);
      before = 0;
    }
  }

  /** Epoch day of the nth (n >= 1) working day strictly before {@code day}. */
  private long nthWorkingDayBefore(long day, long n) {
    YearTable t = tableOf(day);
    int index = (int) (day - t.firstEpochDay);
    int before = index == 0 ? 0 : t.workingUpTo[index - 1];
    long remaining = n;
    while (true) {
      if (remaining <= before) {
        return t.firstEpochDay + t.workingDays[before - (int) remaining];
      }
      remaining -= before;
      t = table(t.year - 1);
      before = t.workingDays.length;
    }
  }

  /** Working days d with a < d <= b, for a <= b. */
  private int countAfterUpTo(long a, long b) {
    YearTable ta = tableOf(a);
    YearTable tb = tableOf(b);
    int upToA = ta.workingUpTo[(int) (a - ta.firstEpochDay)];
    int upToB = tb.workingUpTo[(int) (b - tb.firstEpochDay)];
    if (ta == tb) {
      return upToB - upToA;
    }
    int count = ta.workingDays.length - upToA + upToB;
    for (int year = ta.year + 1; year < tb.year; year++) {
      count += table(year).workingDays.length;
    }
    return count;
  }

  private YearTable tableOf(long epochDay) {
    return table(LocalDate.ofEpochDay(epochDay).getYear());
  }

  private YearTable table(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException("the working-day calendar covers " + FIRST_YEAR + ".."
          + LAST_YEAR + ", not " + year);
    }
    YearTable t = years.get(year - FIRST_YEAR);
    if (t == null) {
      // Two threads may both build a year; the tables are equal and the first one stored wins.
      years.compareAndSet(year - FIRST_YEAR, null, build(year));
      t = years.get(year - FIRST_YEAR);
    }
    return t;
  }

  private YearTable build(int year) {
    LocalDate lunarNewYear = rules.lunarNewYear(year)
        .orElseGet(() -> VietnameseLunarCalendar.lunarNewYear(year));
    LocalDate hungKingsDay = rules.hungKingsDay(year)
        .orElseGet(() -> VietnameseLunarCalendar.hungKingsDay(year));
    Optional<HolidayRules.TetBreak> tetBreak = rules.tetBreak(year);
    tetBreak.ifPresent(b -> {
      if (!b.contains(lunarNewYear)) {
        throw new HolidayFileException("holidays file " + rules.origin() + ": the Tết break of "
            + year + " (" + b.from() + ".." + b.to() + ") does not contain the lunar new year "
            + lunarNewYear + "; fix the dates or add a lunarNewYear override for " + year);
      }
    });

    // Statutory holidays; the first name given to a day is kept.
    Map<LocalDate, String> holidays = new TreeMap<>();
    holidays.putIfAbsent(LocalDate.of(year, Month.JANUARY, 1), NEW_YEAR);
    if (tetBreak.isEmpty()) {
      for (int i = -1; i <= 3; i++) {
        holidays.putIfAbsent(lunarNewYear.plusDays(i), TET);
      }
    }
    holidays.putIfAbsent(hungKingsDay, HUNG_KINGS);
    holidays.putIfAbsent(LocalDate.of(year, Month.APRIL, 30), VICTORY_DAY);
    holidays.putIfAbsent(LocalDate.of(year, Month.MAY, 1), LABOUR_DAY);
    holidays.putIfAbsent(LocalDate.of(year, Month.SEPTEMBER, 2), NATIONAL_DAY);
    holidays.putIfAbsent(rules.nationalDayAdjacent(year), NATIONAL_DAY);

    // Compensatory days. An announced Tết break already includes them, so it is left out here.
    Map<LocalDate, String> compensatory = new TreeMap<>();
    holidays.forEach((day, name) -> {
      if (HolidayRules.isWeekend(day)) {
        LocalDate next = day.plusDays(1);
        while (HolidayRules.isWeekend(next) || holidays.containsKey(next)
            || compensatory.containsKey(next)) {
          next = next.plusDays(1);
        }
        if (next.getYear() == year) {
          compensatory.put(next, COMPENSATORY_PREFIX + name);
        }
      }
    });
    tetBreak.ifPresent(b -> b.from().datesUntil(b.to().plusDays(1))
        .forEach(d -> holidays.putIfAbsent(d, TET)));

    LocalDate first = LocalDate.of(year, Month.JANUARY, 1);
    String[] reasons = new String[first.lengthOfYear()];
    holidays.forEach((day, name) -> reasons[day.getDayOfYear() - 1] = name);
    compensatory.forEach((day, name) -> setIfWorking(reasons, day, name));
    rules.daysOffIn(year).forEach(d -> setIfWorking(reasons, d.date(), d.reason()));
    Map<LocalDate, LocalDate> workedSaturdays = rules.swapsTouching(year)
        .collect(Collectors.toMap(HolidayRules.Swap::workedSaturday, HolidayRules.Swap::dayOff));
    rules.swapsTouching(year).filter(s -> s.dayOff().getYear() == year).forEach(s ->
        setIfWorking(reasons, s.dayOff(),
            "Nghỉ hoán đổi (làm bù Thứ Bảy " + DAY_MONTH_YEAR.format(s.workedSaturday()) + ")"));
    for (LocalDate day = first; day.getYear() == year; day = day.plusDays(1)) {
      int i = day.getDayOfYear() - 1;
      if (workedSaturdays.containsKey(day)) {
        if (reasons[i] != null) {
          throw new HolidayFileException("holidays file " + rules.origin() + ": Saturday " + day
              + ", to be worked in exchange for " + workedSaturdays.get(day) + ", is " + reasons[i]);
        }
      } else if (reasons[i] == null && HolidayRules.isWeekend(day)) {
        reasons[i] = day.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY : SUNDAY;
      }
    }
    return new YearTable(year, first.toEpochDay(), reasons, lunarNewYear, hungKingsDay);
  }

  private static void setIfWorking(String[] reasons, LocalDate day, String reason) {
    int i = day.getDayOfYear() - 1;
    if (reasons[i] == null) {
      reasons[i] = reason;
    }
  }

  /** One Gregorian year: why each day is off (null for a working day) and running counts. */
  private static final class YearTable {
    final int year;
    final long firstEpochDay;
    final String[] reasons;
    /** workingUpTo[i]: working days among day indexes 0..i. */
    final int[] workingUpTo;
    /** Day indexes of the working days, ascending. */
    final int[] workingDays;
    final LocalDate lunarNewYear;
    final LocalDate hungKingsDay;

    YearTable(int year, long firstEpochDay, String[] reasons, LocalDate lunarNewYear,
        LocalDate hungKingsDay) {
      this.year = year;
      this.firstEpochDay = firstEpochDay;
      this.reasons = reasons;
      this.lunarNewYear = lunarNewYear;
      this.hungKingsDay = hungKingsDay;
      this.workingUpTo = new int[reasons.length];
      int count = 0;
      for (int i = 0; i < reasons.length; i++) {
        if (reasons[i] == null) {
          count++;
        }
        workingUpTo[i] = count;
      }
      this.workingDays = new int[count];
      for (int i = 0, k = 0; i < reasons.length; i++) {
        if (reasons[i] == null) {
          workingDays[k++] = i;
        }
      }
    }
  }
}
