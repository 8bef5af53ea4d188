package vn.thongsuot.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our vi.json against the en.json of the Camunda webjar on the classpath: same keys, the same
 * placeholders, and the labels officials meet every day really translated. Fails after a Camunda
 * upgrade that adds or renames keys, which is when the translation needs a look.
 */
class VietnameseTranslationTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Login, the filter and task list, the task view, claim/complete, the start dialog. */
  private static final List<String> EVERYDAY = List.of("PAGE_LOGIN_USERNAME", "PAGE_LOGIN_PASSWORD",
      "PAGE_LOGIN_SIGN_IN_ACTION", "PAGE_LOGIN_ERROR_MSG", "SIGN_OUT_ACTION", "CLAIM_TASK", "UNCLAIM_TASK",
      "COMPLETE", "COMPLETE_OK", "COMPLETE_ERROR", "SAVE", "START", "START_PROCESS", "SEARCH_PROCESS_BY_NAME",
      "CLICK_PROCESS_TO_START", "PROCESS_START_OK", "DUE", "FOLLOW_UP", "FORM", "HISTORY", "DIAGRAM",
      "NO_MATCHING_TASK", "SELECT_TASK_IN_LIST", "SEARCH_PLACEHOLDER", "TASK_NOT_EXIST", "FILTERS");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void vietnameseHasExactlyCamundasKeysWithTheirPlaceholders(String app) throws IOException {
    JsonNode en = read(app, "en").path("labels");
    JsonNode vi = read(app, "vi").path("labels");
    assertThat(names(vi)).isEqualTo(names(en));
    List<String> lostPlaceholders = new ArrayList<>();
    en.fieldNames().forEachRemaining(key -> {
      if (!placeholders(en.path(key).asText()).equals(placeholders(vi.path(key).asText()))) {
        lostPlaceholders.add(key);
      }
    });
    assertThat(lostPlaceholders).as("labels whose {{placeholders}} differ from English").isEmpty();
    assertThat(read(app, "vi").path("dateLocales").path("weekdays").get(1).asText()).isEqualTo("thứ hai");
  }

  @Test
  void labelsOfficialsMeetEveryDayAreTranslated() throws IOException {
    JsonNode en = read("tasklist", "en").path("labels");
    JsonNode vi = read("tasklist", "vi").path("labels");
    List<String> untranslated = EVERYDAY.stream()
        .filter(key -> vi.path(key).asText().equals(en.path(key).asText())).toList();
    assertThat(untranslated).isEmpty();
    assertThat(vi.path("CLAIM_TASK").asText()).isEqualTo("Nhận việc");
    assertThat(vi.path("COMPLETE").asText()).isEqualTo("Hoàn thành");
  }

  /** form-js's checks of a field, as its bundle in Camunda's webjar writes them. */
  private static final Pattern FIELD_CHECK = Pattern.compile("[\"`](Field (?:is required|must)[^\"`]*)[\"`]");
  private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]");
  private static final Pattern FORM_PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  /**
   * Camunda Forms (form-js, bundled in the webjar's deps.js) checks fields with English messages of
   * its own; scripts/thongsuot.js shows them in Vietnamese from locales/vi-forms.json. Every check
   * of the bundle has its Vietnamese, which never shows the field's regular expression, and no
   * translation is left for a text the bundle no longer has.
   */
  @Test
  void camundaFormsFieldChecksAndPlaceholderAreTranslatedWithoutTheirPattern() throws IOException {
    String bundle = resource("META-INF/resources/webjars/camunda/lib/deps.js");
    Set<String> checks = new TreeSet<>();
    Matcher check = FIELD_CHECK.matcher(bundle);
    while (check.find()) {
      checks.add(check.group(1).replaceAll("\\$\\{\\w+\\.(\\w+)}", "{$1}"));
    }
    assertThat(checks).as("form-js's field checks in deps.js").contains("Field is required.",
        "Field must match pattern {pattern}.", "Field must have maximum length of {maxLength}.");
    assertThat(bundle).as("form-js's select placeholder").contains("||\"Select\"");

    JsonNode vi = JSON.readTree(resource("META-INF/resources/webjars/camunda/app/tasklist/locales/vi-forms.json"));
    assertThat(names(vi)).containsAll(checks);
    Set<String> stale = names(vi);
    stale.removeAll(checks);
    assertThat(stale).as("translations of texts the bundle does not have").containsExactlyInAnyOrder("Select", "Search");
    vi.fields().forEachRemaining(entry -> {
      String vietnamese = entry.getValue().asText();
      assertThat(vietnamese).as(entry.getKey()).containsPattern(VIETNAMESE).doesNotContain("{pattern}", "^", "$");
      assertThat(formPlaceholders(entry.getKey())).as(entry.getKey()).containsAll(formPlaceholders(vietnamese));
    });
    assertThat(vi.path("Select").asText()).isEqualTo("Chọn");
    assertThat(vi.path("Field is required.").asText()).isEqualTo("Trường này bắt buộc, không được để trống.");
  }

  /** Tasklist loads our script, which reads the translations from where they are shipped. */
  @Test
  void tasklistLoadsTheScriptThatTranslatesTheForms() throws IOException {
    String config = resource("META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js");
    assertThat(config).contains("customScripts: ['scripts/thongsuot.js']");
    String script = resource("META-INF/resources/webjars/camunda/app/tasklist/scripts/thongsuot.js");
    assertThat(script).contains("/app/tasklist/locales/vi-forms.json", "tasklist.navbar.action", "/unit-issues/");
  }

  private static Set<String> formPlaceholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = FORM_PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = VietnameseTranslationTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }
  }

  private static JsonNode read(String app, String language) throws IOException {
    try (InputStream in = VietnameseTranslationTest.class.getClassLoader()
        .getResourceAsStream(String.format(LOCALES, app, language))) {
      assertThat(in).as("%s %s.json on the classpath", app, language).isNotNull();
      // Camunda's files start with a byte order mark.
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return JSON.readTree(text);
    }
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
