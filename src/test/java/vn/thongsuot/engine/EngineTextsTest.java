package vn.thongsuot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.thongsuot.AppTest;

/**
 * Each English text of Camunda that {@link EngineTexts} reads, as the engine really writes it: when
 * an upgrade changes one, this fails, and the answer officials get would have changed.
 */
@AppTest
class EngineTextsTest {

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  @Test
  void aTaskThatDoesNotExist() {
    String message = catchThrowable(() -> tasks.complete("no-such-task")).getMessage();
    assertThat(EngineTexts.missingTask(message)).contains("no-such-task");
    assertThat(EngineTexts.saysNotFound(message)).isTrue();
  }

  @Test
  void entitiesThatDoNotExist() {
    assertThat(EngineTexts.saysNotFound(catchThrowable(() -> runtime.getVariable("no-such-execution", "x"))
        .getMessage())).as("an execution").isTrue();
    assertThat(EngineTexts.saysNotFound(catchThrowable(() -> identity.createMembership("no-such-user", "commune-10507"))
        .getMessage())).as("a user").isTrue();
    assertThat(EngineTexts.saysNotFound(catchThrowable(() -> tasks.setVariable("no-such-task", "x", 1))
        .getMessage())).as("a task's variable").isTrue();
  }

  @Test
  void aMessageNoExecutionWaitsForAndAConditionNothingWaitsFor() {
    // An instance that waits at a user task, for no message.
    repository.createDeployment().name("engine-texts-probe").enableDuplicateFiltering(true)
        .addModelInstance("EngineTextsProbe.bpmn", Bpmn.createExecutableProcess("EngineTextsProbe")
            .startEvent().userTask().endEvent().done())
        .deploy();
    String execution = runtime.startProcessInstanceByKey("EngineTextsProbe").getId();
    assertThat(EngineTexts.saysNoMessageSubscription(catchThrowable(() -> runtime.messageEventReceived(
        "NoSuchMessage", execution)).getMessage())).isTrue();
    runtime.deleteProcessInstance(execution, "test over");
    assertThat(EngineTexts.saysNoConditionSubscription(catchThrowable(() -> runtime.createConditionEvaluation()
        .setVariable("x", 1).evaluateStartConditions()).getMessage())).isTrue();
  }

  @Test
  void aMissingValueIsNotTakenForAMissingThing() {
    String message = catchThrowable(() -> identity.newGroup(null)).getMessage();
    assertThat(EngineTexts.saysNotFound(message)).as(message).isFalse();
  }
}
