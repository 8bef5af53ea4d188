package vn.thongsuot.escalation.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names a commune task after its step ("Xã bổ sung thông tin") with issue number and commune. */
@Component("communeTaskPresentation")
class CommuneTaskPresentationListener implements TaskListener {

  private final TaskPresentation presentation;

  CommuneTaskPresentationListener(TaskPresentation presentation) {
    this.presentation = presentation;
  }

  @Override
  public void notify(DelegateTask task) {
    String step = task.getBpmnModelElementInstance() != null
        ? task.getBpmnModelElementInstance().getName() : task.getName();
    presentation.present(task, step);
  }
}
