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

  String timelineUrl(String issueNumber) {
    return publicUrl + "/api/issues/" + issueNumber;
  }
}
