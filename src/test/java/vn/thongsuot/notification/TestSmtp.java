package vn.thongsuot.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, started once before the first
 * Spring context and pointed to by {@code spring.mail.host/port}. Registered on {@code @AppTest},
 * so every test class keeps sharing one context; two builds on one machine never share a port.
 */
public final class TestSmtp implements ContextCustomizerFactory {

  private static GreenMail server;
  private static int port;

  /** The running server, started on first use. */
  public static synchronized GreenMail server() {
    if (server == null) {
      port = freePort();
      start();
    }
    return server;
  }

  /** SMTP goes away: connections to the port are refused. */
  public static synchronized void stop() {
    server().stop();
  }

  /** SMTP is back, on the same port, with an empty mailbox. */
  public static synchronized void restart() {
    if (!server().isRunning()) {
      start();
    }
  }

  private static void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return new PointMailAtTestSmtp();
  }

  /** Equal to every other instance, so the context cache still sees one configuration. */
  private static final class PointMailAtTestSmtp implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      server();
      TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port)
          .applyTo(context.getEnvironment());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PointMailAtTestSmtp;
    }

    @Override
    public int hashCode() {
      return PointMailAtTestSmtp.class.hashCode();
    }
  }
}
