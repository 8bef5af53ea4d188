package vn.thongsuot.calendar;

import java.time.LocalDate;

/**
 * An independent Vietnamese lunar calendar, used only as a test oracle for the ICU-based one: the
 * method Hồ Ngọc Đức published for the Vietnamese calendar ("Thuật toán tính âm lịch"), with the
 * new moon and sun longitude series from Jean Meeus, Astronomical Algorithms, at UTC+7. It is
 * truncated (about a minute of error on the new moon), so both calendars agreeing is the point;
 * either alone could be wrong near midnight.
 */
final class MeeusLunarCalendar {

  private static final double TIME_ZONE = 7.0;
  private static final double SYNODIC_MONTH = 29.530588853;
  private static final double K0_JULIAN_DAY = 2415021.076998695;

  private MeeusLunarCalendar() {}

  /** Gregorian date of lunar day/month (not leap) within the lunar year that starts in {@code year}. */
  static LocalDate find(int year, int lunarMonth, int lunarDay) {
    LocalDate from = lunarMonth == 1 ? LocalDate.of(year, 1, 19) : LocalDate.of(year, 1, 19).plusDays(29L * (lunarMonth - 1) - 10);
    for (int i = 0; i < 120; i++) {
      LocalDate day = from.plusDays(i);
      int[] lunar = toLunar(day);
      if (lunar[0] == lunarDay && lunar[1] == lunarMonth && lunar[3] == 0) {
        return day;
      }
    }
    throw new IllegalStateException("not found: " + lunarDay + "/" + lunarMonth + " " + year);
  }

  /** {day, month, year, leap (0/1)}. */
  static int[] toLunar(LocalDate date) {
    long dayNumber = julianDay(date);
    long k = (long) Math.floor((dayNumber - K0_JULIAN_DAY) / SYNODIC_MONTH);
    long monthStart = newMoonDay(k + 1);
    if (monthStart > dayNumber) {
      monthStart = newMoonDay(k);
    }
    long a11 = lunarMonth11(date.getYear());
    long b11 = a11;
    int lunarYear;
    if (a11 >= monthStart) {
      lunarYear = date.getYear();
      a11 = lunarMonth11(date.getYear() - 1);
    } else {
      lunarYear = date.getYear() + 1;
      b11 = lunarMonth11(date.getYear() + 1);
    }
    int lunarDay = (int) (dayNumber - monthStart + 1);
    int diff = (int) Math.floor((monthStart - a11) / 29.0);
    int leap = 0;
    int lunarMonth = diff + 11;
    if (b11 - a11 > 365) {
      int leapMonthDiff = leapMonthOffset(a11);
      if (diff >= leapMonthDiff) {
        lunarMonth = diff + 10;
        if (diff == leapMonthDiff) {
          leap = 1;
        }
      }
    }
    if (lunarMonth > 12) {
      lunarMonth -= 12;
    }
    if (lunarMonth >= 11 && diff < 4) {
      lunarYear -= 1;
    }
    return new int[] {lunarDay, lunarMonth, lunarYear, leap};
  }

  private static long julianDay(LocalDate date) {
    return date.toEpochDay() + 2440588L;
  }

  /** Local (UTC+7) Julian day number of the k-th new moon after 1900-01-01. */
  private static long newMoonDay(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double dr = Math.PI / 180;
    double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m)
        - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr)
        - 0.0004 * Math.sin(dr * 3 * mpr)
        + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr))
        - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m))
        - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr))
        + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
    double deltaT = t < -11
        ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        : -0.000278 + 0.000265 * t + 0.000262 * t2;
    return (long) Math.floor(jd1 + c1 - deltaT + 0.5 + TIME_ZONE / 24);
  }

  /** Sun longitude at local midnight of a Julian day, in 30° sectors 0..11. */
  private static int sunLongitudeSector(long jdn) {
    double t = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525;
    double t2 = t * t;
    double dr = Math.PI / 180;
    double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m)
        + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    return (int) Math.floor(l / Math.PI * 6);
  }

  /** Start of the 11th lunar month (the one with the winter solstice) around the end of {@code year}. */
  private static long lunarMonth11(int year) {
    long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
    long k = (long) Math.floor(off / SYNODIC_MONTH);
    long newMoon = newMoonDay(k);
    if (sunLongitudeSector(newMoon) >= 9) {
      newMoon = newMoonDay(k - 1);
    }
    return newMoon;
  }

  private static int leapMonthOffset(long a11) {
    long k = (long) Math.floor((a11 - K0_JULIAN_DAY) / SYNODIC_MONTH + 0.5);
    int i = 1;
    int arc = sunLongitudeSector(newMoonDay(k + i));
    int last;
    do {
      last = arc;
      i++;
      arc = sunLongitudeSector(newMoonDay(k + i));
    } while (arc != last && i < 14);
    return i - 1;
  }
}
