package vn.thongsuot.directory.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.IssueAccess;

/**
 * Keeps a provincial supervisor's view of an issue whole, for every deployed process, with two
 * built-in listeners (a model needs nothing; Cockpit's "skip custom listeners" does not skip them):
 * <ul>
 *   <li>a process instance started by a call activity (one escalation level) becomes readable by
 *       the provincial supervisors who read the calling instance;
 *   <li>a new user task becomes readable, not workable, by the provincial supervisors who read its
 *       instance.
 * </ul>
 * The grants themselves are {@link IssueAccess}' job.
 */
@Component
class ProvincialSupervisorReadPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<IssueAccess> issueAccess;

  // ObjectProvider: the plugin is built with the engine, IssueAccess needs the engine's services.
  ProvincialSupervisorReadPlugin(ObjectProvider<IssueAccess> issueAccess) {
    this.issueAccess = issueAccess;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        process.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) ProvincialSupervisorReadPlugin.this::instanceStarted);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ProvincialSupervisorReadPlugin.this::taskCreated);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void instanceStarted(DelegateExecution execution) {
    DelegateExecution caller = execution.getSuperExecution();
    if (caller != null) {
      issueAccess.getObject().shareCalledInstanceWithSupervisors(
          execution.getProcessInstanceId(), caller.getProcessInstanceId());
    }
  }

  private void taskCreated(DelegateTask task) {
    issueAccess.getObject().shareTaskWithSupervisors(task.getId(), task.getProcessInstanceId());
  }
}
