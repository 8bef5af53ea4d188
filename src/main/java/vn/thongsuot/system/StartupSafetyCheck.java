package vn.thongsuot.system;

import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start with a configuration that is unsafe outside the demo profile, before the engine
 * touches the database. Runs after Spring has read every configuration file, so it sees the values
 * the application would really use.
 */
public class StartupSafetyCheck implements EnvironmentPostProcessor, Ordered {

  static final String DEMO = "demo";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    // Camunda requires every node of a cluster to run in one time zone; ours is UTC.
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    List<String> problems = problemsOf(env);
    if (!problems.isEmpty()) {
      throw new UnsafeConfigurationException(problems);
    }
  }

  static List<String> problemsOf(ConfigurableEnvironment env) {
    List<String> problems = new ArrayList<>();
    boolean demo = env.acceptsProfiles(Profiles.of(DEMO));
    String adminId = env.getProperty("camunda.bpm.admin-user.id", "");
    String adminPassword = env.getProperty("camunda.bpm.admin-user.password", "");
    if (demo && env.acceptsProfiles(Profiles.of("prod"))) {
      problems.add("the demo profile is active together with prod: demo accounts with a known password"
          + " must never run in production; remove demo from SPRING_PROFILES_ACTIVE");
    }
    if (!demo) {
      if (adminPassword.isBlank()) {
        problems.add("THONGSUOT_ADMIN_PASSWORD is not set: outside the demo profile the administrator"
            + " password must come from the environment");
      } else if (adminPassword.equals(adminId)) {
        problems.add("THONGSUOT_ADMIN_PASSWORD equals the administrator's user id: choose a real password");
      } else {
        problems.addAll(AdministratorPassword.problems(adminPassword, adminId, Boolean.parseBoolean(env.getProperty(
            "camunda.bpm.generic-properties.properties.enablePasswordPolicy", "false"))));
      }
    }
    String url = env.getProperty("spring.datasource.url", "");
    if (env.acceptsProfiles(Profiles.of("postgres | prod")) && url.startsWith("jdbc:h2:")) {
      problems.add("the postgres/prod profile is active but THONGSUOT_DB_URL points to H2 ("
          + url.replaceAll(";.*", "") + "): set a PostgreSQL JDBC URL");
    }
    return problems;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
