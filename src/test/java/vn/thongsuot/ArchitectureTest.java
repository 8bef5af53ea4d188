package vn.thongsuot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The import rule of docs/architecture.md, checked on the compiled main classes. A failure names
 * the class and the dependency that broke the rule; the fix is the design, not an exception here.
 */
@AnalyzeClasses(packages = "vn.thongsuot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The feature packages, which may use the foundations below but never one another in a circle. */
  static final String[] LISTENERS = {"vn.thongsuot.monitoring..", "vn.thongsuot.notification..",
      "vn.thongsuot.reporting.."};

  @ArchTest
  static final ArchRule noPackageCircles = slices().matching("vn.thongsuot.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule escalationAnnouncesAndOthersListen = noClasses()
      .that().resideInAPackage("vn.thongsuot.escalation..")
      .should().dependOnClassesThat().resideInAnyPackage(LISTENERS)
      .orShould().dependOnClassesThat().resideInAPackage("vn.thongsuot.security..")
      .because("escalation publishes IssueStep and TimelineEventAppended; the board, the mails and "
          + "the reports keep their own models from them (docs/architecture.md)");

  @ArchTest
  static final ArchRule listenersDoNotCallEachOther = noClasses()
      .that().resideInAnyPackage("vn.thongsuot.monitoring..", "vn.thongsuot.notification..")
      .should().dependOnClassesThat().resideInAnyPackage("vn.thongsuot.reporting..", "vn.thongsuot.security..")
      .because("the board and the mails listen to escalation only");

  @ArchTest
  static final ArchRule foundationsKnowNoFeature = noClasses()
      .that().resideInAnyPackage("vn.thongsuot.system..", "vn.thongsuot.engine..", "vn.thongsuot.directory..",
          "vn.thongsuot.calendar..")
      .should().dependOnClassesThat().resideInAnyPackage("vn.thongsuot.escalation..", "vn.thongsuot.monitoring..",
          "vn.thongsuot.notification..", "vn.thongsuot.reporting..", "vn.thongsuot.security..")
      .because("system, engine, directory and calendar are what the features stand on");

  @ArchTest
  static final ArchRule systemStandsAlone = noClasses()
      .that().resideInAPackage("vn.thongsuot.system..")
      .should().dependOnClassesThat().resideInAnyPackage("vn.thongsuot.engine..", "vn.thongsuot.directory..",
          "vn.thongsuot.calendar..");

  @ArchTest
  static final ArchRule engineInternalsInOneAdapter = noClasses()
      .that().resideOutsideOfPackage("vn.thongsuot.engine..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
      .because("a move to another Camunda 7 line should touch vn.thongsuot.engine and the public API only");

  @ArchTest
  static final ArchRule escalationGlueStaysInItsProcessPackage = processGluePrivate("escalation");

  @ArchTest
  static final ArchRule notificationGlueStaysInItsProcessPackage = processGluePrivate("notification");

  @ArchTest
  static final ArchRule reportingGlueStaysInItsProcessPackage = processGluePrivate("reporting");

  @ArchTest
  static final ArchRule calendarGlueStaysInItsProcessPackage = processGluePrivate("calendar");

  @ArchTest
  static final ArchRule delegatesLiveInProcessPackages = classes()
      .that().implement(JavaDelegate.class).or().implement(ExecutionListener.class).or().implement(TaskListener.class)
      .should().resideInAPackage("..process..")
      .because("what the BPMN calls is glue: one call into a use-case service, next to its model");

  /** A feature's {@code process} package depends on its services; nothing outside depends on the glue. */
  private static ArchRule processGluePrivate(String feature) {
    String glue = "vn.thongsuot." + feature + ".process..";
    return noClasses().that().resideOutsideOfPackage(glue)
        .should().dependOnClassesThat().resideInAPackage(glue)
        .because("the glue depends on the services, never the reverse (docs/architecture.md)");
  }
}
