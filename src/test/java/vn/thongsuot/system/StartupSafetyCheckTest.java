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
  void productionRefusesTheDemoProfileBesideIt() {
    assertThat(refusal("prod,demo")).hasMessageContaining("demo profile is active together with prod");
  }

  @Test
  void productionRefusesAShortOrGuessableAdministratorPassword() {
    for (String weak : java.util.List.of("1", "password1234", "admin-admin-admin", "Thongsuot2026!", "qwertyuiop123")) {
      java.util.List<String> problems = StartupSafetyCheck.problemsOf(production(weak));
      assertThat(problems).as("'%s'", weak).isNotEmpty();
      if (weak.length() > 3) {
        assertThat(String.join(" ", problems)).as("never quoted").doesNotContain(weak);
      }
    }
    assertThat(StartupSafetyCheck.problemsOf(production("correct horse battery staple"))).isNotEmpty()
        .allMatch(problem -> problem.contains("Camunda's password policy"));
    assertThat(StartupSafetyCheck.problemsOf(production("Mây-trôi 7 ngả, sông Hồng#1"))).isEmpty();
  }

  private static org.springframework.core.env.ConfigurableEnvironment production(String password) {
    org.springframework.mock.env.MockEnvironment env = new org.springframework.mock.env.MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty("camunda.bpm.admin-user.id", "admin");
    env.setProperty("camunda.bpm.admin-user.password", password);
    env.setProperty("camunda.bpm.generic-properties.properties.enablePasswordPolicy", "true");
    env.setProperty("spring.datasource.url", "jdbc:postgresql://db/thongsuot");
    return env;
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
        .profiles(profile.split(","))
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
