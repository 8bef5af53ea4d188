package vn.thongsuot.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text of a holidays file (the one shipped, the administrator's on disk, or a version loaded
 * while the service runs) and where it came from. Parsed by {@link HolidayRules#parse}, so a version
 * loaded later is checked exactly like the file at start-up.
 */
public record HolidayFileText(String origin, String text) {

  /** The file shipped inside the application. */
  public static HolidayFileText shipped() {
    String origin = "classpath:" + HolidayRules.SHIPPED_RESOURCE;
    try (InputStream in = HolidayRules.class.getClassLoader().getResourceAsStream(HolidayRules.SHIPPED_RESOURCE)) {
      if (in == null) {
        throw new HolidayFileException("holidays file " + origin + " is missing from the classpath");
      }
      return new HolidayFileText(origin, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HolidayFileException("holidays file " + origin + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A file on disk that replaces the shipped one. */
  public static HolidayFileText of(Path file) {
    String origin = file.toAbsolutePath().toString();
    if (!Files.isRegularFile(file)) {
      throw new HolidayFileException("holidays file " + origin + " does not exist or is not a file"
          + " (set by thongsuot.calendar.holidays-file / THONGSUOT_HOLIDAYS_FILE)");
    }
    try {
      return new HolidayFileText(origin, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HolidayFileException("holidays file " + origin + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** @throws HolidayFileException naming the line, as at start-up */
  public HolidayRules parse() {
    return HolidayRules.parse(origin, new StringReader(text));
  }

  /** SHA-256 of the text with its line ends made uniform: the same document, the same hash. */
  public String hash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
