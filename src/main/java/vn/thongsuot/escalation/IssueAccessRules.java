package vn.thongsuot.escalation;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/** Who may read, withdraw and extend an issue through our API. */
@Component
public class IssueAccessRules {

  static final String ADMIN_GROUP = "camunda-admin";

  private final IssueRecords records;

  IssueAccessRules(IssueRecords records) {
    this.records = records;
  }

  /**
   * The filing commune, every unit it has been with, supervisors in scope, administrators. Anybody
   * else is told that there is no such issue, in the words used for a number that does not exist:
   * a refusal must not tell which numbers are in use.
   */
  public void checkRead(IssueRecord issue, CurrentOfficial official) {
    if (official.belongsTo(UnitIds.commune(issue.communeCode())) || isSupervisorOf(issue, official)
        || official.belongsTo(ADMIN_GROUP)
        || records.unitsInvolved(issue.number()).stream().anyMatch(official::belongsTo)) {
      return;
    }
    throw notFound(issue.number());
  }

  /**
   * The issues {@link #checkRead} lets the official read, as a scope to list them by: the communes
   * they belong to, the provinces they supervise, every unit of theirs (for what it has held).
   */
  IssueScope scopeOf(CurrentOfficial official) {
    if (official.belongsTo(ADMIN_GROUP) || official.belongsTo(UnitIds.SUPERVISOR_CENTRAL)) {
      return IssueScope.all();
    }
    Set<String> communes = new TreeSet<>();
    Set<String> provinces = new TreeSet<>();
    for (String group : official.groupIds()) {
      UnitIds.communeCodeOf(group).ifPresent(communes::add);
      UnitIds.supervisedProvinceOf(group).ifPresent(provinces::add);
    }
    return new IssueScope(false, communes, provinces, official.groupIds());
  }

  /** The answer for an issue that does not exist, or that the official may not read. */
  public static RejectedRequest notFound(String number) {
    return new RejectedRequest(RejectedRequest.Reason.NOT_FOUND, "Không có vướng mắc số " + number + ".");
  }

  public void checkFilingCommune(IssueRecord issue, CurrentOfficial official) {
    checkRead(issue, official);
    if (!official.belongsTo(UnitIds.commune(issue.communeCode()))) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Chỉ cán bộ của xã đã báo cáo mới rút được vướng mắc " + issue.number() + ".");
    }
  }

  public void checkSupervisor(IssueRecord issue, CurrentOfficial official) {
    checkRead(issue, official);
    if (!isSupervisorOf(issue, official)) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Chỉ cơ quan giám sát của tỉnh " + issue.provinceCode()
              + " hoặc Trung ương mới gia hạn được vướng mắc " + issue.number() + ".");
    }
  }

  static boolean isSupervisorOf(IssueRecord issue, CurrentOfficial official) {
    return official.belongsTo(UnitIds.SUPERVISOR_CENTRAL)
        || official.belongsTo(UnitIds.supervisorProvince(issue.provinceCode()));
  }
}
