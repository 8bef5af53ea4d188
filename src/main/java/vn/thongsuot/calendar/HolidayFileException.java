package vn.thongsuot.calendar;

/**
 * The holidays data file cannot be used. The message names the file and the line or entry, so an
 * administrator who edited it can fix it; start-up fails rather than count deadlines wrongly.
 */
public class HolidayFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  HolidayFileException(String message) {
    super(message);
  }

  HolidayFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
