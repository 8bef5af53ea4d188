package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.IssueAccess;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.FilingRules;
import vn.thongsuot.escalation.IssueNumbers;
import vn.thongsuot.escalation.IssueRecord;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.IssueStatus;
import vn.thongsuot.system.RejectedRequest;
import vn.thongsuot.escalation.TimelineEvent;
import vn.thongsuot.escalation.ValidFiling;

/**
 * First step of every issue, however it was started: checks the filing, gives it its number (the
 * business key), records it and lets the commune and its provincial supervisor read it.
 */
@Component("registerIssue")
class RegisterIssueDelegate implements JavaDelegate {

  private final FilingRules rules;
  private final IssueNumbers numbers;
  private final IssueRecords records;
  private final IssueAccess access;

  RegisterIssueDelegate(FilingRules rules, IssueNumbers numbers, IssueRecords records,
      IssueAccess access) {
    this.rules = rules;
    this.numbers = numbers;
    this.records = records;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      throw new BadUserRequestException("Số hồ sơ vướng mắc do hệ thống cấp; không gửi kèm business key.");
    }
    Authentication official = Officials.current(execution.getProcessEngineServices().getIdentityService());
    String filedBy = official != null ? official.getUserId() : (String) execution.getVariable(FILED_BY);
    if (filedBy == null) {
      throw new BadUserRequestException("Không xác định được cán bộ báo cáo vướng mắc.");
    }
    FilingRequest request = new FilingRequest(text(execution, COMMUNE_CODE), text(execution, FIELD),
        text(execution, TITLE), text(execution, DESCRIPTION), text(execution, ATTEMPTED),
        text(execution, REGULATION), text(execution, URGENCY));
    ValidFiling filing;
    try {
      // System code (our API) has checked the official already and passes their commune.
      filing = official == null
          ? rules.check(request, java.util.Set.of(UnitIds.commune(request.communeCode())))
          : rules.check(request, Officials.groupsOf(official));
    } catch (RejectedRequest rejected) {
      throw new BadUserRequestException(rejected.getMessage());
    }
    Instant now = EngineTime.now();
    String province = filing.commune().province().code();
    String number = numbers.next(province, now.atZone(WorkingDayCalendar.VIETNAM).toLocalDate());
    execution.setProcessBusinessKey(number);

    records.insert(new IssueRecord(number, execution.getProcessInstanceId(), filing.commune().code(),
        province, filing.routing().field(), filing.urgency(), filing.title(), filing.description(),
        filing.attempted(), filing.regulation(), filedBy, now, IssueStatus.OPEN, null, null, null,
        null, false, null));
    String communeGroup = UnitIds.commune(filing.commune().code());
    records.append(new TimelineEvent(number, now, EventType.FILED, null, communeGroup, filedBy, null,
        filing.title(), null));
    access.grantOnFiling(execution.getProcessInstanceId(), filing.commune().code());

    execution.setVariable(ISSUE_NUMBER, number);
    execution.setVariable(FILED_BY, filedBy);
    execution.setVariable(COMMUNE_CODE, filing.commune().code());
    execution.setVariable(COMMUNE_GROUP, communeGroup);
    execution.setVariable(COMMUNE_NAME, filing.commune().name());
    execution.setVariable(PROVINCE_CODE, province);
    execution.setVariable(FIELD, filing.routing().field());
    execution.setVariable(URGENCY, filing.urgency().name());
    execution.setVariable(TITLE, filing.title());
    // The texts live in ts_issue; keep the process variables small.
    execution.removeVariable(DESCRIPTION);
    execution.removeVariable(ATTEMPTED);
    execution.removeVariable(REGULATION);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
