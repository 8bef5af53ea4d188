package vn.thongsuot.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Completing a task sets every submitted variable on the issue's process. An official could send,
 * beside the answer, variables the process itself keeps (the issue number, the responsible unit,
 * the deadline) and so write into another unit's issue. Task submissions through the engine REST
 * API and through Tasklist may carry only the fields officials fill in on our task forms
 * ({@code processes/forms/*.form}, fields not marked disabled, the start form aside); anything else
 * is refused with 400 and a Vietnamese message before the engine sees it.
 */
@Configuration
class TaskSubmissionGuard {

  static final String START_FORM = "FileIssueForm.form";
  static final Pattern TASK_SUBMISSION = Pattern.compile(
      "(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form|resolve)");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskSubmissionGuardFilter(ObjectMapper json, TaskService tasks)
      throws IOException {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(formFields(json), ourProcesses(), json, tasks));
    registration.setName("task-submission-guard");
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
    // After Camunda's authentication of /engine-rest (101): an anonymous caller still gets 401.
    registration.setOrder(102);
    return registration;
  }

  /** The keys of the fields officials fill in on the task forms. */
  static Set<String> formFields(ObjectMapper json) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/forms/*.form")) {
      if (!START_FORM.equals(form.getFilename())) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in), keys);
        }
      }
    }
    return keys;
  }

  /** The ids of our processes: each processes/*.bpmn is named after its process id. */
  static Set<String> ourProcesses() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      ids.add(model.getFilename().replaceFirst("\\.bpmn$", ""));
    }
    return ids;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        keys.add(component.get("key").asText());
      }
      collect(component, keys);
    }
  }

  static final class Filter extends OncePerRequestFilter {

    private final Set<String> allowed;
    private final Set<String> processes;
    private final ObjectMapper json;
    private final TaskService tasks;

    Filter(Set<String> allowed, Set<String> processes, ObjectMapper json, TaskService tasks) {
      this.allowed = allowed;
      this.processes = processes;
      this.json = json;
      this.tasks = tasks;
    }

    /** A task of one of our processes (a task the caller may not see is left to the engine). */
    private boolean ours(String taskId) {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      return task != null && task.getProcessDefinitionId() != null
          && processes.contains(task.getProcessDefinitionId().split(":", 2)[0]);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher submission = TASK_SUBMISSION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (!"POST".equals(request.getMethod()) || !submission.matches() || !ours(submission.group(2))) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readAllBytes();
      List<String> foreign = new ArrayList<>();
      try {
        json.readTree(body).path("variables").fieldNames().forEachRemaining(name -> {
          if (!allowed.contains(name)) {
            foreign.add(name);
          }
        });
      } catch (IOException malformed) {
        // Not JSON: the engine REST API refuses it itself, with its message.
      }
      if (!foreign.isEmpty()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of("type", "InvalidVariables", "message",
            "Biểu mẫu của nhiệm vụ không có trường " + String.join(", ", foreign)
                + "; chỉ gửi các trường cán bộ điền: " + String.join(", ", allowed) + ". Không có gì được lưu."));
        return;
      }
      chain.doFilter(new Replayed(request, body), response);
    }
  }

  /** The request with its body read once and replayed to the engine. */
  static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
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
  }
}
