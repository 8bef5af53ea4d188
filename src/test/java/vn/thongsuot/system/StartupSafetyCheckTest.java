package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.thongsuot.ThongSuotApplication;

/** Outside the demo profile the service refuses to start with a default or missing secret. */
class StartupSafetyCheckTest {

  @Test
  void prodProfileRefusesAMissingAdministratorPassword() {
    assertThat(refusal("prod", "--camunda.bpm.admin-user.password="))
        .hasMessageContaining("THONGSUOT_ADMIN_PASSWORD is not set");
  }

  @Test
  void prodProfileRefusesAPasswordEqualToTheUserId() {
    assertThat(refusal("prod", "--camunda.bpm.admin-user.id=s3cr3t-admin",
        "--camunda.bpm.admin-user.password=s3cr3t-admin"))
        .hasMessageContaining("equals the administrator's user id")
        .message().doesNotContain("s3cr3t-admin");
  }

  @Test
  void postgresProfileRefusesAnH2Database() {
    assertThat(refusal("postgres", "--camunda.bpm.admin-user.password=a-real-secret",
        "--spring.datasource.url=jdbc:h2:mem:x"))
        .hasMessageContaining("points to H2")
        .message().doesNotContain("a-real-secret");
  }

  @Test
  void demoProfileAcceptsItsDemoAdministrator() {
    assertThat(StartupSafetyCheck.problemsOf(environment("demo"))).isEmpty();
  }

  private static org.springframework.core.env.ConfigurableEnvironment environment(String profile) {
    org.springframework.mock.env.MockEnvironment env = new org.springframework.mock.env.MockEnvironment();
    env.setActiveProfiles(profile);
    env.setProperty("camunda.bpm.admin-user.id", "demo");
    env.setProperty("camunda.bpm.admin-user.password", "demo");
    env.setProperty("spring.datasource.url", "jdbc:h2:file:./data/thongsuot");
    return env;
  }

  /** Starts the application and returns why it refused. */
  private static UnsafeConfigurationException refusal(String profile, String... args) {
    Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(ThongSuotApplication.class)
        .web(WebApplicationType.NONE)
        .profiles(profile)
        .run(args)
        .close());
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof UnsafeConfigurationException unsafe) {
        return unsafe;
      }
    }
    throw new AssertionError("the application started or failed for another reason", thrown);
  }
}
