package vn.thongsuot.engine;

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

/**
 * Keeps a provincial supervisor's view of an issue whole, for every deployed process, with two
 * built-in listeners (a model needs nothing; Cockpit's "skip custom listeners" does not skip them):
 * <ul>
 *   <li>a process instance started by a call activity (one escalation level) becomes readable by
 *       the provincial supervisors who read the calling instance;
 *   <li>a new user task becomes readable, not workable, by the provincial supervisors who read its
 *       instance.
 * </ul>
 * What the listeners grant is the {@link InstanceReadSharing}'s business (the escalation's IssueAccess).
 */
@Component
class CalledInstanceSharing extends AbstractProcessEnginePlugin {

  private final ObjectProvider<InstanceReadSharing> sharing;

  // ObjectProvider: the plugin is built with the engine, the sharing needs the engine's services.
  CalledInstanceSharing(ObjectProvider<InstanceReadSharing> sharing) {
    this.sharing = sharing;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        process.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) CalledInstanceSharing.this::instanceStarted);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CalledInstanceSharing.this::taskCreated);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void instanceStarted(DelegateExecution execution) {
    DelegateExecution caller = execution.getSuperExecution();
    if (caller != null) {
      sharing.getObject().calledInstanceStarted(execution.getProcessInstanceId(), caller.getProcessInstanceId());
    }
  }

  private void taskCreated(DelegateTask task) {
    sharing.getObject().taskCreated(task.getId(), task.getProcessInstanceId());
  }
}
