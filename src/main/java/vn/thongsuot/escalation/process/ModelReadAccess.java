package vn.thongsuot.escalation.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.escalation.EscalationLadder;

/**
 * The engine checks the acting official's rights even for steps the model takes on their behalf:
 * a department completing its task starts the next level (reading the EscalationLevel definition)
 * and evaluates the routing tables. Models and tables hold no secret, so everyone may read them
 * and evaluate the tables. Starting processes, and every issue's data, stay restricted.
 */
@Component
class ModelReadAccess {

  private final AuthorizationService authorizations;

  ModelReadAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void grantOnStart() {
    grant(Resources.PROCESS_DEFINITION, CommuneIssueEscalationModel.PROCESS_ID, Permissions.READ);
    grant(Resources.PROCESS_DEFINITION, EscalationLevelModel.PROCESS_ID, Permissions.READ);
    grant(Resources.DECISION_DEFINITION, EscalationLadder.ROUTING_DECISION,
        Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(Resources.DECISION_DEFINITION, EscalationLadder.DEADLINE_DECISION,
        Permissions.READ, Permissions.CREATE_INSTANCE);
  }

  private void grant(Resource resource, String id, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(id).singleResult();
    Authorization grant = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    grant.setUserId(Authorization.ANY);
    grant.setResource(resource);
    grant.setResourceId(id);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
