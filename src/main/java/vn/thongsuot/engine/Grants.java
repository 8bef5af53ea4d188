package vn.thongsuot.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Grants to a group, made from inside a running engine command (a delegate, a listener) as well as
 * outside one. Inside, the engine flushes at the end of the command: a grant made earlier in the same
 * transaction is in the command's cache, not yet in the database, and is extended there instead of
 * written twice. The caller runs this as the system ({@link AsTheSystem}).
 */
@Component
public class Grants {

  private final AuthorizationService authorizations;

  Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization pending = notYetFlushed(groupId, resource, resourceId);
    if (pending != null) {
      pending.addPermission(permission);
      return;
    }
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (authorization.isPermissionGranted(permission)) {
      return;
    }
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }

  /** The groups granted READ on a process instance, in the database or earlier in this command. */
  public Set<String> readersOf(String processInstanceId) {
    Set<String> groups = new TreeSet<>();
    authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list().stream()
        .filter(a -> a.getGroupId() != null && a.isPermissionGranted(Permissions.READ))
        .forEach(a -> groups.add(a.getGroupId()));
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
          .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT && a.getGroupId() != null
              && a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
              && processInstanceId.equals(a.getResourceId())
              && a.isPermissionGranted(Permissions.READ))
          .forEach(a -> groups.add(a.getGroupId()));
    }
    return groups;
  }

  private static Authorization notYetFlushed(String groupId, Resource resource, String resourceId) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return null;
    }
    return context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT
            && groupId.equals(a.getGroupId())
            && a.getResourceType() == resource.resourceType()
            && resourceId.equals(a.getResourceId()))
        .findFirst().orElse(null);
  }
}
