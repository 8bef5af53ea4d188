package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineUser;

/** Remembers who completed a task (the logged-in official, else the assignee) for the timeline. */
@Component("taskAuthor")
class TaskAuthorListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String actor = EngineUser.actorOf(task);
    switch (task.getTaskDefinitionKey()) {
      case EscalationLevelModel.TASK_HANDLE_AT_LEVEL -> {
        task.setVariable(ANSWERED_BY, actor);
        task.setVariable(ANSWERED_GROUP, task.getVariable(RESPONSIBLE_GROUP));
      }
      case EscalationLevelModel.TASK_SUPPLY_INFO -> task.setVariable(SUPPLIED_BY, actor);
      case CommuneIssueEscalationModel.TASK_ASSESS_ANSWER -> task.setVariable(ASSESSED_BY, actor);
      default -> throw new IllegalStateException("taskAuthor on unexpected task " + task.getTaskDefinitionKey());
    }
  }
}
