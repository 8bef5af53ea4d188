package vn.thongsuot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** An official's mistake is not an engine error; a real engine error still is. */
class RefusedRequestLogFilterTest {

  final RefusedRequestLogFilter filter = new RefusedRequestLogFilter();
  final Logger engineContext = new LoggerContext().getLogger(RefusedRequestLogFilter.ENGINE_CONTEXT_LOGGER);

  @Test
  void refusedAnswersAndFilingsAreNotLoggedAsEngineErrors() {
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", null,
        new FormFieldValidationException("answer", "Nội dung trả lời không được để trống."))).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", null,
        new BadUserRequestException("Không có đơn vị cấp xã mã '99999'."))).isEqualTo(FilterReply.DENY);
    // As the engine's logger really passes it: the exception is the message's last argument.
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}",
        new Object[] {new FormFieldValidationException("answer", "Chọn kết quả.")}, null)).isEqualTo(FilterReply.DENY);
  }

  @Test
  void theLoserOfTwoCompletionsOfOneTaskIsNotAnEngineError() {
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}",
        new Object[] {new OptimisticLockingException("Entity was updated by another transaction concurrently")},
        null)).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}",
        new Object[] {new NullValueException("Cannot find task with id 42: task is null")}, null))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void realEngineErrorsAndOtherLoggersAreLeftAlone() {
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", null,
        new ProcessEngineException("database gone"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", null,
        new NullValueException("variable is null"))).isEqualTo(FilterReply.NEUTRAL);
    Logger other = new LoggerContext().getLogger("vn.thongsuot.escalation");
    assertThat(filter.decide(null, other, Level.ERROR, "x", null,
        new BadUserRequestException("x"))).isEqualTo(FilterReply.NEUTRAL);
  }
}
