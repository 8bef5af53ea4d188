package vn.thongsuot.system;

/**
 * Camunda keeps a String variable in a column of 4000 characters (ACT_RU_VARIABLE.TEXT_); a longer
 * one fails the whole transaction when it is flushed. Texts we compose for officials to read on a
 * form (an issue's summary, its timeline, a report's figures) are cut to fit, saying so; the whole
 * text stays where it lives (our tables, {@code GET /api/issues/{number}}, the published report).
 */
public final class StringVariables {

  public static final int MAX_LENGTH = 4000;

  private StringVariables() {}

  /** The text, or its beginning followed by {@code note} when it is too long. */
  public static String keepStart(String text, String note) {
    if (text == null || text.length() <= MAX_LENGTH) {
      return text;
    }
    String tail = "\n… " + note;
    return text.substring(0, MAX_LENGTH - tail.length()) + tail;
  }

  /** The text, or {@code note} followed by its end when it is too long (the latest of a timeline). */
  public static String keepEnd(String text, String note) {
    if (text == null || text.length() <= MAX_LENGTH) {
      return text;
    }
    String head = note + " …\n";
    return head + text.substring(text.length() - (MAX_LENGTH - head.length()));
  }
}
