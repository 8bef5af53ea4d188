package vn.thongsuot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives an operation from several client threads and times each call: for a fixed time
 * (throughput) or a fixed number of calls per thread (a ladder walk). A failed call is counted and
 * its first exception kept; the benchmark reports failures instead of hiding them.
 */
public final class Load {

  private Load() {}

  /** One call; thread is 0..threads-1, i counts the thread's calls from 0. */
  @FunctionalInterface
  public interface Operation {
    void run(int thread, int i) throws Exception;
  }

  /** One run: calls completed, failures, wall time, each successful call's latency. */
  public record Run(int calls, int failures, double seconds, double[] latenciesMs, Throwable firstFailure) {

    public double perSecond() {
      return calls / seconds;
    }
  }

  public static Run forSeconds(int threads, double seconds, Operation operation) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    return run(threads, Integer.MAX_VALUE, deadline, operation);
  }

  public static Run calls(int threads, int callsPerThread, Operation operation) {
    return run(threads, callsPerThread, Long.MAX_VALUE, operation);
  }

  private static Run run(int threads, int callsPerThread, long deadline, Operation operation) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<Throwable> first = new AtomicReference<>();
    List<Future<List<Double>>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < callsPerThread && System.nanoTime() < deadline; i++) {
          long began = System.nanoTime();
          try {
            operation.run(thread, i);
            latencies.add((System.nanoTime() - began) / 1e6);
          } catch (Exception | AssertionError e) {
            failures.incrementAndGet();
            first.compareAndSet(null, e);
          }
        }
        return latencies;
      }));
    }
    List<Double> all = new ArrayList<>();
    try {
      for (Future<List<Double>> result : results) {
        all.addAll(result.get());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (first.get() != null) {
      System.out.println("[bench] " + failures.get() + " failed calls, the first: " + first.get());
    }
    return new Run(all.size(), failures.get(), seconds, all.stream().mapToDouble(Double::doubleValue).toArray(),
        first.get());
  }

  /** Several runs of one measurement: throughput spread, latency percentiles over all runs pooled. */
  public record Series(Figures.Spread perSecond, double p50, double p99, int calls, int failures) {

    public static Series of(List<Run> runs) {
      List<Double> rates = runs.stream().map(Run::perSecond).toList();
      double[] latencies = runs.stream().flatMapToDouble(r -> java.util.Arrays.stream(r.latenciesMs())).toArray();
      return new Series(Figures.spread(rates), Figures.percentile(latencies, 50), Figures.percentile(latencies, 99),
          runs.stream().mapToInt(Run::calls).sum(), runs.stream().mapToInt(Run::failures).sum());
    }
  }
}
