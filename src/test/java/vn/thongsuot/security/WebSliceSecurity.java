package vn.thongsuot.security;

import static vn.thongsuot.DemoAccounts.ADMINISTRATOR;
import static vn.thongsuot.DemoAccounts.CENTRAL_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.system.CurrentOfficial;

/**
 * Our real security rules (the filter chain, its Vietnamese 401 and 403, the login throttle) for a
 * {@code @WebMvcTest} slice, with the demo accounts held in memory instead of Camunda's identity
 * service: a controller's test then signs in over HTTP Basic as the official it means, without an
 * engine. The unit directory is the real one, from the CSV the application ships.
 */
@TestConfiguration
@Import({SecurityConfiguration.class, VietnameseAuthenticationEntryPoint.class, VietnameseAccessDeniedHandler.class,
    LoginThrottle.class})
public class WebSliceSecurity {

  /** The value of an {@code Authorization} header that signs in as a demo account. */
  public static String basic(String userId) {
    return basic(userId, DEMO_PASSWORD);
  }

  public static String basic(String userId, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Bean
  UnitDirectory unitDirectory() {
    return UnitDirectory.fromClasspath();
  }

  @Bean
  MeterRegistry meters() {
    return new SimpleMeterRegistry();
  }

  /** The accounts and units a slice signs in with: the same ids, groups and password as the demo. */
  @Bean
  AuthenticationProvider demoAccounts() {
    List<UserDetails> users = List.of(
        official(THANH_DONG, "commune-10507"),
        official(HAI_DUONG, "commune-10525"),
        official(FINANCE_DEPARTMENT, "province-31-finance"),
        official(PROVINCE_SUPERVISOR, "supervisor-province-31"),
        official(CENTRAL_SUPERVISOR, "supervisor-central"),
        official(ADMINISTRATOR, Role.ADMIN_GROUP));
    return new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
  }

  private static UserDetails official(String userId, String group) {
    return User.withUsername(userId).password("{noop}" + DEMO_PASSWORD)
        .authorities(CurrentOfficial.GROUP_PREFIX + group).build();
  }
}
