package vn.thongsuot.reporting.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Central Organization Committee reads the MonthlyReport model, so Tasklist can show its review
 * task with the model's form and diagram. Its right to complete the task comes from being the
 * task's candidate group (TASK_WORK, see application.yaml); nobody else gets anything here.
 */
@Component
class ReportModelAccess {

  private final AuthorizationService authorizations;

  ReportModelAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void grantOnStart() {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(MonthlyReportModel.REVIEWER_GROUP)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(MonthlyReportModel.PROCESS_ID).singleResult();
    Authorization grant = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(MonthlyReportModel.REVIEWER_GROUP);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(MonthlyReportModel.PROCESS_ID);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }
}
