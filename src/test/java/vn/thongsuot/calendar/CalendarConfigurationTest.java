package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The bean as Spring builds it from thongsuot.calendar.*; only this configuration, no application. */
class CalendarConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CalendarConfiguration.class);

  @Test
  void defaultsToTheShippedFileAnd1700() {
    context.run(c -> {
      WorkingDayCalendar calendar = c.getBean("workingDayCalendar", WorkingDayCalendar.class);
      assertThat(calendar.endOfDay()).isEqualTo(LocalTime.of(17, 0));
      assertThat(calendar.whyNotWorking(LocalDate.of(2025, 5, 2))).isPresent();
    });
  }

  @Test
  void readsTheAdministratorsFileAndEndOfDay(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("holidays.yaml"), "years:\n");
    context.withPropertyValues("thongsuot.calendar.holidays-file=" + file,
            "thongsuot.calendar.end-of-day=16:30")
        .run(c -> {
          WorkingDayCalendar calendar = c.getBean(WorkingDayCalendar.class);
          assertThat(calendar.endOfDay()).isEqualTo(LocalTime.of(16, 30));
          assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isTrue();
        });
  }

  /** The environment variables documented for administrators, through application.yaml. */
  @Test
  void environmentVariablesReachTheBeanThroughApplicationYaml(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("holidays.yaml"), "years:\n");
    List<PropertySource<?>> applicationYaml = new YamlPropertySourceLoader()
        .load("application.yaml", new ClassPathResource("application.yaml"));
    context.withInitializer(c -> {
          MutablePropertySources sources = c.getEnvironment().getPropertySources();
          sources.addFirst(new MapPropertySource("env", Map.of(
              "THONGSUOT_HOLIDAYS_FILE", file.toString(), "THONGSUOT_END_OF_DAY", "16:00")));
          applicationYaml.forEach(sources::addLast);
        })
        .run(c -> {
          WorkingDayCalendar calendar = c.getBean(WorkingDayCalendar.class);
          assertThat(calendar.endOfDay()).isEqualTo(LocalTime.of(16, 0));
          assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isTrue();
        });
  }

  @Test
  void aBrokenFileStopsStartUpNamingTheLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("holidays.yaml"), "years:\n  2026:\n    tett: {}\n");
    context.withPropertyValues("thongsuot.calendar.holidays-file=" + file)
        .run(c -> {
          assertThat(c).getFailure().rootCause()
              .isInstanceOf(HolidayFileException.class)
              .hasMessageContaining("line 3: unknown key 'tett'");
          // What the administrator reads instead of a stack trace.
          FailureAnalysis analysis = new HolidayFileFailureAnalyzer().analyze(c.getStartupFailure());
          assertThat(analysis.getDescription()).contains(file.toString() + ", line 3: unknown key 'tett'");
          assertThat(analysis.getAction()).contains("THONGSUOT_HOLIDAYS_FILE");
        });
  }

  @Test
  void aBadEndOfDayStopsStartUp() {
    context.withPropertyValues("thongsuot.calendar.end-of-day=5pm")
        .run(c -> assertThat(c).getFailure()
            .hasStackTraceContaining("thongsuot.calendar.end-of-day (THONGSUOT_END_OF_DAY) '5pm' is not a time of day like 17:00"));
  }
}
