package vn.thongsuot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import vn.thongsuot.engine.FeelExpressionCache.CachingScalaFeelEngine;

/** The FEEL engine that parses each text once answers exactly as Camunda's own one does. */
class FeelExpressionCacheTest {

  private final CachingScalaFeelEngine cached = new CachingScalaFeelEngine();
  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

  private static VariableContext field(String value) {
    return Variables.createVariables().putValue("field", value).putValue("cellInput", value).asVariableContext();
  }

  @Test
  void inputEntriesMatchAsCamundasEngineDoesEvaluationAfterEvaluation() {
    for (String value : List.of("land", "health", "land", "land")) {
      for (String entry : List.of("\"land\"", "\"land\",\"health\"", "not(\"land\")", "-")) {
        assertThat(cached.evaluateSimpleUnaryTests(entry, "cellInput", field(value)))
            .as("%s against %s", entry, value)
            .isEqualTo(camunda.evaluateSimpleUnaryTests(entry, "cellInput", field(value)));
      }
    }
    assertThat(cached.parsedTexts()).as("four entries parsed once each, whatever the input").isEqualTo(4);
  }

  @Test
  void outputEntriesGiveTheSameValuesAndAreParsedOnce() {
    for (int i = 0; i < 3; i++) {
      Object days = cached.evaluateSimpleExpression("7", field("land"));
      Object name = cached.evaluateSimpleExpression("\"Đất đai\"", field("land"));
      Object upper = cached.evaluateSimpleExpression("upper case(field)", field(i == 2 ? "health" : "land"));
      assertThat(days).isEqualTo(camunda.evaluateSimpleExpression("7", field("land")));
      assertThat(name).isEqualTo("Đất đai");
      assertThat(upper).isEqualTo(i == 2 ? "HEALTH" : "LAND");
    }
    assertThat(cached.parsedTexts()).isEqualTo(3);
  }

  @Test
  void aBrokenExpressionFailsWithCamundasMessageEveryTime() {
    String broken = "\"land";
    String expected = messageOf(() -> camunda.evaluateSimpleUnaryTests(broken, "cellInput", field("land")));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests(broken, "cellInput", field("land")))
          .isInstanceOf(FeelException.class)
          .hasMessage(expected);
    }
  }

  @Test
  void theCacheStartsAgainPastItsBound() {
    for (int i = 0; i <= FeelExpressionCache.MAX_EXPRESSIONS; i++) {
      cached.evaluateSimpleExpression(Integer.toString(i), field("land"));
    }
    assertThat(cached.parsedTexts()).isLessThanOrEqualTo(FeelExpressionCache.MAX_EXPRESSIONS);
    assertThat((Object) cached.evaluateSimpleExpression("41 + 1", field("land"))).isEqualTo(42L);
  }

  private static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (FeelException e) {
      return e.getMessage();
    }
    throw new AssertionError("Camunda's engine accepted a broken expression");
  }
}
