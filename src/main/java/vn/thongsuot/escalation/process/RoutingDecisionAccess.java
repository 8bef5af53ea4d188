package vn.thongsuot.escalation.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.escalation.EscalationLadder;

/**
 * The routing decisions are evaluated inside whatever official's command moves an issue (a
 * department completing its task starts the next level), and the engine checks that official's
 * right to evaluate them. The tables hold no secret, so everyone may read and evaluate them.
 */
@Component
class RoutingDecisionAccess {

  private final AuthorizationService authorizations;

  RoutingDecisionAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void grantOnStart() {
    for (String decision : new String[] {EscalationLadder.ROUTING_DECISION,
        EscalationLadder.DEADLINE_DECISION}) {
      boolean exists = authorizations.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
          .resourceType(Resources.DECISION_DEFINITION).resourceId(decision).count() > 0;
      if (!exists) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        grant.setUserId(Authorization.ANY);
        grant.setResource(Resources.DECISION_DEFINITION);
        grant.setResourceId(decision);
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(grant);
      }
    }
  }
}
