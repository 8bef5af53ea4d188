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
import java.util.ArrayList;
import java.util.List;
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
 * Holidays the data file adds every year from a given year on ({@code fixedHolidays}) count as
 * public holidays (point 1). Lunar dates come from {@link VietnameseLunarCalendar} (UTC+7),
 * overridden by the data file.
 *
 * <p>A year whose Tết break the Government has not announced yet uses the statutory default
 * above; a deadline whose count crosses such a year's Tết is {@linkplain #provisional provisional}.
 *
 * <p>The bean can be given newer rules while the application runs ({@link #replace}, a version
 * loaded by an administrator): each call reads one immutable snapshot, and {@link #current()}
 * returns a calendar fixed to the snapshot of the moment, for computations of several instants
 * that must agree. Each Gregorian year is computed once per snapshot, on first use, into a table
 * of reasons and running counts, so adding and counting working days are array look-ups.
 * Thread-safe.
 */
public class WorkingDayCalendar {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final LocalTime DEFAULT_END_OF_DAY = LocalTime.of(17, 0);
  /**
   * "24:00", the end of the calendar day (Civil Code art. 148): the last millisecond of the day, so
   * the deadline stays on its own date in every computation and survives the engine's millisecond
   * dates unchanged; shown as 24:00.
   */
  public static final LocalTime END_OF_CALENDAR_DAY = LocalTime.of(23, 59, 59, 999_000_000);

  /** Years the calendar answers for; far beyond any deadline, and within ICU's accurate range. */
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2199;

  /**
   * An announced Tết break is at most 16 days and contains the lunar new year (the data file's
   * rule), so it lies within this many days before and after it: the days a year's announcement
   * can still change.
   */
  static final int TET_WINDOW_DAYS = 15;

  static final String SATURDAY = "Thứ Bảy";
  static final String SUNDAY = "Chủ Nhật";
  static final String NEW_YEAR = "Tết Dương lịch";
  static final String TET = "Tết Nguyên đán";
  static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
  static final String VICTORY_DAY = "Ngày Chiến thắng";
  static final String LABOUR_DAY = "Quốc tế Lao động";
  static final String NATIONAL_DAY = "Quốc khánh";
  static final String COMPENSATORY_PREFIX = "Nghỉ bù ";

  /** What a deadline that depends on a year without an announced Tết break is marked with. */
  public static final String PROVISIONAL_NOTE =
      "tạm tính theo Bộ luật Lao động, chờ thông báo nghỉ Tết chính thức";
  /** The Tết default is this system's choice, not the law's: said wherever it is shown. */
  public static final String TET_DEFAULT_RULE = "Khi chưa có thông báo nghỉ Tết của năm, hệ thống tạm"
      + " tính 05 ngày Tết Âm lịch của Bộ luật Lao động 2019 (điều 112 khoản 1 điểm b) là ngày cuối năm"
      + " âm lịch và 04 ngày đầu năm mới, cộng ngày nghỉ bù khi trùng ngày nghỉ hằng tuần (điều 111"
      + " khoản 3). Việc chọn những ngày này là quy ước của hệ thống Thông suốt, không phải quy định của"
      + " pháp luật; khi có thông báo chính thức, các thời hạn được tính lại.";

  private static final ZoneRules VIETNAM_RULES = VIETNAM.getRules();
  private static final int SECONDS_PER_DAY = 86_400;
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final LocalTime endOfDay;
  private final boolean frozen;
  private volatile Snapshot snapshot;

  /**
   * @param rules the yearly adjustments (data file)
   * @param endOfDay when a working day ends, local time in Vietnam; deadlines fall at this time
   * @throws HolidayFileException when the adjustments contradict each other or the lunar calendar
   */
  public WorkingDayCalendar(HolidayRules rules, LocalTime endOfDay) {
    this(new Snapshot(rules, 0), endOfDay, false);
  }

  private WorkingDayCalendar(Snapshot snapshot, LocalTime endOfDay, boolean frozen) {
    this.snapshot = snapshot;
    this.endOfDay = endOfDay;
    this.frozen = frozen;
  }

  /** The shipped data file and a working day ending at 17:00. */
  public static WorkingDayCalendar standard() {
    return new WorkingDayCalendar(HolidayRules.shipped(), DEFAULT_END_OF_DAY);
  }

  /**
   * Checks rules exactly as start-up does (every year they speak about is built, so a Tết break
   * without its lunar new year or a worked Saturday that is a holiday is refused).
   *
   * @throws HolidayFileException naming the problem
   */
  public static void validate(HolidayRules rules) {
    new Snapshot(rules, 0);
  }

  /**
   * From now on, counts with these rules (a version an administrator loaded). Validated first: an
   * invalid set leaves the calendar as it was.
   *
   * @throws HolidayFileException when the rules are invalid
   */
  public void replace(HolidayRules rules, int version) {
    if (frozen) {
      throw new IllegalStateException("a calendar fixed by current() cannot be replaced");
    }
    snapshot = new Snapshot(rules, version);
  }

  /** This calendar as it is now, unaffected by a later {@link #replace}. */
  public WorkingDayCalendar current() {
    return frozen ? this : new WorkingDayCalendar(snapshot, endOfDay, true);
  }

  /** The version of the rules in use (0: the file read at start-up, before the database's). */
  public int version() {
    return snapshot.version;
  }

  public HolidayRules rules() {
    return snapshot.rules;
  }

  public LocalTime endOfDay() {
    return endOfDay;
  }

  /** The end of the working day as officials read it: "17:00", or "24:00" for the calendar day's end. */
  public String endOfDayText() {
    return endOfDay.equals(END_OF_CALENDAR_DAY) ? "24:00" : endOfDay.format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  /**
   * End of the Nth working day after the local date of {@code from} ({@code workingDays >= 1}).
   * With 0: end of that day if it is a working day, else end of the next working day.
   */
  public Instant deadline(Instant from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("a deadline needs 0 or more working days, not " + workingDays);
    }
    Snapshot s = snapshot;
    long day = localEpochDay(from);
    long target = workingDays == 0 ? s.firstWorkingDayFrom(day) : s.nthWorkingDayAfter(day, workingDays);
    return LocalDate.ofEpochDay(target).atTime(endOfDay).atZone(VIETNAM).toInstant();
  }

  /**
   * The same wall-clock time in Vietnam on another working day. For N &gt; 0, the Nth working day
   * after {@code from}'s local date (so from a Saturday, +1 is the Monday). For N &lt;= 0 counting
   * starts from {@code from}'s date, or from the next working day if that date is not one: 0 moves
   * a Saturday to the Monday, and -1 from a Saturday is the Friday.
   */
  public Instant addWorkingDays(Instant from, int workingDays) {
    Snapshot s = snapshot;
    long offset = VIETNAM_RULES.getOffset(from).getTotalSeconds();
    long local = from.getEpochSecond() + offset;
    long day = Math.floorDiv(local, SECONDS_PER_DAY);
    long secondOfDay = Math.floorMod(local, SECONDS_PER_DAY);
    long target;
    if (workingDays > 0) {
      target = s.nthWorkingDayAfter(day, workingDays);
    } else if (workingDays == 0) {
      target = s.firstWorkingDayFrom(day);
    } else {
      target = s.nthWorkingDayBefore(s.firstWorkingDayFrom(day), -(long) workingDays);
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
    Snapshot s = snapshot;
    long a = localEpochDay(from);
    long b = localEpochDay(to);
    return b >= a ? s.countAfterUpTo(a, b) : -s.countAfterUpTo(b, a);
  }

  public boolean isWorkingDay(LocalDate date) {
    return snapshot.reason(date) == null;
  }

  /** Why a date is not a working day, in Vietnamese; empty when it is one. */
  public Optional<String> whyNotWorking(LocalDate date) {
    return Optional.ofNullable(snapshot.reason(date));
  }

  /** Gregorian date of Tết (lunar 1/1) in that year; the data file's override wins. */
  public LocalDate lunarNewYear(int year) {
    return snapshot.table(year).lunarNewYear;
  }

  /** Gregorian date of Giỗ Tổ Hùng Vương (lunar 10/3) in that year; the data file's override wins. */
  public LocalDate hungKingsDay(int year) {
    return snapshot.table(year).hungKingsDay;
  }

  /**
   * Years whose Tết break is not announced in the data and whose Tết the count from {@code from}
   * to {@code to} crosses: local dates d with from.date &lt; d &lt;= to.date within
   * {@value #TET_WINDOW_DAYS} days of the lunar new year (every day an announcement could change).
   * A deadline counted over such a year is provisional.
   */
  public List<Integer> unannouncedTetYearsBetween(Instant from, Instant to) {
    Snapshot s = snapshot;
    LocalDate a = LocalDate.ofEpochDay(localEpochDay(from));
    LocalDate b = LocalDate.ofEpochDay(localEpochDay(to));
    List<Integer> years = new ArrayList<>();
    if (!b.isAfter(a)) {
      return years;
    }
    for (int year = a.getYear(); year <= b.getYear(); year++) {
      if (s.rules.tetAnnounced(year)) {
        continue;
      }
      LocalDate newYear = s.table(year).lunarNewYear;
      LocalDate first = newYear.minusDays(TET_WINDOW_DAYS);
      LocalDate last = newYear.plusDays(TET_WINDOW_DAYS);
      if (!first.isAfter(b) && last.isAfter(a)) {
        years.add(year);
      }
    }
    return years;
  }

  /** Whether a deadline counted from {@code from} to {@code to} waits for a Tết announcement. */
  public boolean provisional(Instant from, Instant to) {
    return from != null && to != null && !unannouncedTetYearsBetween(from, to).isEmpty();
  }

  /** A day whose status differs between two calendars: why it was and is off (null: a working day). */
  public record DayChange(LocalDate date, String before, String after) {
    public boolean workingDayGainedOrLost() {
      return (before == null) != (after == null);
    }
  }

  /** Days of {@code fromYear..toYear} whose reason differs from {@code before}'s, in date order. */
  public List<DayChange> changesSince(WorkingDayCalendar before, int fromYear, int toYear) {
    Snapshot now = snapshot;
    Snapshot then = before.snapshot;
    List<DayChange> changes = new ArrayList<>();
    for (int year = Math.max(FIRST_YEAR, fromYear); year <= Math.min(LAST_YEAR, toYear); year++) {
      YearTable a = then.table(year);
      YearTable b = now.table(year);
      for (int i = 0; i < a.reasons.length; i++) {
        if (!java.util.Objects.equals(a.reasons[i], b.reasons[i])) {
          changes.add(new DayChange(LocalDate.ofEpochDay(a.firstEpochDay + i), a.reasons[i], b.reasons[i]));
        }
      }
    }
    return changes;
  }

  private static long localEpochDay(Instant instant) {
    long local = instant.getEpochSecond() + VIETNAM_RULES.getOffset(instant).getTotalSeconds();
    return Math.floorDiv(local, SECONDS_PER_DAY);
  }

  /** One set of rules with its computed years; never changes once built. */
  private static final class Snapshot {
    final HolidayRules rules;
    final int version;
    private final AtomicReferenceArray<YearTable> years =
        new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

    Snapshot(HolidayRules rules, int version) {
      this.rules = rules;
      this.version = version;
      // Build every year the file speaks about now, so a contradiction fails start-up (or the
      // administrator's upload), not a request.
      rules.tetBreaks().keySet().forEach(this::table);
      rules.lunarNewYears().keySet().forEach(this::table);
      rules.hungKingsDays().keySet().forEach(this::table);
      rules.nationalDayAdjacentDays().keySet().forEach(this::table);
      rules.daysOff().forEach(d -> table(d.date().getYear()));
      rules.swaps().forEach(s -> {
        table(s.dayOff().getYear());
        table(s.workedSaturday().getYear());
      });
      rules.fixedHolidays().forEach(h -> table(h.fromYear()));
    }

    String reason(LocalDate date) {
      YearTable t = table(date.getYear());
      return t.reasons[date.getDayOfYear() - 1];
    }

    long firstWorkingDayFrom(long day) {
      YearTable t = tableOf(day);
      return t.reasons[(int) (day - t.firstEpochDay)] == null ? day : nthWorkingDayAfter(day, 1);
    }

    /** Epoch day of the nth (n >= 1) working day strictly after {@code day}. */
    long nthWorkingDayAfter(long day, long n) {
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
    long nthWorkingDayBefore(long day, long n) {
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
    int countAfterUpTo(long a, long b) {
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

    YearTable table(int year) {
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
      // Holidays a change of the law adds (data, not code), public holidays like the others.
      rules.fixedHolidaysIn(year).forEach(h -> holidays.putIfAbsent(h.day().atYear(year), h.name()));

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
