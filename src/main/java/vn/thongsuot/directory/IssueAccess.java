package vn.thongsuot.directory;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Per-issue read access. The escalation process calls it inside its own transaction: when an issue
 * is filed (the commune and its provincial supervisor) and each time the issue reaches a unit.
 * Each grant is READ on the running instance (instance, variables) and READ on its history
 * (enableHistoricInstancePermissions), so a unit keeps reading an issue after it moved on or ended.
 */
@Component
public class IssueAccess {

  private static final Logger LOG = LoggerFactory.getLogger(IssueAccess.class);

  private final UnitDirectory directory;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;

  IssueAccess(UnitDirectory directory, AuthorizationService authorizationService,
      IdentityService identityService) {
    this.directory = directory;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
  }

  /** The filing commune and the supervisor of its province read the new issue. */
  public void grantOnFiling(String processInstanceId, String communeCode) {
    Commune commune = directory.commune(communeCode).orElseThrow(() ->
        new IllegalArgumentException("unknown commune code '" + communeCode + "': no issue access granted"));
    onBehalfOfTheProcess(() -> {
      grantInstance(processInstanceId, UnitIds.commune(commune.code()));
      grantInstance(processInstanceId, UnitIds.supervisorProvince(commune.province().code()));
    });
  }

  /** A unit the issue reached (department, committee, ministry...) reads it from now on. */
  public void grantToUnit(String processInstanceId, String groupId) {
    if (directory.unit(groupId).isEmpty()) {
      throw new IllegalArgumentException("unknown unit group '" + groupId + "': no issue access granted");
    }
    onBehalfOfTheProcess(() -> grantInstance(processInstanceId, groupId));
  }

  /**
   * A process instance called by an issue (one escalation level, say) is part of that issue for
   * the provincial supervisors who read the caller: they read it and its history too. Called by the
   * engine plugin in {@code directory.process} when a called instance starts.
   */
  public void shareCalledInstanceWithSupervisors(String calledInstanceId, String callingInstanceId) {
    onBehalfOfTheProcess(() -> provincialSupervisorsReading(callingInstanceId)
        .forEach(groupId -> grantInstance(calledInstanceId, groupId)));
  }

  /**
   * A new task of an issue becomes readable (not workable) by the provincial supervisors who read
   * the issue, so their Tasklist and the engine API show the province's open tasks. Called for every
   * user task by the engine plugin in {@code directory.process}; does nothing outside an issue.
   */
  public void shareTaskWithSupervisors(String taskId, String processInstanceId) {
    if (processInstanceId == null) {
      return;
    }
    onBehalfOfTheProcess(() -> provincialSupervisorsReading(processInstanceId)
        .forEach(groupId -> grant(groupId, Resources.TASK, taskId, Permissions.READ)));
  }

  /**
   * The authenticated official who filed or forwarded the issue may neither read nor write
   * authorizations. From delegation code the engine skips checks anyway
   * (authorizationEnabledForCustomCode=false); called from anywhere else, or with that flag on, the
   * work is still done on their behalf, and their authentication is restored afterwards.
   */
  private void onBehalfOfTheProcess(Runnable work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      work.run();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private List<String> provincialSupervisorsReading(String processInstanceId) {
    return readersOf(processInstanceId).stream()
        .filter(groupId -> directory.unit(groupId)
            .map(unit -> unit.type() == UnitType.SUPERVISOR_PROVINCE).orElse(false))
        .toList();
  }

  /** Groups granted READ on the instance, in the database or earlier in this transaction. */
  private Set<String> readersOf(String processInstanceId) {
    Set<String> groups = new TreeSet<>();
    authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
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

  /** READ on the running instance (instance, variables) and on its history. */
  private void grantInstance(String processInstanceId, String groupId) {
    if (processInstanceId == null || processInstanceId.isBlank()) {
      throw new IllegalArgumentException("no process instance id: no issue access granted to " + groupId);
    }
    grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
    LOG.debug("Unit {} may read issue instance {}", groupId, processInstanceId);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization pending = notYetFlushed(groupId, resource, resourceId);
    if (pending != null) {
      // Inserted at the end of this command with whatever permissions it holds by then.
      pending.addPermission(permission);
      return;
    }
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (authorization.isPermissionGranted(permission)) {
      return;
    }
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }

  /**
   * Called from a delegate, the engine reuses the process' command context and flushes at its end:
   * a grant made earlier in the same transaction is in the context's cache, not yet in the database.
   */
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
