package vn.thongsuot.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One operation of Camunda's engine REST API as its published description names it: an HTTP method
 * and a path template relative to the engine ({@code POST /task/{id}/complete}), the same on
 * {@code /engine-rest} and on the webapps' {@code /camunda/api/engine/engine/default}.
 */
public record EngineOperation(String method, String template) {

  private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

  public EngineOperation {
    method = method.toUpperCase(Locale.ROOT);
  }

  /** {@code "POST /task/{id}/complete"}. */
  public static EngineOperation parse(String operation) {
    String[] parts = operation.strip().split("\\s+", 2);
    return new EngineOperation(parts[0], parts[1]);
  }

  /**
   * The template without its variables' names, {@code /task/{}/complete}: Camunda's resources and its
   * description do not always name a variable alike ({@code {id}}, {@code {varName}}, regular
   * expressions), the shape of the path is what identifies the operation.
   */
  public String shape() {
    return shapeOf(template);
  }

  static String shapeOf(String template) {
    return VARIABLE.matcher(template).replaceAll("{}");
  }

  /**
   * The template of a resource method from the templates Jersey matched on the way to it, most
   * specific first ({@code /complete}, {@code /{id}}, {@code /task}, {@code /}), with the named
   * engine's prefix ({@code /engine/{name}}) removed: both ways of addressing the default engine are
   * one operation.
   */
  static String templateOf(List<String> matchedTemplatesMostSpecificFirst) {
    List<String> parts = new ArrayList<>();
    for (int i = matchedTemplatesMostSpecificFirst.size() - 1; i >= 0; i--) {
      for (String segment : matchedTemplatesMostSpecificFirst.get(i).split("/")) {
        if (!segment.isEmpty()) {
          parts.add(segment);
        }
      }
    }
    if (parts.size() >= 2 && parts.get(0).equals("engine") && parts.get(1).startsWith("{")) {
      parts = parts.subList(2, parts.size());
    }
    return "/" + String.join("/", parts);
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
