package vn.thongsuot.notification;

/**
 * {@code thongsuot.public-url} and {@code thongsuot.mail.*} (application.yaml; docs/notifications.md).
 *
 * @param publicUrl where officials reach the application; links in mails start with it
 * @param from sender address of every mail
 * @param retryCycle Camunda retry cycle of a failed delivery, e.g. {@code R5/PT1M}
 */
public record MailSettings(String publicUrl, String from, String retryCycle) {

  public MailSettings {
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080"
        : publicUrl.strip().replaceAll("/+$", "");
    from = from == null || from.isBlank() ? "thongsuot@localhost" : from.strip();
    retryCycle = retryCycle == null || retryCycle.isBlank() ? "R5/PT1M" : retryCycle.strip();
  }

  String taskUrl(String taskId) {
    return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /**
   * The Message-ID of the mail of one outbox row, the same every time it is sent: a delivery
   * repeated after a node died between the SMTP server's "accepted" and the commit (the one
   * duplicate the outbox cannot prevent) carries the same id, so mail systems can drop it.
   */
  String messageId(String issueNumber, long notificationId) {
    String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[>\\s]", "");
    return "<" + issueNumber + ".mail-" + notificationId + "@" + (domain.isEmpty() ? "localhost" : domain) + ">";
  }

  String timelineUrl(String issueNumber) {
    return publicUrl + "/api/issues/" + issueNumber;
  }
}
