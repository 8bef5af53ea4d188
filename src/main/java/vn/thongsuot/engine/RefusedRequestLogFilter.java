package vn.thongsuot.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The engine logs every exception that ends a command as an ERROR with a stack trace (ENGINE-16004),
 * also an official's refused answer or filing, which is the caller's mistake, already answered with
 * a 400 and its Vietnamese message, and the loser of two officials completing the same task at once
 * (a concurrent update, or "Cannot find task" once the winner has committed), already answered with
 * a 409 by {@link EngineRestErrors}. Those kinds become one INFO line; everything else is logged as
 * the engine wants. Registered in logback-spring.xml.
 */
public class RefusedRequestLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  private static final org.slf4j.Logger REFUSALS = LoggerFactory.getLogger("vn.thongsuot.refusals");

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    // The engine passes the exception as the last argument of its message, not as the throwable.
    Throwable cause = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    if (cause != null && ENGINE_CONTEXT_LOGGER.equals(logger.getName())
        && (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException
            || cause instanceof OptimisticLockingException
            || cause instanceof NullValueException && EngineTexts.missingTask(cause.getMessage()).isPresent())) {
      REFUSALS.info("Refused request ({}): {}", cause.getClass().getSimpleName(), cause.getMessage());
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
