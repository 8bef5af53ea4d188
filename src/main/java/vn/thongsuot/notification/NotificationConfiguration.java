package vn.thongsuot.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Mail settings, and one clear log line at start-up when no SMTP server is configured. */
@Configuration
class NotificationConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

  @Bean
  MailSettings mailSettings(@Value("${thongsuot.public-url:}") String publicUrl,
      @Value("${thongsuot.mail.from:}") String from,
      @Value("${thongsuot.mail.retry-cycle:}") String retryCycle) {
    return new MailSettings(publicUrl, from, retryCycle);
  }

  @Bean
  ApplicationReadyListener mailStatusOnStart(NotificationDelivery delivery, MailSettings settings) {
    return new ApplicationReadyListener(delivery, settings);
  }

  static final class ApplicationReadyListener {
    private final NotificationDelivery delivery;
    private final MailSettings settings;

    ApplicationReadyListener(NotificationDelivery delivery, MailSettings settings) {
      this.delivery = delivery;
      this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
      if (delivery.enabled()) {
        LOG.info("Notifications: mails from {} with links to {}, retry cycle {}", settings.from(),
            settings.publicUrl(), settings.retryCycle());
      } else {
        LOG.warn("Notifications: spring.mail.host is not set, so no mail is sent; who would have"
            + " been notified is still recorded in ts_notification");
      }
    }
  }
}
