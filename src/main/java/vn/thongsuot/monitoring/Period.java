package vn.thongsuot.monitoring;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.thongsuot.system.RejectedRequest;

/** A league table's period: a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"). */
public record Period(String label, int fromYearMonth, int toYearMonth) {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  public static Period parse(String text, YearMonth current) {
    if (text == null || text.isBlank()) {
      return month(current);
    }
    Matcher m = MONTH.matcher(text);
    if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
      return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    m = QUARTER.matcher(text);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int quarter = Integer.parseInt(m.group(2));
      return new Period("Quý " + quarter + "/" + year, year * 100 + quarter * 3 - 2, year * 100 + quarter * 3);
    }
    m = YEAR.matcher(text);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      return new Period("Năm " + year, year * 100 + 1, year * 100 + 12);
    }
    throw new RejectedRequest(RejectedRequest.Reason.INVALID, "Kỳ '" + text
        + "' không hợp lệ: dùng tháng (2026-11), quý (2026-Q4) hoặc năm (2026).");
  }

  /** The counters' month key: 202611 for November 2026. */
  public static int key(YearMonth month) {
    return month.getYear() * 100 + month.getMonthValue();
  }

  static Period month(YearMonth month) {
    int value = key(month);
    return new Period("Tháng " + month.getMonthValue() + "/" + month.getYear(), value, value);
  }
}
