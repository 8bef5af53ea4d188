package vn.thongsuot.system;

/**
 * One cell of a CSV file that officials open in a spreadsheet. Quoted when it holds a comma, a
 * quote or a line break. A text that a spreadsheet would take for a formula is defused with a
 * leading apostrophe: one that starts with {@code = + - @}, also after leading spaces, or with a
 * tab, carriage return or line feed (OWASP, "CSV injection").
 */
public final class CsvCells {

  private CsvCells() {}

  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = isFormula(value) ? "'" + value : value;
    return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  static boolean isFormula(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    if (first == '\t' || first == '\r' || first == '\n') {
      return true;
    }
    String rest = value.stripLeading();
    return !rest.isEmpty() && "=+-@".indexOf(rest.charAt(0)) >= 0;
  }
}
