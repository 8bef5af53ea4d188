package vn.thongsuot.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The fields officials fill in on each of our Camunda Forms ({@code processes/forms/*.form}, by form
 * id): what a submission of that form may carry. Fields marked disabled or read-only only show
 * what the process knows (the issue, its deadline, its timeline) and are never submitted.
 */
@Component
public class FormFields {

  private final Map<String, Set<String>> byForm;

  FormFields(ObjectMapper json) {
    this.byForm = read(json);
  }

  /** The fields of a form an official may submit; empty for an unknown form. */
  public Set<String> editable(String formId) {
    return byForm.getOrDefault(formId, Set.of());
  }

  static Map<String, Set<String>> read(ObjectMapper json) {
    Map<String, Set<String>> forms = new LinkedHashMap<>();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode model = json.readTree(in);
          Set<String> keys = new TreeSet<>();
          collect(model, keys);
          forms.put(model.path("id").asText(), Set.copyOf(keys));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms under processes/forms", e);
    }
    return forms;
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
}
