package vn.thongsuot.escalation;

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

  /** The filing commune, every unit it has been with, supervisors in scope, administrators. */
  public void checkRead(IssueRecord issue, CurrentOfficial official) {
    if (official.belongsTo(UnitIds.commune(issue.communeCode())) || isSupervisorOf(issue, official)
        || official.belongsTo(ADMIN_GROUP)
        || records.unitsInvolved(issue.number()).stream().anyMatch(official::belongsTo)) {
      return;
    }
    throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
        "Anh/chị không có quyền xem vướng mắc " + issue.number() + ".");
  }

  public void checkFilingCommune(IssueRecord issue, CurrentOfficial official) {
    if (!official.belongsTo(UnitIds.commune(issue.communeCode()))) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Chỉ cán bộ của xã đã báo cáo mới rút được vướng mắc " + issue.number() + ".");
    }
  }

  public void checkSupervisor(IssueRecord issue, CurrentOfficial official) {
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
