package vn.thongsuot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestExecutionListeners;
import vn.thongsuot.notification.TestSmtp;

/**
 * The whole application on a random port with the demo data, an in-memory H2 and no job executor
 * (tests move the engine clock and execute timer jobs themselves), with metrics export on as in
 * production. Every test class that uses this shares one Spring context; process coverage is
 * recorded for all of them. Mail goes to an in-process SMTP server ({@link TestSmtp}); nothing is
 * delivered unless a test executes the MailDelivery jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(classes = ThongSuotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextCustomizerFactories(TestSmtp.class)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = {ProcessEngineCoverageTestExecutionListener.class,
    SharedEngineRegistration.class},
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface AppTest {}
