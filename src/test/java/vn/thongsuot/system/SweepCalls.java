package vn.thongsuot.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP calls of the sweeps, as a user (demo password) or anonymously, and the table of what each
 * saw: endpoint, input, user, status. The table is printed to stdout at the end of a sweep.
 */
final class SweepCalls {

  /** What must never reach a caller: a stack trace, SQL, the database's own words. */
  static final Pattern LEAK = Pattern.compile(
      "\\tat |\\bat (org|java|vn|jakarta)\\.|Caused by|SQLException|JdbcSQL|org\\.h2|PSQLException"
          + "|Value too long|(?i:\\bselect\\b.+\\bfrom\\b|\\binsert into\\b)|NullPointerException|ClassCastException");
  /** A letter only Vietnamese writing has: the message is in Vietnamese. */
  static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
      Pattern.CASE_INSENSITIVE);

  record Reply(int status, String body, HttpHeaders headers) {
    Reply {
      body = body == null ? "" : body;
    }
  }

  private final TestRestTemplate http;
  private final String title;
  private final List<String[]> rows = new ArrayList<>();

  SweepCalls(TestRestTemplate http, String title) {
    this.http = http;
    this.title = title;
  }

  Reply get(String user, String path) {
    return call(user, HttpMethod.GET, path, null, null, Map.of());
  }

  Reply postJson(String user, String path, String json) {
    return call(user, HttpMethod.POST, path, MediaType.APPLICATION_JSON, json, Map.of());
  }

  Reply call(String user, HttpMethod method, String path, MediaType type, Object body,
      Map<String, String> extraHeaders) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
    if (type != null) {
      headers.setContentType(type);
    }
    extraHeaders.forEach(headers::set);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
    // A path with %-escapes is sent as it is (a template would escape the % again).
    ResponseEntity<String> response = path.contains("%")
        ? client.exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class)
        : client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    return new Reply(response.getStatusCode().value(), response.getBody(), response.getHeaders());
  }

  /** One line of the printed table. */
  void record(String endpoint, String input, String user, int status) {
    rows.add(new String[] {endpoint, input, user == null ? "(anonymous)" : user, String.valueOf(status)});
  }

  int size() {
    return rows.size();
  }

  /** Requests per status code. */
  Map<String, Integer> statusCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    rows.forEach(row -> counts.merge(row[3], 1, Integer::sum));
    return counts;
  }

  void print() {
    int[] width = {8, 5, 4};
    for (String[] row : rows) {
      for (int i = 0; i < 3; i++) {
        width[i] = Math.max(width[i], Math.min(row[i].length(), 70));
      }
    }
    String format = "%-" + width[0] + "s | %-" + width[1] + "s | %-" + width[2] + "s | %s%n";
    StringBuilder out = new StringBuilder("\n=== " + title + ": " + rows.size() + " requests " + statusCounts()
        + " ===\n");
    out.append(String.format(format, "endpoint", "input", "user", "status"));
    for (String[] row : rows) {
      out.append(String.format(format, clip(row[0]), clip(row[1]), row[2], row[3]));
    }
    System.out.print(out);
  }

  private static String clip(String text) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() > 70 ? oneLine.substring(0, 67) + "..." : oneLine;
  }
}
