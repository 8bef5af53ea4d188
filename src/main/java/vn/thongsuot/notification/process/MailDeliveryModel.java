package vn.thongsuot.notification.process;

/** Ids and variables of {@code processes/MailDelivery.bpmn} that code and tests refer to. */
public final class MailDeliveryModel {

  public static final String PROCESS_ID = "MailDelivery";
  public static final String TASK_SEND_MAIL = "Task_SendMail";

  /** The {@code ts_notification} row to send. */
  public static final String NOTIFICATION_ID = "notificationId";
  /** Read by the task's camunda:failedJobRetryTimeCycle, from thongsuot.mail.retry-cycle. */
  public static final String RETRY_CYCLE = "retryCycle";

  private MailDeliveryModel() {}

  /** "VM-2026-31-000001/mail-17": Cockpit finds an issue's deliveries by business key. */
  public static String businessKey(String issueNumber, long notificationId) {
    return issueNumber + "/mail-" + notificationId;
  }
}
