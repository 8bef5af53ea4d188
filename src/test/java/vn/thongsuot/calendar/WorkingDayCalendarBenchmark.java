package vn.thongsuot.calendar;

import java.time.Instant;
import java.util.Random;

/**
 * Not a test: a rough single-thread measurement of {@link WorkingDayCalendar#addWorkingDays} once
 * the years are cached. Run it by hand:
 * <pre>
 * mvn -o -q test-compile
 * java -cp "target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *   vn.thongsuot.calendar.WorkingDayCalendarBenchmark
 * </pre>
 * Inputs are precomputed random instants in 2025-2027 and N in 1..60 (the deadlines the ladder
 * uses), so the loop measures the calendar, not the random generator. A checksum keeps the JIT
 * from dropping the calls.
 */
public final class WorkingDayCalendarBenchmark {

  private static final int INPUTS = 1 << 16;
  private static final int WARM_UP_ROUNDS = 30;
  private static final int MEASURED_ROUNDS = 60;

  private WorkingDayCalendarBenchmark() {}

  public static void main(String[] args) {
    WorkingDayCalendar calendar = WorkingDayCalendar.standard();
    Random random = new Random(42);
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    Instant[] from = new Instant[INPUTS];
    int[] days = new int[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      from[i] = start.plusSeconds((long) (random.nextDouble() * 3 * 365 * 86_400));
      days[i] = 1 + random.nextInt(60);
    }
    long checksum = 0;
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      checksum += run(calendar, from, days);
    }
    long began = System.nanoTime();
    for (int round = 0; round < MEASURED_ROUNDS; round++) {
      checksum += run(calendar, from, days);
    }
    long elapsed = System.nanoTime() - began;
    long calls = (long) INPUTS * MEASURED_ROUNDS;
    System.out.printf("addWorkingDays: %,d calls in %.1f ms: %.0f ns/call, %,.0f calls/s (one thread; checksum %d)%n",
        calls, elapsed / 1e6, (double) elapsed / calls, calls * 1e9 / elapsed, checksum);
  }

  private static long run(WorkingDayCalendar calendar, Instant[] from, int[] days) {
    long sum = 0;
    for (int i = 0; i < from.length; i++) {
      sum += calendar.addWorkingDays(from[i], days[i]).getEpochSecond();
    }
    return sum;
  }
}
