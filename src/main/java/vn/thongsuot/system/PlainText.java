package vn.thongsuot.system;

/**
 * What an official may type into a text field: any letter, digit, punctuation or space of Unicode,
 * line breaks and tabs. Refused: control characters (NUL breaks PostgreSQL's text columns and the
 * board's JSON), invisible characters that make two texts look alike (zero-width spaces, joiners,
 * the byte-order mark, word joiners), the direction overrides that can reorder what a reader sees,
 * and halves of a character (unpaired surrogates, which no encoding can store).
 */
public final class PlainText {

  private PlainText() {}

  /** True if the text has nothing of the above (null counts as plain: "missing" is checked elsewhere). */
  public static boolean isPlain(String text) {
    return firstForbidden(text) < 0;
  }

  /** The index of the first character that is not allowed, or -1. */
  public static int firstForbidden(String text) {
    if (text == null) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c) || forbidden(c)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean forbidden(char c) {
    if (c == '\n' || c == '\r' || c == '\t') {
      return false;
    }
    return Character.isISOControl(c)
        || c >= '\u200B' && c <= '\u200F' // zero-width space, joiners, direction marks
        || c >= '\u202A' && c <= '\u202E' // direction embeddings and overrides
        || c >= '\u2060' && c <= '\u2064' // word joiner, invisible operators
        || c >= '\u2066' && c <= '\u2069' // direction isolates
        || c == '\uFEFF' // byte-order mark, zero-width no-break space
        || c == '\uFFFE' || c == '\uFFFF';
  }

  /** The sentence for an official, naming the field. */
  public static String problem(String label) {
    return label + " chứa ký tự không được phép (ký tự điều khiển, ký tự vô hình hoặc ký tự lỗi mã hóa);"
        + " hãy gõ lại nội dung.";
  }
}
