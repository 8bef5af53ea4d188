package vn.thongsuot.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueRecord;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.LevelAssignment;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.escalation.TimelineEvent;
import vn.thongsuot.notification.OpenTasks.OpenTask;

/**
 * Who is mailed for a timeline event (docs/notifications.md has the table). Runs inside the
 * event's transaction and only writes the outbox: sending happens later, in a job of its own.
 */
@Service
public class Notifications {

  /** Answers after which the commune assesses (the other answers send the issue up or wait). */
  static final Set<String> ANSWERS_THE_COMMUNE_ASSESSES =
      Set.of(Outcome.GUIDANCE_GIVEN, Outcome.RESOLVED, Outcome.DECIDED);
  /** Levels watched by the provincial supervisors; the others by the central ones. */
  static final Set<Level> PROVINCIAL_LEVELS = Set.of(Level.DEPARTMENT, Level.PROVINCE);

  private final IssueRecords records;
  private final NotificationOutbox outbox;
  private final Recipients recipients;
  private final OpenTasks openTasks;
  private final EscalationLadder ladder;

  Notifications(IssueRecords records, NotificationOutbox outbox, Recipients recipients,
      OpenTasks openTasks, EscalationLadder ladder) {
    this.records = records;
    this.outbox = outbox;
    this.recipients = recipients;
    this.openTasks = openTasks;
    this.ladder = ladder;
  }

  /** @return ids of the outbox rows written for this event, one per recipient */
  public List<Long> plan(long eventId, TimelineEvent event) {
    Optional<IssueRecord> found = records.find(event.issueNumber());
    if (found.isEmpty()) {
      return List.of();
    }
    IssueRecord issue = found.get();
    String commune = UnitIds.commune(issue.communeCode());
    Mails mails = new Mails();
    switch (event.type()) {
      case ASSIGNED -> mails.add(RecipientRole.UNIT, recipients.membersOf(event.unitGroup()),
          event.unitGroup(), event.unitGroup(), event.deadline(), issue.legalBasis());
      // The unit's task is created afresh with the days that were left: a new task for it.
      case INFO_SUPPLIED -> mails.add(RecipientRole.UNIT, recipients.membersOf(issue.currentGroup()),
          issue.currentGroup(), issue.currentGroup(), event.deadline(), issue.legalBasis());
      case INFO_REQUESTED -> mails.add(RecipientRole.COMMUNE, recipients.membersOf(commune),
          event.unitGroup(), commune, event.deadline(), issue.legalBasis());
      case REMINDER, DEADLINE_PASSED -> {
        Optional<OpenTask> task = openTasks.of(issue.number(), event.unitGroup());
        Instant deadline = event.deadline() != null ? event.deadline()
            : task.map(OpenTask::due).orElse(null);
        String basis = event.level() != null ? issue.legalBasis() : communeTaskBasis(issue, event.at());
        String assignee = task.map(OpenTask::assignee).orElse(null);
        if (assignee != null) {
          mails.add(RecipientRole.ASSIGNEE, recipients.user(assignee).stream().toList(),
              event.unitGroup(), event.unitGroup(), deadline, basis);
        } else {
          mails.add(RecipientRole.UNIT, recipients.membersOf(event.unitGroup()),
              event.unitGroup(), event.unitGroup(), deadline, basis);
        }
        if (event.type() == EventType.DEADLINE_PASSED) {
          mails.add(RecipientRole.SUPERVISOR, recipients.membersOf(supervisorOf(event.level(), issue)),
              event.unitGroup(), null, deadline, basis);
        }
      }
      case ESCALATED_NO_ANSWER -> {
        // The issue has left the unit: all its members learn it, not only an assignee.
        mails.add(RecipientRole.UNIT, recipients.membersOf(event.unitGroup()),
            event.unitGroup(), null, event.deadline(), issue.legalBasis());
        mails.add(RecipientRole.SUPERVISOR, recipients.membersOf(UnitIds.supervisorProvince(issue.provinceCode())),
            event.unitGroup(), null, event.deadline(), issue.legalBasis());
        mails.add(RecipientRole.SUPERVISOR, recipients.membersOf(UnitIds.SUPERVISOR_CENTRAL),
            event.unitGroup(), null, event.deadline(), issue.legalBasis());
      }
      case ANSWERED -> {
        if (ANSWERS_THE_COMMUNE_ASSESSES.contains(event.outcome())) {
          // Task_AssessAnswer is created later in this transaction with exactly these deadlines.
          LevelAssignment assessment = ladder.communeTask(EscalationLadder.COMMUNE_ASSESSMENT, commune,
              issue.urgency(), event.at());
          mails.add(RecipientRole.COMMUNE, recipients.membersOf(commune), event.unitGroup(), commune,
              assessment.deadline(), assessment.legalBasis());
        } else {
          mails.add(RecipientRole.COMMUNE, recipients.membersOf(commune), event.unitGroup(), null,
              null, null);
        }
      }
      case RESOLVED, WITHDRAWN -> mails.add(RecipientRole.COMMUNE, recipients.membersOf(commune),
          event.unitGroup(), null, null, null);
      default -> {
        // FILED (the department's ASSIGNED follows at once), ASSESSED, DEADLINE_EXTENDED: no mail.
      }
    }
    List<Long> ids = new ArrayList<>();
    Instant now = event.at();
    for (Mail mail : mails.byUser.values()) {
      outbox.add(eventId, issue.number(), event.type(), mail.role(), mail.recipient(), mail.unitGroup(),
          mail.taskGroup(), mail.deadline(), mail.legalBasis(), now).ifPresent(ids::add);
    }
    return ids;
  }

  /** The supervising body of a level: provincial for the department and committee, else central. */
  static String supervisorOf(String levelCode, IssueRecord issue) {
    return Level.of(levelCode).filter(PROVINCIAL_LEVELS::contains).isPresent()
        ? UnitIds.supervisorProvince(issue.provinceCode()) : UnitIds.SUPERVISOR_CENTRAL;
  }

  /** Commune tasks have their own DMN rows (and legal basis), not the level's. */
  private String communeTaskBasis(IssueRecord issue, Instant at) {
    String row = Stage.COMMUNE_ASSESSMENT.name().equals(issue.currentLevel())
        ? EscalationLadder.COMMUNE_ASSESSMENT : EscalationLadder.COMMUNE_INFO;
    return ladder.deadlinesOf(row, issue.urgency(), at).legalBasis();
  }

  private record Mail(RecipientRole role, Recipient recipient, String unitGroup, String taskGroup,
      Instant deadline, String legalBasis) {}

  /** One mail per person and event: the first reason wins (a supervisor who is also a member...). */
  private static final class Mails {
    private final Map<String, Mail> byUser = new LinkedHashMap<>();

    void add(RecipientRole role, List<Recipient> people, String unitGroup, String taskGroup,
        Instant deadline, String legalBasis) {
      for (Recipient person : people) {
        byUser.putIfAbsent(person.userId(),
            new Mail(role, person, unitGroup, taskGroup, deadline, legalBasis));
      }
    }
  }
}
