package vn.thongsuot.notification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thongsuot.notification.NotificationDelivery;

/** Task_SendMail: sends one outbox row. A failure fails the job: retries, then an incident. */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

  private final NotificationDelivery delivery;

  SendMailDelegate(NotificationDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(MailDeliveryModel.NOTIFICATION_ID)).longValue();
    execution.setVariable("delivery", delivery.deliver(id) ? "SENT" : "ALREADY_SENT");
  }
}
