package vn.thongsuot.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub markdown table; columns whose header starts with '>' are right-aligned. */
public final class MarkdownTable {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... headers) {
    this.headers = List.of(headers);
  }

  public MarkdownTable row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder t = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|");
    for (String header : headers) {
      boolean right = header.startsWith(">");
      t.append(' ').append(right ? header.substring(1) : header).append(" |");
      rule.append(right ? "---:|" : "---|");
    }
    t.append('\n').append(rule).append('\n');
    for (List<String> row : rows) {
      t.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return t.toString();
  }
}
