package vn.thongsuot.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueQueries;
import vn.thongsuot.escalation.IssueRecord;
import vn.thongsuot.escalation.IssueRecords;
import vn.thongsuot.escalation.IssueStatus;
import vn.thongsuot.escalation.Level;
import vn.thongsuot.escalation.Outcome;
import vn.thongsuot.escalation.TimelineEvent;
import vn.thongsuot.escalation.VietnameseDates;

/**
 * Sends one outbox row: renders its template now (so the Tasklist link names the task that exists
 * by then, and the working days left are today's) and marks it sent in the same transaction.
 */
@Service
public class NotificationDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

  private final NotificationOutbox outbox;
  private final IssueRecords records;
  private final OpenTasks openTasks;
  private final MailTemplates templates;
  private final MailSettings settings;
  private final UnitDirectory directory;
  private final EscalationLadder ladder;
  private final ObjectProvider<JavaMailSender> mailSender;

  NotificationDelivery(NotificationOutbox outbox, IssueRecords records, OpenTasks openTasks,
      MailTemplates templates, MailSettings settings, UnitDirectory directory, EscalationLadder ladder,
      ObjectProvider<JavaMailSender> mailSender) {
    this.outbox = outbox;
    this.records = records;
    this.openTasks = openTasks;
    this.templates = templates;
    this.settings = settings;
    this.directory = directory;
    this.ladder = ladder;
    this.mailSender = mailSender;
  }

  /** Whether an SMTP server is configured ({@code spring.mail.host}); without one nothing is sent. */
  public boolean enabled() {
    return mailSender.getIfAvailable() != null;
  }

  /**
   * @return false if the row was sent already (a repeated job): sending twice is what the outbox
   *     exists to prevent. The row stays locked until this transaction ends, so a concurrent twin
   *     waits and then finds it sent.
   */
  public boolean deliver(long notificationId) {
    Notification mail = outbox.lock(notificationId).orElseThrow(() ->
        new IllegalStateException("no notification " + notificationId + " in ts_notification"));
    if (mail.status() == Notification.Status.SENT) {
      LOG.info("Notification {} ({} to {}) was sent already; not sending again", mail.id(),
          mail.eventType(), mail.userId());
      return false;
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("no SMTP server configured (spring.mail.host): notification "
          + notificationId + " cannot be sent");
    }
    MailTemplates.Rendered rendered = render(mail);
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(settings.from());
      helper.setTo(mail.email());
      helper.setSubject(rendered.subject());
      helper.setText(rendered.html(), true);
      // Kept by JavaMailSenderImpl (it restores an explicit Message-ID after saveChanges).
      message.setHeader("Message-ID", settings.messageId(mail.issueNumber(), mail.id()));
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build mail for notification " + notificationId, e);
    }
    sender.send(message);
    outbox.markSent(notificationId, EngineClock.now());
    LOG.debug("Notification {} ({} of {}) sent to {}", mail.id(), mail.eventType(), mail.issueNumber(),
        mail.email());
    return true;
  }

  MailTemplates.Rendered render(Notification mail) {
    TimelineEvent event = records.event(mail.eventId()).orElseThrow(() ->
        new IllegalStateException("timeline event " + mail.eventId() + " is gone"));
    IssueRecord issue = records.find(mail.issueNumber()).orElseThrow(() ->
        new IllegalStateException("issue " + mail.issueNumber() + " is gone"));
    Instant now = EngineClock.now();
    Map<String, Object> model = new HashMap<>();
    model.put("role", mail.role().name());
    model.put("number", issue.number());
    model.put("title", issue.title());
    model.put("communeName", directory.commune(issue.communeCode()).map(c -> c.name()).orElse(issue.communeCode()));
    model.put("unitName", name(mail.unitGroup()));
    model.put("levelName", Level.of(event.level()).map(Level::label).orElse(null));
    model.put("deadline", mail.deadline() == null ? null : VietnameseDates.dateTime(mail.deadline()));
    model.put("daysLeft", mail.deadline() == null ? null
        : VietnameseDates.daysLeft(ladder.workingDaysLeft(mail.deadline(), now)));
    model.put("legalBasis", mail.legalBasis());
    // A deadline counted over a Tết not announced yet is marked in every mail that shows it.
    model.put("provisional", mail.deadline() != null && mail.deadline().isAfter(event.at())
        && ladder.calendar().provisional(event.at(), mail.deadline()));
    model.put("provisionalNote", IssueQueries.provisionalNote());
    model.put("provisionalMark", WorkingDayCalendar.PROVISIONAL_NOTE);
    model.put("eventText", event.text());
    model.put("outcome", event.outcome() == null ? null : Outcome.label(event.outcome()));
    model.put("actor", event.actor());
    model.put("escalated", event.type() == EventType.ASSIGNED
        && records.typeBefore(issue.number(), mail.eventId()).orElse(null) == EventType.ESCALATED_NO_ANSWER);
    Optional<OpenTasks.OpenTask> task = openTasks.of(issue.number(), mail.taskGroup());
    model.put("taskUrl", task.map(t -> settings.taskUrl(t.id())).orElse(null));
    model.put("timelineUrl", settings.timelineUrl(issue.number()));
    // Where the issue went when an answer did not come back to the commune.
    boolean movedOn = issue.status() == IssueStatus.OPEN && issue.currentGroup() != null
        && !issue.currentGroup().equals(mail.unitGroup());
    model.put("nowWithName", movedOn ? name(issue.currentGroup()) : null);
    model.put("nowWithDeadline", movedOn && issue.deadline() != null
        ? VietnameseDates.dateTime(issue.deadline()) : null);
    model.put("nowWithDaysLeft", movedOn && issue.deadline() != null
        ? VietnameseDates.daysLeft(ladder.workingDaysLeft(issue.deadline(), now)) : null);
    model.put("nowWithLegalBasis", movedOn ? issue.legalBasis() : null);
    model.put("nowWithProvisional", movedOn && issue.deadlineProvisional());
    return templates.render(template(mail.eventType()), model);
  }

  /** {@code DEADLINE_PASSED} is rendered by {@code templates/mail/deadline-passed.html}. */
  static String template(EventType type) {
    return type.name().toLowerCase().replace('_', '-');
  }

  private String name(String groupId) {
    if (groupId == null) {
      return null;
    }
    return directory.unit(groupId).map(u -> u.name()).orElse(groupId);
  }
}
