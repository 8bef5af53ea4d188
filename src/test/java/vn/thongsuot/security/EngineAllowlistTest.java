package vn.thongsuot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.thongsuot.security.EngineAllowlist.Rule;

/**
 * docs/security.md prints the allowlist exactly as the code has it. After a change of the table, run
 * {@code mvn test -Dtest=EngineAllowlistTest -Dthongsuot.docs.write=true} to print it again.
 */
class EngineAllowlistTest {

  static final Path DOC = Path.of("docs/security.md");
  static final String BEGIN = "<!-- allowlist:begin (EngineAllowlistTest writes this table) -->";
  static final String END = "<!-- allowlist:end -->";

  static String table() {
    StringBuilder table = new StringBuilder("| operation | who, besides the administrator | check | what for |\n"
        + "|---|---|---|---|\n");
    for (Rule rule : EngineAllowlist.rules()) {
      table.append("| `").append(rule.operation()).append("` | ").append(rule.who()).append(" | ")
          .append(rule.check() == EngineAllowlist.Check.NONE ? "" : rule.check().name()).append(" | ")
          .append(rule.purpose()).append(" |\n");
    }
    return table.toString();
  }

  @Test
  void docsSecurityPrintsTheAllowlistAsTheCodeHasIt() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("%s has the markers", DOC).isNotNegative();
    String printed = doc.substring(begin + BEGIN.length(), end).strip();
    if (Boolean.getBoolean("thongsuot.docs.write")) {
      Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + "\n" + table() + doc.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(printed).isEqualTo(table().strip());
  }

  @Test
  void everyRowNamesAnOperationOfCamundasRestApiOnce() {
    assertThat(EngineAllowlist.rules()).extracting(rule -> rule.operation().method() + " " + rule.operation().shape())
        .doesNotHaveDuplicates();
    assertThat(EngineAllowlist.rule("POST", "/job/{id}/execute")).as("job execution is the administrator's").isEmpty();
    assertThat(EngineAllowlist.rule("POST", "/message")).isEmpty();
    assertThat(EngineAllowlist.rule("POST", "/process-definition/key/{key}/start")).isEmpty();
  }
}
