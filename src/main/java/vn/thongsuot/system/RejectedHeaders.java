package vn.thongsuot.system;

/**
 * A request Spring Security's firewall refuses (a double slash or an encoded slash in the path, a
 * header value outside ASCII or with control characters) is the caller's fault: 400, in these words,
 * wherever it surfaces. Its log line names the kind of refusal, never a value: a header could be a
 * session cookie or a password.
 */
public final class RejectedHeaders {

  public static final String MESSAGE =
      "Yêu cầu không hợp lệ: địa chỉ, tham số hoặc tiêu đề có ký tự không được phép.";

  private RejectedHeaders() {}

  /** "The request was rejected because the header: "x" has a value ... that is not allowed." up to the first quote. */
  public static String kindOf(String message) {
    if (message == null) {
      return "rejected";
    }
    int quote = message.indexOf('"');
    return quote < 0 ? message : message.substring(0, quote).strip();
  }
}
