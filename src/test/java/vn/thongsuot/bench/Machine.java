package vn.thongsuot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** What the figures were measured on: cores, memory, load, JVM, database. */
public final class Machine {

  private Machine() {}

  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException | RuntimeException notLinux) {
      return "unknown";
    }
  }

  public static String describe() {
    StringBuilder m = new StringBuilder();
    m.append(Runtime.getRuntime().availableProcessors()).append(" CPUs visible to the JVM");
    String model = cpuModel();
    if (!model.isEmpty()) {
      m.append(" (").append(model).append(')');
    }
    m.append(", ").append(memoryGiB()).append(" RAM; ");
    m.append("JVM ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append(String.format(Locale.ROOT, ", max heap %.0f MiB",
            Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0));
    m.append("; JVM arguments ").append(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-X")).toList());
    return m.toString();
  }

  public static String database(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "unknown database (" + e.getMessage() + ")";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
    } catch (IOException | RuntimeException notLinux) {
      return "";
    }
  }

  private static String memoryGiB() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> String.format(Locale.ROOT, "%.0f GiB",
              Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
          .findFirst().orElse("? GiB");
    } catch (IOException | RuntimeException notLinux) {
      return "? GiB";
    }
  }
}
