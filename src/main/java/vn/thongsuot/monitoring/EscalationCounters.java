package vn.thongsuot.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.thongsuot.escalation.EventType;
import vn.thongsuot.escalation.IssueStep;
import vn.thongsuot.escalation.Stage;
import vn.thongsuot.escalation.TimelineEvent;
import vn.thongsuot.escalation.TimelineEventAppended;

/**
 * Prometheus counters of what the escalation records, so a dashboard can {@code rate()} them (it
 * cannot rate the gauges of {@link EscalationMetrics}): issues filed by province and field,
 * escalations by the stage they left and why, deadlines passed and extended by stage. Fed by the
 * steps escalation publishes in its transaction, counted only once that transaction committed (a
 * rolled-back completion race counts nothing). Every label has a bounded set of values: provinces
 * and fields as codes (anything else is "OTHER"), stages of {@link Stage}. Counters are per node;
 * Prometheus sums the nodes.
 */
@Component
class EscalationCounters {

  static final String FILED = "thongsuot.issues.filed";
  static final String ESCALATIONS = "thongsuot.escalations";
  static final String BREACHES = "thongsuot.deadline.breaches";
  static final String EXTENSIONS = "thongsuot.deadline.extensions";
  /** Where the commune's own task (supplying information, assessing an answer) stands in for a stage. */
  static final String COMMUNE_TASK = "COMMUNE_TASK";
  static final String OTHER = "OTHER";

  private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
  private static final Pattern FIELD = Pattern.compile("[a-z][a-z-]{1,39}");
  private static final List<Stage> LADDER = List.of(Stage.DEPARTMENT, Stage.PROVINCE, Stage.MINISTRY);

  private final MeterRegistry registry;

  EscalationCounters(MeterRegistry registry) {
    this.registry = registry;
    // Every series with a stage exists from the start at 0, so rate() has a first sample.
    Set<String> stages = new HashSet<>();
    for (Stage stage : Stage.values()) {
      stages.add(stage.name());
    }
    stages.add(COMMUNE_TASK);
    for (String stage : stages) {
      breaches(stage);
      extensions(stage);
    }
    for (Stage to : List.of(Stage.PROVINCE, Stage.MINISTRY, Stage.GOVERNMENT, Stage.NATIONAL_ASSEMBLY)) {
      escalations(from(to), "no_answer");
      escalations(from(to), "referred");
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(IssueStep step) {
    if (step instanceof IssueStep.Filed filed) {
      Counter.builder(FILED).description("Issues filed by communes")
          .tag("province", bounded(filed.provinceCode(), PROVINCE)).tag("field", bounded(filed.field(), FIELD))
          .register(registry).increment();
    } else if (step instanceof IssueStep.Held held && held.stage() != Stage.DEPARTMENT && from(held.stage()) != null) {
      escalations(from(held.stage()), held.arrivedEscalated() ? "no_answer" : "referred").increment();
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(TimelineEventAppended appended) {
    TimelineEvent event = appended.event();
    if (event.type() == EventType.DEADLINE_PASSED) {
      breaches(stage(event.level())).increment();
    } else if (event.type() == EventType.DEADLINE_EXTENDED) {
      extensions(stage(event.level())).increment();
    }
  }

  /** The stage an issue held at {@code to} came from: the ladder's level below it. */
  private static String from(Stage to) {
    return switch (to) {
      case PROVINCE -> LADDER.get(0).name();
      case MINISTRY -> LADDER.get(1).name();
      case GOVERNMENT, NATIONAL_ASSEMBLY -> LADDER.get(2).name();
      default -> null;
    };
  }

  private Counter escalations(String fromStage, String reason) {
    return Counter.builder(ESCALATIONS).description("Issues sent up the ladder, by the stage they left and why"
        + " (no_answer: its escalation timer; referred: the level or the commune referred it)")
        .tag("from_stage", fromStage).tag("reason", reason).register(registry);
  }

  private Counter breaches(String stage) {
    return Counter.builder(BREACHES).description("Deadlines passed without an answer, by stage")
        .tag("stage", stage).register(registry);
  }

  private Counter extensions(String stage) {
    return Counter.builder(EXTENSIONS).description("Deadlines extended by a supervisor, by stage")
        .tag("stage", stage).register(registry);
  }

  private static String stage(String level) {
    if (level == null) {
      return COMMUNE_TASK;
    }
    return Stage.of(level).map(Stage::name).orElse(OTHER);
  }

  private static String bounded(String value, Pattern shape) {
    return value != null && shape.matcher(value).matches() ? value : OTHER;
  }
}
