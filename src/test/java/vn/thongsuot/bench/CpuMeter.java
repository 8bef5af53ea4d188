package vn.thongsuot.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * CPU spent by this JVM (with its GC) and by the PostgreSQL backends serving this benchmark's database
 * during a measurement, from the JVM's own counters and /proc/&lt;pid&gt;/stat: which side of the JDBC
 * connection a filing costs. PostgreSQL's shared processes (WAL writer, checkpointer) are not counted;
 * they serve every database on the server.
 */
public final class CpuMeter {

  private static final double TICK_MS = 10; // USER_HZ = 100 on Linux

  /** Milliseconds of CPU over the measurement. */
  public record Cpu(double jvmMs, double gcMs, double databaseMs, double wallMs) {}

  private final DataSource dataSource;
  private final boolean postgres;
  private Set<Integer> backends = Set.of();
  private long jvmStart;
  private long gcStart;
  private double databaseStart;
  private long wallStart;

  public CpuMeter(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  public void start() {
    backends = postgres ? backends() : Set.of();
    databaseStart = ticks(backends);
    gcStart = gcMillis();
    jvmStart = processCpuNanos();
    wallStart = System.nanoTime();
  }

  public Cpu stop() {
    long wall = System.nanoTime() - wallStart;
    long jvm = processCpuNanos() - jvmStart;
    long gc = gcMillis() - gcStart;
    double database = ticks(backends) - databaseStart;
    return new Cpu(jvm / 1e6, gc, database * TICK_MS, wall / 1e6);
  }

  private Set<Integer> backends() {
    Set<Integer> pids = new HashSet<>();
    try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement();
        ResultSet rows = sql.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
      while (rows.next()) {
        pids.add(rows.getInt(1));
      }
    } catch (Exception e) {
      System.out.println("[bench] no PostgreSQL backends to meter: " + e);
    }
    return pids;
  }

  private static double ticks(Set<Integer> pids) {
    double sum = 0;
    for (int pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      } catch (Exception goneOrNotLocal) {
        // a backend that ended, or a server on another machine: not counted
      }
    }
    return sum;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }
}
