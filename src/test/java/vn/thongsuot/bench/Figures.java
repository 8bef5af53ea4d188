package vn.thongsuot.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians over runs and percentiles over latencies, as every benchmark reports them. */
public final class Figures {

  private Figures() {}

  /** The median of several runs with the lowest and the highest. */
  public record Spread(double median, double min, double max, int runs) {

    /** "123 (110–130)", digits as given. */
    public String format(int digits) {
      String f = "%." + digits + "f";
      return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median, min, max);
    }
  }

  public static Spread spread(List<Double> runs) {
    double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Spread(median, sorted[0], sorted[n - 1], n);
  }

  /** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  public static String format(double value, int digits) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", value);
  }
}
