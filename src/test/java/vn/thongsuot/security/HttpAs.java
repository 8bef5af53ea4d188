package vn.thongsuot.security;

import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * HTTP as an attacker with an account would send it: exact paths (percent-escapes, trailing slashes
 * kept), either door of the engine API, any header. {@link #basic} uses HTTP Basic (our API,
 * {@code /engine-rest}); {@link #webapp} logs into a Camunda webapp and calls
 * {@code /camunda/api/engine/engine/default} with its session cookie and CSRF token, as Tasklist does.
 */
final class HttpAs {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  record Reply(int status, String body, HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** The stacks of the web server's and the engine's threads, for a request that never came back. */
  static String serverThreads() {
    StringBuilder dump = new StringBuilder("Threads of the server at the time-out:\n");
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      String name = thread.getName();
      if (name.contains("exec-") || name.contains("JobExecutor") || name.contains("thongsuot")) {
        dump.append(name).append(' ').append(thread.getState()).append('\n');
        for (StackTraceElement frame : stack) {
          dump.append("    at ").append(frame).append('\n');
        }
      }
    });
    return dump.toString();
  }

  /** One of the two doors of the engine API, for one official. */
  interface EngineDoor {
    Reply call(String method, String enginePath, String json);

    /** A body of another type (a multipart form). */
    Reply send(String method, String enginePath, String contentType, String body);

    String name();
  }

  private final int port;

  HttpAs(int port) {
    this.port = port;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  Reply basic(String user, String method, String path, String json) {
    return basic(user, DEMO_PASSWORD, method, path, json, Map.of());
  }

  Reply basic(String user, String password, String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (json != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (!headers.containsKey("Accept")) {
      request.header("Accept", "application/json");
    }
    headers.forEach(request::header);
    return exchange(HttpClient.newHttpClient(), request.build());
  }

  /** The engine REST API at /engine-rest, with HTTP Basic. */
  EngineDoor engineRest(String user) {
    return new EngineDoor() {
      @Override
      public Reply call(String method, String enginePath, String json) {
        return basic(user, method, ENGINE_REST + enginePath, json);
      }

      @Override
      public Reply send(String method, String enginePath, String contentType, String body) {
        return basic(user, DEMO_PASSWORD, method, ENGINE_REST + enginePath, body, Map.of("Content-Type", contentType));
      }

      @Override
      public String name() {
        return "/engine-rest as " + user;
      }
    };
  }

  /** The engine REST API as Tasklist calls it, after logging in to Tasklist. */
  EngineDoor tasklist(String user) {
    Session session = webapp(user, "tasklist");
    return new EngineDoor() {
      @Override
      public Reply call(String method, String enginePath, String json) {
        return session.call(method, WEBAPP_ENGINE + enginePath, json, Map.of());
      }

      @Override
      public Reply send(String method, String enginePath, String contentType, String body) {
        return session.send(method, WEBAPP_ENGINE + enginePath, contentType, body);
      }

      @Override
      public String name() {
        return "Tasklist as " + user;
      }
    };
  }

  /** Logs in to a webapp the way its login page does; the session's cookies and CSRF token. */
  Session webapp(String user, String app) {
    return webapp(user, app, Map.of());
  }

  /** A webapp's login page before anybody logs in: its session and CSRF token. */
  Session anonymous(String app, Map<String, String> headers) {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    return new Session(client, token(client, app, headers), null);
  }

  Session webapp(String user, String app, Map<String, String> headers) {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    Session anonymous = new Session(client, token(client, app, headers), null);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + DEMO_PASSWORD;
    HttpRequest.Builder login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", anonymous.token());
    headers.forEach(login::header);
    Reply loggedIn = exchange(client, login.build());
    // The login starts a new session (session fixation protection) with a new token.
    return new Session(client, token(client, app, headers), loggedIn);
  }

  private String token(HttpClient client, String app, Map<String, String> headers) {
    HttpRequest.Builder page = HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET();
    headers.forEach(page::header);
    return exchange(client, page.build()).header("X-XSRF-TOKEN");
  }

  /** A webapp session: {@code login} is the login's answer. */
  final class Session {
    private final HttpClient client;
    private final String token;
    private final Reply login;

    Session(HttpClient client, String token, Reply login) {
      this.client = client;
      this.token = token;
      this.login = login;
    }

    String token() {
      return token;
    }

    Reply login() {
      return login;
    }

    /** A form POST (the login's), with the session's token. */
    Reply callForm(String path, String form, Map<String, String> headers) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(form))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      headers.forEach(request::header);
      return exchange(client, request.build());
    }

    Reply send(String method, String path, String contentType, String body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", contentType).header("Accept", "application/json");
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return exchange(client, request.build());
    }

    Reply call(String method, String path, String json, Map<String, String> headers) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
          .header("Accept", "application/json");
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      headers.forEach(request::header);
      return exchange(client, request.build());
    }
  }

  private static Reply exchange(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (HttpTimeoutException e) {
      // The server runs in this JVM: say what its threads were doing, so a hang can be diagnosed.
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e + "\n" + serverThreads(), e);
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A request written byte by byte on a socket, for what HTTP clients refuse to send (header values
   * outside ASCII, control characters). Returns the status line's code and the whole answer.
   */
  Reply raw(String requestHead, byte[] body) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12));
      return new Reply(status, answer, HttpHeaders.of(Map.of(), (a, b) -> true));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
