package vn.thongsuot.directory.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.IssueAccess;

/**
 * Adds a built-in create listener to every user task of every deployed process: the task becomes
 * readable by the provincial supervisors who read its issue ({@link IssueAccess}). Built in, so a
 * model needs nothing and Cockpit's "skip listeners" does not skip it.
 */
@Component
class SupervisorTaskReadPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<IssueAccess> issueAccess;

  // ObjectProvider: the plugin is built with the engine, IssueAccess needs the engine's services.
  SupervisorTaskReadPlugin(ObjectProvider<IssueAccess> issueAccess) {
    this.issueAccess = issueAccess;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, SupervisorTaskReadPlugin.this::taskCreated);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void taskCreated(DelegateTask task) {
    issueAccess.getObject().shareTaskWithSupervisors(task.getId(), task.getProcessInstanceId());
  }
}
