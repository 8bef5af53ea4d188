package vn.thongsuot.engine;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Parses each FEEL expression of the deployed decisions once instead of on every evaluation.
 *
 * <p>Camunda 7's FEEL integration ({@link ScalaFeelEngine}) hands the expression text to the FEEL
 * engine, which parses it again each time (camunda/feel-scala#1149). A filing evaluates the routing
 * and deadline tables several times, every input entry of every rule and the outputs of the
 * matching row; profiling the filing benchmark put two thirds of the JVM's CPU samples in that
 * parser (docs/benchmarks.md). The parsed form is immutable and depends only on the text, so it
 * is kept per text: evaluation, the values, the engine's decision history and every failure
 * message stay Camunda's own. Only parsing is cached; a new text (a redeployed table) is parsed on
 * first use. The cache is bounded: expressions and unary tests are kept apart (one text parses
 * differently as each), and either starts again past {@link #MAX_EXPRESSIONS} distinct texts.
 */
@Component
public class FeelExpressionCache extends AbstractProcessEnginePlugin {

  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(new Factory());
      configuration.setDmnEngineConfiguration(dmn);
    }
  }

  /** Our decisions use no custom FEEL functions; the list stays empty as in Camunda's default. */
  static final class Factory implements FeelEngineFactory {
    @Override
    public FeelEngine createInstance() {
      return new CachingScalaFeelEngine();
    }
  }

  /** Camunda's FEEL integration with the FEEL engine swapped for one that remembers parses. */
  public static final class CachingScalaFeelEngine extends ScalaFeelEngine {
    CachingScalaFeelEngine() {
      super(List.of());
    }

    @Override
    protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
        ValueMapper.CompositeValueMapper valueMapper) {
      org.camunda.feel.FeelEngine configured = super.buildFeelEngine(functions, valueMapper);
      return new MemoizingFeelEngine(configured);
    }

    /** How many distinct texts are held parsed (for tests and the benchmark's notes). */
    public int parsedTexts() {
      return ((MemoizingFeelEngine) feelEngine).size();
    }
  }

  /** The same FEEL engine (functions, value mapper, configuration, clock) with parse results kept. */
  static final class MemoizingFeelEngine extends org.camunda.feel.FeelEngine {
    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    MemoizingFeelEngine(org.camunda.feel.FeelEngine configured) {
      super(configured.functionProvider(), configured.valueMapper(), configured.configuration(),
          configured.clock());
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return remembered(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return remembered(unaryTests, expression, super::parseUnaryTests);
    }

    int size() {
      return expressions.size() + unaryTests.size();
    }

    private static Either<Failure, ParsedExpression> remembered(
        Map<String, Either<Failure, ParsedExpression>> cache, String text,
        Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> parsed = cache.get(text);
      if (parsed == null) {
        parsed = parse.apply(text);
        if (cache.size() >= MAX_EXPRESSIONS) {
          cache.clear();
        }
        cache.put(text, parsed);
      }
      return parsed;
    }
  }
}
