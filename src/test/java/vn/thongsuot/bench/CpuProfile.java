package vn.thongsuot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder CPU profile of some work, summarised by who runs on the CPU: each execution
 * sample is charged to the first frame from the top that is not the JDK itself (so a HashMap lookup
 * inside MyBatis counts for MyBatis), grouped by library. Also: the share of samples with our own
 * code (vn.thongsuot: delegates, listeners, services) anywhere on the stack.
 */
public final class CpuProfile {

  private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

  static {
    LIBRARIES.put("vn.thongsuot.", "our code (vn.thongsuot)");
    LIBRARIES.put("org.camunda.bpm.dmn.", "DMN / FEEL");
    LIBRARIES.put("org.camunda.feel.", "DMN / FEEL");
    LIBRARIES.put("org.camunda.bpm.engine.impl.dmn.", "DMN / FEEL");
    LIBRARIES.put("scala.", "DMN / FEEL");
    LIBRARIES.put("camundajar.impl.", "DMN / FEEL"); // feel-scala's shaded Scala and fastparse
    LIBRARIES.put("org.camunda.bpm.model.", "engine (model API)");
    LIBRARIES.put("org.camunda.bpm.engine.impl.el.", "engine (expressions, JUEL)");
    LIBRARIES.put("org.camunda.bpm.impl.juel.", "engine (expressions, JUEL)");
    LIBRARIES.put("org.camunda.bpm.engine.impl.persistence.", "engine (persistence, entities)");
    LIBRARIES.put("org.camunda.bpm.engine.impl.db.", "engine (persistence, entities)");
    LIBRARIES.put("org.camunda.bpm.engine.", "engine (other)");
    LIBRARIES.put("org.camunda.", "Camunda (other)");
    LIBRARIES.put("org.apache.ibatis.", "MyBatis");
    LIBRARIES.put("org.postgresql.", "PostgreSQL JDBC driver");
    LIBRARIES.put("org.h2.", "H2 (the database itself, in the JVM)");
    LIBRARIES.put("com.zaxxer.hikari.", "HikariCP");
    LIBRARIES.put("net.ttddyy.", "datasource-proxy");
    LIBRARIES.put("org.springframework.", "Spring");
    LIBRARIES.put("com.fasterxml.", "Jackson");
    LIBRARIES.put("org.apache.", "Tomcat / Apache (other)");
  }

  /** Samples by library (most first), the share with our code on the stack, the top methods. */
  public record Summary(int samples, Map<String, Integer> byLibrary, Map<String, Integer> onStack,
      Map<String, Integer> topMethods) {

    public String markdown() {
      MarkdownTable t = new MarkdownTable("on the CPU (first non-JDK frame)", ">samples", ">share");
      byLibrary.forEach((library, n) -> t.row(library, n, Figures.format(100.0 * n / samples, 1) + " %"));
      MarkdownTable m = new MarkdownTable("top methods (first non-JDK frame)", ">samples", ">share");
      topMethods.forEach((method, n) -> m.row("`" + method + "`", n, Figures.format(100.0 * n / samples, 1) + " %"));
      MarkdownTable s = new MarkdownTable("anywhere on the stack (inclusive)", ">samples", ">share");
      onStack.forEach((library, n) -> s.row(library, n, Figures.format(100.0 * n / samples, 1) + " %"));
      return t + "\n" + s + "\n" + m;
    }
  }

  private CpuProfile() {}

  public static Summary of(Runnable work) throws Exception {
    Path file = Files.createTempFile("bench", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      work.run();
      recording.stop();
      recording.dump(file);
    }
    Map<String, Integer> byLibrary = new HashMap<>();
    Map<String, Integer> methods = new HashMap<>();
    Map<String, Integer> onStack = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      String charged = null;
      String method = null;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        if (!isJdk(type)) {
          seen.add(library(type));
        }
        if (charged == null && !isJdk(type)) {
          charged = library(type);
          method = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
        }
      }
      samples++;
      seen.forEach(library -> onStack.merge(library, 1, Integer::sum));
      byLibrary.merge(charged == null ? "JDK only (threads, GC support, I/O)" : charged, 1, Integer::sum);
      if (method != null) {
        methods.merge(method, 1, Integer::sum);
      }
    }
    Files.deleteIfExists(file);
    return new Summary(samples, sorted(byLibrary, 20), sorted(onStack, 12), sorted(methods, 12));
  }

  private static boolean isJdk(String type) {
    return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
        || type.startsWith("javax.") || type.startsWith("com.sun.");
  }

  private static String library(String type) {
    return LIBRARIES.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse("other: " + type.substring(0, Math.max(0, type.lastIndexOf('.'))));
  }

  private static Map<String, Integer> sorted(Map<String, Integer> counts, int limit) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
