package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.engine.EngineUser;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.IssueRegistration;
import vn.thongsuot.escalation.ValidFiling;
import vn.thongsuot.system.RejectedRequest;

/**
 * First step of every issue, however it was started: checks the filing, gives it its number (the
 * business key), records it and lets the commune and its provincial supervisor read it.
 */
@Component("registerIssue")
class RegisterIssueDelegate implements JavaDelegate {

  private final IssueRegistration registration;

  RegisterIssueDelegate(IssueRegistration registration) {
    this.registration = registration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      throw new BadUserRequestException("Số hồ sơ vướng mắc do hệ thống cấp; không gửi kèm business key.");
    }
    EngineUser official = EngineUser.current(execution.getProcessEngineServices().getIdentityService()).orElse(null);
    String filedBy = official != null ? official.userId() : (String) execution.getVariable(FILED_BY);
    if (filedBy == null) {
      throw new BadUserRequestException("Không xác định được cán bộ báo cáo vướng mắc.");
    }
    FilingRequest request = new FilingRequest(text(execution, COMMUNE_CODE), text(execution, FIELD),
        text(execution, TITLE), text(execution, DESCRIPTION), text(execution, ATTEMPTED),
        text(execution, REGULATION), text(execution, URGENCY));
    IssueRegistration.Registered registered;
    try {
      registered = registration.register(request, filedBy, official == null ? null : Set.copyOf(official.groupIds()),
          execution.getProcessInstanceId(), EngineClock.now());
    } catch (RejectedRequest rejected) {
      throw new BadUserRequestException(rejected.getMessage());
    }
    ValidFiling filing = registered.filing();
    execution.setProcessBusinessKey(registered.number());
    // Routing facts only, for the model's expressions and call mappings; the texts live in ts_issue.
    execution.setVariable(ISSUE_NUMBER, registered.number());
    execution.setVariable(FILED_BY, filedBy);
    execution.setVariable(COMMUNE_CODE, filing.commune().code());
    execution.setVariable(COMMUNE_GROUP, UnitIds.commune(filing.commune().code()));
    execution.setVariable(PROVINCE_CODE, filing.commune().province().code());
    execution.setVariable(FIELD, filing.routing().field());
    execution.setVariable(URGENCY, filing.urgency().name());
    execution.removeVariable(TITLE);
    execution.removeVariable(DESCRIPTION);
    execution.removeVariable(ATTEMPTED);
    execution.removeVariable(REGULATION);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
