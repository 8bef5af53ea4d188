package vn.thongsuot;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@code /engine-rest} finds its engine by name in Camunda's static registry ({@code ProcessEngines}),
 * not in its Spring context. Every other context a test JVM starts (own-configuration tests, the
 * restart scenario) registers or removes an engine under the same name "default"; once the shared
 * {@code @AppTest} context is no longer the newest, its REST API would talk to another context's
 * engine, or answer 404. Before each {@code @AppTest} class, register the shared context's engine again.
 */
public class SharedEngineRegistration extends AbstractTestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
    if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
