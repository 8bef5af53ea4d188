package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import vn.thongsuot.escalation.process.CalendarRecountModel;
import vn.thongsuot.system.CurrentOfficial;

/**
 * What the administrator does in the scenario tests: loads a calendar version, then lets the
 * recount run as the job executor would (each batch is a job, executed here one by one), and puts
 * the shipped calendar back afterwards so the tests that share the application are not affected.
 */
public final class CalendarAdmin {

  public static final CurrentOfficial ADMIN = new CurrentOfficial("demo", Set.of("camunda-admin"));
  /** The shipped file with the 2027 Tết break of these tests (Thursday 4 to Sunday 14 February). */
  public static final String TET_2027 = "\n  2027:\n    tet: {from: 2027-02-04, to: 2027-02-14,"
      + " source: \"test: Tết Đinh Mùi announced 4-14 February 2027\", verified: true}\n";

  private final CalendarVersions versions;
  private final WorkingDayCalendar calendar;
  private final RuntimeService runtime;
  private final ManagementService management;

  public CalendarAdmin(CalendarVersions versions, WorkingDayCalendar calendar, RuntimeService runtime,
      ManagementService management) {
    this.versions = versions;
    this.calendar = calendar;
    this.runtime = runtime;
    this.management = management;
  }

  public static String shipped() {
    return HolidayFileText.shipped().text();
  }

  /** The shipped document with more entries under {@code years:} appended (new year blocks). */
  public static String shippedWith(String moreYears) {
    return shipped().stripTrailing() + "\n" + moreYears;
  }

  /** Loads a version as the administrator; returns its number. */
  public int load(String content, String source) {
    return versions.load(content, source, ADMIN).version().number();
  }

  /** Runs the recount of {@code version} to its end; returns how many batch jobs it took. */
  public int recount(int version) {
    int jobs = 0;
    while (true) {
      ProcessInstance instance = instance(version);
      if (instance == null) {
        return jobs;
      }
      Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(job).as("recount of version %s waits on a job", version).isNotNull();
      management.executeJob(job.getId());
      jobs++;
    }
  }

  /** Runs one job of the recount of {@code version}; false when the recount had ended. */
  public boolean step(int version) {
    ProcessInstance instance = instance(version);
    if (instance == null) {
      return false;
    }
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    return true;
  }

  public ProcessInstance instance(int version) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CalendarRecountModel.PROCESS_ID)
        .processInstanceBusinessKey(CalendarRecountModel.businessKey(version)).singleResult();
  }

  /** Back to the shipped calendar (a new version with its text), recounted. */
  public void restoreShipped() {
    String current = versions.content(calendar.version()).orElseThrow();
    if (!HolidayFileText.shipped().hash().equals(new HolidayFileText("db", current).hash())) {
      recount(load(shipped(), "test: back to the shipped calendar"));
    }
  }
}
