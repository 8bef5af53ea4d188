package vn.thongsuot.escalation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.Commune;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.directory.UnitType;
import vn.thongsuot.engine.AsTheSystem;
import vn.thongsuot.engine.Grants;
import vn.thongsuot.engine.InstanceReadSharing;

/**
 * Per-issue read access. The escalation process calls it inside its own transaction: when an issue
 * is filed (the commune and its provincial supervisor) and each time the issue reaches a unit.
 * Each grant is READ on the running instance (instance, variables) and READ on its history
 * (enableHistoricInstancePermissions), so a unit keeps reading an issue after it moved on or ended.
 */
@Component
public class IssueAccess implements InstanceReadSharing {

  private static final Logger LOG = LoggerFactory.getLogger(IssueAccess.class);

  private final UnitDirectory directory;
  private final Grants grants;
  private final IdentityService identityService;

  IssueAccess(UnitDirectory directory, Grants grants, IdentityService identityService) {
    this.directory = directory;
    this.grants = grants;
    this.identityService = identityService;
  }

  /** The filing commune and the supervisor of its province read the new issue. */
  public void grantOnFiling(String processInstanceId, String communeCode) {
    Commune commune = directory.commune(communeCode).orElseThrow(() ->
        new IllegalArgumentException("unknown commune code '" + communeCode + "': no issue access granted"));
    AsTheSystem.run(identityService, () -> {
      grantInstance(processInstanceId, UnitIds.commune(commune.code()));
      grantInstance(processInstanceId, UnitIds.supervisorProvince(commune.province().code()));
    });
  }

  /** A unit the issue reached (department, committee, ministry...) reads it from now on. */
  public void grantToUnit(String processInstanceId, String groupId) {
    if (directory.unit(groupId).isEmpty()) {
      throw new IllegalArgumentException("unknown unit group '" + groupId + "': no issue access granted");
    }
    AsTheSystem.run(identityService, () -> grantInstance(processInstanceId, groupId));
  }

  /**
   * A process instance called by an issue (one escalation level, say) is part of that issue for
   * the provincial supervisors who read the caller: they read it and its history too.
   */
  @Override
  public void calledInstanceStarted(String calledInstanceId, String callingInstanceId) {
    AsTheSystem.run(identityService, () -> provincialSupervisorsReading(callingInstanceId)
        .forEach(groupId -> grantInstance(calledInstanceId, groupId)));
  }

  /**
   * A new task of an issue becomes readable (not workable) by the provincial supervisors who read the
   * issue, so their Tasklist and the engine API show the province's open tasks. Does nothing outside
   * an issue.
   */
  @Override
  public void taskCreated(String taskId, String processInstanceId) {
    if (processInstanceId == null) {
      return;
    }
    AsTheSystem.run(identityService, () -> provincialSupervisorsReading(processInstanceId)
        .forEach(groupId -> grants.grant(groupId, Resources.TASK, taskId, Permissions.READ)));
  }

  private java.util.List<String> provincialSupervisorsReading(String processInstanceId) {
    return grants.readersOf(processInstanceId).stream()
        .filter(groupId -> directory.unit(groupId)
            .map(unit -> unit.type() == UnitType.SUPERVISOR_PROVINCE).orElse(false))
        .toList();
  }

  /** READ on the running instance (instance, variables) and on its history. */
  private void grantInstance(String processInstanceId, String groupId) {
    if (processInstanceId == null || processInstanceId.isBlank()) {
      throw new IllegalArgumentException("no process instance id: no issue access granted to " + groupId);
    }
    grants.grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    grants.grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
    LOG.debug("Unit {} may read issue instance {}", groupId, processInstanceId);
  }
}
