package vn.thongsuot.escalation;

import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.system.RejectedRequest;

/**
 * The first step of every issue: check the filing once more (whoever started the process), give it
 * its number, record it and open it to the commune and its provincial supervisor.
 */
@Service
public class IssueRegistration {

  private final FilingRules rules;
  private final IssueNumbers numbers;
  private final IssueJournal journal;
  private final IssueAccess access;

  IssueRegistration(FilingRules rules, IssueNumbers numbers, IssueJournal journal, IssueAccess access) {
    this.rules = rules;
    this.numbers = numbers;
    this.journal = journal;
    this.access = access;
  }

  /**
   * @param officialGroups the groups of the signed-in official who started it, or null when our
   *     filing service did (it has checked the official and passes their commune)
   * @throws RejectedRequest with what is wrong; nothing is recorded
   */
  public Registered register(FilingRequest request, String filedBy, Set<String> officialGroups,
      String processInstanceId, Instant now) {
    ValidFiling filing = rules.check(request,
        officialGroups != null ? officialGroups : Set.of(UnitIds.commune(String.valueOf(request.communeCode()))));
    String province = filing.commune().province().code();
    String number = numbers.next(province, now.atZone(WorkingDayCalendar.VIETNAM).toLocalDate());
    journal.filed(new IssueRecord(number, processInstanceId, filing.commune().code(), province,
        filing.routing().field(), filing.urgency(), filing.title(), filing.description(), filing.attempted(),
        filing.regulation(), filedBy, now, IssueStatus.OPEN, null, null, null, null, false, null, false));
    access.grantOnFiling(processInstanceId, filing.commune().code());
    return new Registered(number, filing);
  }

  /** The issue's number and the filing as checked. */
  public record Registered(String number, ValidFiling filing) {}
}
