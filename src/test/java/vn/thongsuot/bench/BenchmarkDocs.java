package vn.thongsuot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark's results go: {@code target/bench/<section>.md} always, and the section of
 * {@code docs/benchmarks.md} between {@code <!-- results:<section> -->} and
 * {@code <!-- /results:<section> -->} unless {@code -Dbench.docs=false} (a small trial run should
 * not overwrite the published figures). Text outside the markers, the analysis, is left alone.
 */
public final class BenchmarkDocs {

  public static final Path DOCS = Path.of("docs", "benchmarks.md");

  private BenchmarkDocs() {}

  public static void publish(String section, String markdown) throws IOException {
    Path out = Path.of("target", "bench", section + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println("\n=== " + section + " ===\n" + markdown);
    if (Boolean.parseBoolean(System.getProperty("bench.docs", "true")) && Files.exists(DOCS)) {
      Files.writeString(DOCS, replaceSection(Files.readString(DOCS, StandardCharsets.UTF_8), section, markdown),
          StandardCharsets.UTF_8);
    }
  }

  /** The document with the section's content replaced; unchanged when it has no such markers. */
  static String replaceSection(String document, String section, String markdown) {
    String start = "<!-- results:" + section + " -->";
    String end = "<!-- /results:" + section + " -->";
    int from = document.indexOf(start);
    int to = document.indexOf(end);
    if (from < 0 || to < from) {
      System.out.println("[bench] docs/benchmarks.md has no " + start + " section: not updated");
      return document;
    }
    return document.substring(0, from + start.length()) + "\n" + markdown.strip() + "\n"
        + document.substring(to);
  }
}
