package vn.thongsuot.directory;

import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** An official calling /engine-rest over HTTP with Basic authentication, as Tasklist's users can. */
final class EngineRest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;

  EngineRest(TestRestTemplate http) {
    this.http = http;
  }

  record Response(int status, JsonNode body) {

    /** Values of one field over a JSON array response (e.g. the ids of a task list). */
    List<String> values(String field) {
      List<String> values = new ArrayList<>();
      body.forEach(item -> values.add(item.path(field).asText()));
      return values;
    }
  }

  Response get(String user, String path) {
    return call(user, DEMO_PASSWORD, HttpMethod.GET, path, null);
  }

  Response post(String user, String path, String json) {
    return call(user, DEMO_PASSWORD, HttpMethod.POST, path, json);
  }

  /** POST /deployment/create with a one-task process, as Cockpit or the Modeler would. */
  Response deploy(String user, String password) {
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<process id=\"Unauthorised\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<startEvent id=\"s\"/></process></definitions>";
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "unauthorised");
    form.add("data", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "Unauthorised.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> response = http.withBasicAuth(user, password)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    return new Response(response.getStatusCode().value(), JSON.nullNode());
  }

  /**
   * Logs in to a Camunda web application (tasklist, cockpit, admin) as its login page does: a first
   * GET gives the session and its CSRF token, the login POST sends them back.
   */
  int webappLogin(String user, String app) {
    return login(user, app).status();
  }

  /** A logged-in Tasklist session calling the engine API the way Tasklist's pages do. */
  WebappSession tasklist(String user) {
    WebappSession session = login(user, "tasklist");
    if (session.status() != 200) {
      throw new IllegalStateException(user + " could not log in to Tasklist: " + session.status());
    }
    return session;
  }

  private WebappSession login(String user, String app) {
    WebappSession anonymous = WebappSession.open(http, app, List.of());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", DEMO_PASSWORD);
    HttpHeaders headers = anonymous.headers(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class);
    if ("Required".equals(login.getHeaders().getFirst("X-XSRF-TOKEN"))) {
      throw new IllegalStateException("the login was refused for its CSRF token, not for the user's rights");
    }
    // The login starts a new session (session fixation protection): fetch its token.
    return WebappSession.open(http, app, cookies(login)).withStatus(login.getStatusCode().value());
  }

  private static List<String> cookies(ResponseEntity<?> response) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList();
  }

  /** Cookies and CSRF token of a webapp session; {@code status} is the login's answer. */
  record WebappSession(TestRestTemplate http, List<String> cookies, String token, int status) {

    static WebappSession open(TestRestTemplate http, String app, List<String> cookies) {
      HttpHeaders headers = new HttpHeaders();
      headers.put(HttpHeaders.COOKIE, cookies);
      ResponseEntity<String> page = http.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET,
          new HttpEntity<>(headers), String.class);
      List<String> all = new ArrayList<>(cookies);
      all.addAll(EngineRest.cookies(page));
      return new WebappSession(http, all, page.getHeaders().getFirst("X-XSRF-TOKEN"), 0);
    }

    WebappSession withStatus(int status) {
      return new WebappSession(http, cookies, token, status);
    }

    HttpHeaders headers(MediaType contentType) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(contentType);
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      headers.put(HttpHeaders.COOKIE, cookies);
      if (token != null) {
        headers.set("X-XSRF-TOKEN", token);
      }
      return headers;
    }

    /** A call to Tasklist's engine API, e.g. {@code GET /task?...}. */
    Response call(HttpMethod method, String enginePath, String json) {
      ResponseEntity<String> response = http.exchange("/camunda/api/engine/engine/default" + enginePath,
          method, new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)), String.class);
      try {
        String body = response.getBody();
        return new Response(response.getStatusCode().value(),
            body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
      } catch (Exception e) {
        throw new IllegalStateException("not JSON from Tasklist " + enginePath + ": " + response.getBody(), e);
      }
    }
  }

  Response call(String user, String password, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    ResponseEntity<String> response = http.withBasicAuth(user, password)
        .exchange("/engine-rest" + path, method, new HttpEntity<>(json, headers), String.class);
    try {
      String body = response.getBody();
      return new Response(response.getStatusCode().value(),
          body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    } catch (Exception e) {
      throw new IllegalStateException("not JSON from " + path + ": " + response.getBody(), e);
    }
  }
}
