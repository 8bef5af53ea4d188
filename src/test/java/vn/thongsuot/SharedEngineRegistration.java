package vn.thongsuot;

import java.util.IdentityHashMap;
import java.util.Map;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@code /engine-rest} finds its engine by name in Camunda's static registry ({@code ProcessEngines}),
 * not in its Spring context, and the webapps (Tasklist, Cockpit, Admin, Welcome) keep their runtime
 * in static fields that every web application sets when it starts and clears when it stops. Every
 * other context a test JVM starts (own-configuration tests, the restart scenario) replaces or clears
 * them; once the shared {@code @AppTest} context is no longer the newest, its REST API would talk to
 * another context's engine, or answer 404, and a webapp login would fail with a 500. Before each
 * {@code @AppTest} class, the shared context's engine and webapp runtime are put back.
 *
 * <p>The directory's tests share the {@code @AppTest} context now, but other contexts remain, each
 * for a reason: the security sweep needs its own database (it checks that no refused call writes a
 * row), the restart scenario and the start-up checks start and stop whole applications.
 */
public class SharedEngineRegistration extends AbstractTestExecutionListener {

  private static final Map<ProcessEngine, Webapps> WEBAPPS = new IdentityHashMap<>();

  private record Webapps(AdminRuntimeDelegate admin, CockpitRuntimeDelegate cockpit, TasklistRuntimeDelegate tasklist,
      WelcomeRuntimeDelegate welcome) {

    static Webapps current() {
      return new Webapps(Admin.getRuntimeDelegate(), Cockpit.getRuntimeDelegate(), Tasklist.getRuntimeDelegate(),
          Welcome.getRuntimeDelegate());
    }

    void restore() {
      Admin.setAdminRuntimeDelegate(admin);
      Cockpit.setCockpitRuntimeDelegate(cockpit);
      Tasklist.setTasklistRuntimeDelegate(tasklist);
      Welcome.setRuntimeDelegate(welcome);
    }
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
    if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
    // The first time the shared context is seen it has just started: the webapps' runtime is its own.
    WEBAPPS.computeIfAbsent(engine, e -> Webapps.current()).restore();
  }
}
