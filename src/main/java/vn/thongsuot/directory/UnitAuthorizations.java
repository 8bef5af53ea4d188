package vn.thongsuot.directory;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * What each kind of unit may do, granted to its group. Creates a missing grant and adds a missing
 * permission to an existing one; never removes what an administrator added. Nothing here grants
 * DEPLOYMENT, AUTHORIZATION, USER, GROUP or FILTER creation: that stays with camunda-admin.
 * Per-issue grants are {@link IssueAccess}' job.
 */
@Component
class UnitAuthorizations {

  /** The escalation process communes file from Tasklist's "Start process". */
  static final String ESCALATION_PROCESS = "CommuneIssueEscalation";
  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  /** Engine property (ACT_GE_PROPERTY) holding {@link #state} after the last synchronization. */
  static final String STATE_PROPERTY = "thongsuot.directory.grants";

  private final AuthorizationService authorizationService;
  private final ManagementService managementService;

  UnitAuthorizations(AuthorizationService authorizationService, ManagementService managementService) {
    this.authorizationService = authorizationService;
    this.managementService = managementService;
  }

  record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, resource, resourceId, List.of(permissions));
    }
  }

  /** {@code compared}: false when the stored digest showed nothing changed and no grant was read. */
  record Result(int created, int extended, int unchanged, boolean compared) {}

  /** The grants a unit's group needs, by the unit's level. */
  static List<Grant> grantsFor(Unit unit, SharedFilters.Result filters) {
    String group = unit.groupId();
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    for (String filterId : filters.idsFor(SharedFilters.Audience.UNITS)) {
      grants.add(new Grant(group, Resources.FILTER, filterId, Permissions.READ));
    }
    if (unit.type() == UnitType.SUPERVISOR_CENTRAL || unit.type() == UnitType.SUPERVISOR_PROVINCE) {
      for (String filterId : filters.idsFor(SharedFilters.Audience.SUPERVISORS)) {
        grants.add(new Grant(group, Resources.FILTER, filterId, Permissions.READ));
      }
    }
    // Tasklist shows the process name and diagram of a task; reading the definition shows no instance.
    if (unit.type() == UnitType.COMMUNE) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ESCALATION_PROCESS,
          Permissions.READ, Permissions.CREATE_INSTANCE));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
    } else {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ESCALATION_PROCESS, Permissions.READ));
    }
    if (unit.type() == UnitType.SUPERVISOR_CENTRAL) {
      grants.add(new Grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY,
          Permissions.READ, Permissions.READ_HISTORY));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.TASK, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.DECISION_DEFINITION, ANY,
          Permissions.READ, Permissions.READ_HISTORY));
    }
    return grants;
  }

  Result synchronize(UnitDirectory directory, SharedFilters.Result filters) {
    Map<String, Grant> wanted = new LinkedHashMap<>();
    for (Unit unit : directory.units()) {
      for (Grant grant : grantsFor(unit, filters)) {
        wanted.put(key(grant.groupId(), grant.resource().resourceType(), grant.resourceId()), grant);
      }
    }
    String state = state(wanted.values());
    if (state.equals(managementService.getProperties().get(STATE_PROPERTY))) {
      return new Result(0, 0, wanted.size(), false);
    }
    Map<String, Authorization> existing = existingGrants(wanted.values());
    int created = 0;
    int extended = 0;
    int unchanged = 0;
    for (Map.Entry<String, Grant> entry : wanted.entrySet()) {
      Grant grant = entry.getValue();
      Authorization authorization = existing.get(entry.getKey());
      if (authorization == null) {
        authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        grant.permissions().forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
        created++;
      } else if (!grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
        grant.permissions().forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
        extended++;
      } else {
        unchanged++;
      }
    }
    managementService.setProperty(STATE_PROPERTY, state(wanted.values()));
    return new Result(created, extended, unchanged, true);
  }

  /**
   * What the grants look like, in 64 characters: a digest of the grants the directory wants and of
   * how many grants (with each wanted set of permissions) exist on each resource they name. Equal to
   * the digest stored after the last synchronization, nothing was added, removed or narrowed since,
   * and the later start skips reading some 26,000 rows. Counted without filtering by the 3,776 group
   * ids: an IN list that long took 11 s on H2.
   */
  private String state(Collection<Grant> wanted) {
    MessageDigest digest = sha256();
    // In the directory's order (the CSV's, then the fixed grant rules): the same input, the same digest.
    for (Grant grant : wanted) {
      digest.update((grant.groupId() + "|" + grant.resource().resourceType() + "|" + grant.resourceId()
          + "|" + grant.permissions() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Map<String, Grant> targets = new TreeMap<>();
    for (Grant grant : wanted) {
      targets.putIfAbsent(grant.resource().resourceType() + "|" + grant.resourceId() + "|"
          + grant.permissions(), grant);
    }
    targets.forEach((target, grant) -> {
      AuthorizationQuery query = authorizationService.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT)
          .resourceType(grant.resource())
          .resourceId(grant.resourceId());
      grant.permissions().forEach(query::hasPermission);
      digest.update((target + "=" + query.count()).getBytes(StandardCharsets.UTF_8));
    });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * One read per (resource, resource id): bounded, however many issues were granted since. Not
   * paged: queryMaxResultsLimit applies only to calls with an authenticated user
   * (QueryMaxResultsLimitUtil), and seeding runs before any request; an authorization query has no
   * unique sort order to page by.
   */
  private Map<String, Authorization> existingGrants(Collection<Grant> wanted) {
    Map<String, Authorization> existing = new HashMap<>();
    Map<String, Grant> targets = new LinkedHashMap<>();
    for (Grant grant : wanted) {
      targets.putIfAbsent(grant.resource().resourceType() + "|" + grant.resourceId(), grant);
    }
    for (Grant target : targets.values()) {
      List<Authorization> found = authorizationService.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT)
          .resourceType(target.resource())
          .resourceId(target.resourceId())
          .list();
      for (Authorization authorization : found) {
        if (authorization.getGroupId() != null) {
          existing.put(key(authorization.getGroupId(), authorization.getResourceType(),
              authorization.getResourceId()), authorization);
        }
      }
    }
    return existing;
  }

  private static String key(String groupId, int resourceType, String resourceId) {
    return groupId + "|" + resourceType + "|" + resourceId;
  }
}
