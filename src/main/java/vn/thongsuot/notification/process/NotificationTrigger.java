package vn.thongsuot.notification.process;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.AsTheSystem;
import vn.thongsuot.escalation.TimelineEventAppended;
import vn.thongsuot.notification.MailSettings;
import vn.thongsuot.notification.NotificationDelivery;
import vn.thongsuot.notification.Notifications;

/**
 * The timeline is the single trigger: every entry is written once, inside the engine transaction
 * that caused it. Here, in that same transaction, the outbox rows are written and one MailDelivery
 * instance per row is started. Its first step is asynchronous, so SMTP is contacted only after the
 * commit, by the job executor, and a dead server costs retries and an incident, never the escalation.
 */
@Component
class NotificationTrigger {

  private final Notifications notifications;
  private final NotificationDelivery delivery;
  private final MailSettings settings;
  private final RuntimeService runtime;
  private final IdentityService identity;

  NotificationTrigger(Notifications notifications, NotificationDelivery delivery, MailSettings settings,
      RuntimeService runtime, IdentityService identity) {
    this.notifications = notifications;
    this.delivery = delivery;
    this.settings = settings;
    this.runtime = runtime;
    this.identity = identity;
  }

  @EventListener
  void on(TimelineEventAppended appended) {
    // Look-ups and the start of MailDelivery are the system's, not the acting official's: inside
    // delegates the engine skips authorization checks for custom code anyway, but an authenticated
    // user still brings queryMaxResultsLimit, and an append outside a delegate would be checked
    // against the official's rights. Run them as the system, as IssueAccess does for grants.
    AsTheSystem.run(identity, () -> {
      List<Long> ids = notifications.plan(appended.id(), appended.event());
      if (!delivery.enabled()) {
        return;
      }
      for (long id : ids) {
        runtime.createProcessInstanceByKey(MailDeliveryModel.PROCESS_ID)
            .businessKey(MailDeliveryModel.businessKey(appended.event().issueNumber(), id))
            .setVariable(MailDeliveryModel.NOTIFICATION_ID, id)
            .setVariable(MailDeliveryModel.RETRY_CYCLE, settings.retryCycle())
            .execute();
      }
    });
  }
}
