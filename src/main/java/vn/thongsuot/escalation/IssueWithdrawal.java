package vn.thongsuot.escalation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.PlainText;
import vn.thongsuot.system.RejectedRequest;

/** The filing commune withdraws its issue, with a reason, wherever the issue is on the ladder. */
@Service
public class IssueWithdrawal {

  static final int REASON_MAX = 1000;

  private final IssueQueries queries;
  private final IssueAccessRules access;
  private final IssueProcess process;

  IssueWithdrawal(IssueQueries queries, IssueAccessRules access, IssueProcess process) {
    this.queries = queries;
    this.access = access;
    this.process = process;
  }

  @Transactional
  public void withdraw(String number, String reason, CurrentOfficial official) {
    IssueRecord issue = queries.find(number);
    access.checkFilingCommune(issue, official);
    String trimmed = reason == null ? "" : reason.strip();
    if (trimmed.isEmpty() || trimmed.length() > REASON_MAX) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Cần nêu lý do rút vướng mắc (tối đa " + REASON_MAX + " ký tự).");
    }
    if (!PlainText.isPlain(trimmed)) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, PlainText.problem("Lý do rút vướng mắc"));
    }
    if (issue.status() != IssueStatus.OPEN) {
      throw new RejectedRequest(RejectedRequest.Reason.CONFLICT,
          "Vướng mắc " + number + " đã kết thúc (" + issue.status().label() + "), không rút được nữa.");
    }
    process.withdraw(issue.processInstanceId(), trimmed, official.userId());
  }
}
