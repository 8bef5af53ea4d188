package vn.thongsuot.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small request body (a login form) read once, so a filter can look at it, and replayed to
 * whoever reads it next: as a stream, or as the form's parameters.
 */
final class BufferedBody extends HttpServletRequestWrapper {

  private final byte[] body;
  private Map<String, String[]> parameters;

  private BufferedBody(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** Reads at most {@code limit} bytes; a longer body is cut there (no login form is that long). */
  static BufferedBody of(HttpServletRequest request, int limit) throws IOException {
    try (InputStream in = request.getInputStream()) {
      return new BufferedBody(request, in.readNBytes(limit));
    }
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getParameter(String name) {
    String[] values = getParameterMap().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public String[] getParameterValues(String name) {
    return getParameterMap().get(name);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(getParameterMap().keySet());
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    if (parameters == null) {
      Map<String, List<String>> all = new LinkedHashMap<>();
      add(all, getQueryString());
      String type = getContentType();
      if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
        add(all, text());
      }
      Map<String, String[]> result = new LinkedHashMap<>();
      all.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
      parameters = Collections.unmodifiableMap(result);
    }
    return parameters;
  }

  private static void add(Map<String, List<String>> all, String form) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException malformed) {
        // a malformed pair is left out, as Tomcat does
      }
    }
  }
}
