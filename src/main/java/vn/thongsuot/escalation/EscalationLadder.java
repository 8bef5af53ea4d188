package vn.thongsuot.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.directory.UnitIds;

/**
 * The escalation ladder: which unit answers at each level and until when. The numbers (deadline,
 * reminder and escalation offsets, legal basis) come from the DMN decisions in
 * {@code processes/IssueRouting.dmn}; this class turns them into a group and instants in working days.
 */
@Service
public class EscalationLadder {

  public static final String ROUTING_DECISION = "ResponsibleDepartment";
  public static final String DEADLINE_DECISION = "LevelDeadline";
  /** Rows of {@code LevelDeadline} that are not levels of the ladder. */
  public static final String COMMUNE_INFO = "COMMUNE_INFO";
  public static final String COMMUNE_ASSESSMENT = "COMMUNE_ASSESSMENT";
  public static final String ROADMAP = "ROADMAP";

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final WorkingDayCalendar calendar;
  private final UnitDirectory directory;

  EscalationLadder(DecisionService decisions, RepositoryService repository, WorkingDayCalendar calendar,
      UnitDirectory directory) {
    this.decisions = decisions;
    this.repository = repository;
    this.calendar = calendar;
    this.directory = directory;
  }

  /** Every field the deployed routing decision knows, in its order: the decision owns the list. */
  public List<FieldRouting> fields() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ROUTING_DECISION).latestVersion().singleResult();
    DmnModelInstance model = repository.getDmnModelInstance(latest.getId());
    List<FieldRouting> fields = new ArrayList<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      if (rule.getParentElement().getParentElement() instanceof Decision decision
          && ROUTING_DECISION.equals(decision.getId())) {
        String code = unquote(rule.getInputEntries().iterator().next().getTextContent());
        routing(code).ifPresent(fields::add);
      }
    }
    return fields;
  }

  private static String unquote(String feel) {
    String text = feel.strip();
    return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }

  /** The routing row of a field code, empty for a code the decision does not know. */
  public Optional<FieldRouting> routing(String field) {
    if (field == null || field.isBlank()) {
      return Optional.empty();
    }
    DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(ROUTING_DECISION)
        .variables(Variables.createVariables().putValue("field", field))
        .evaluate()
        .getSingleResult();
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(new FieldRouting(field, row.getEntry("fieldName"),
        row.getEntry("provincialDepartment"), row.getEntry("centralGroup")));
  }

  /** The unit responsible for an issue at a level, and its deadlines counted from {@code now}. */
  public LevelAssignment assign(Level level, String field, String provinceCode, Urgency urgency,
      Instant now) {
    String group = responsibleGroup(level, field, provinceCode);
    return schedule(level.name(), group, urgency, now, null);
  }

  /** A commune task (supply information, assess an answer): reminded, never escalated. */
  public LevelAssignment communeTask(String row, String communeGroup, Urgency urgency, Instant now) {
    return schedule(row, communeGroup, urgency, now, null);
  }

  /** Deadlines of a {@code LevelDeadline} row without a unit (for due-date expressions). */
  public LevelAssignment deadlinesOf(String row, Urgency urgency, Instant now) {
    return schedule(row, null, urgency, now, null);
  }

  /**
   * The same level again after its clock was paused: {@code remainingDays} working days from
   * {@code now}, with the offsets of the level's DMN row.
   */
  public LevelAssignment resume(LevelAssignment paused, Urgency urgency, int remainingDays,
      Instant now) {
    return schedule(paused.levelCode(), paused.groupId(), urgency, now, Math.max(0, remainingDays));
  }

  /** The next progress report of a roadmap: its DMN interval, or the target date if sooner. */
  public Instant roadmapFollowUp(Instant targetDate, Urgency urgency, Instant now) {
    return roadmapFollowUp(calendar, targetDate, urgency, now);
  }

  /** {@link #roadmapFollowUp(Instant, Urgency, Instant)} with a given calendar (a recount). */
  public Instant roadmapFollowUp(WorkingDayCalendar counting, Instant targetDate, Urgency urgency, Instant now) {
    Map<String, Object> row = deadlineRow(ROADMAP, urgency);
    Instant interval = counting.deadline(now, ((Number) row.get("deadlineDays")).intValue());
    return targetDate != null && targetDate.isBefore(interval) && targetDate.isAfter(now)
        ? targetDate : interval;
  }

  /** Working days from now to a deadline: negative once it has passed. */
  public int workingDaysLeft(Instant deadline, Instant now) {
    return calendar.workingDaysBetween(now, deadline);
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  String responsibleGroup(Level level, String field, String provinceCode) {
    return switch (level) {
      case DEPARTMENT -> UnitIds.provinceDepartment(provinceCode, fieldRouting(field).provincialDepartment());
      case PROVINCE -> UnitIds.provinceCommittee(provinceCode);
      case MINISTRY -> fieldRouting(field).centralGroup();
      case GOVERNMENT -> UnitIds.GOVERNMENT_OFFICE;
      case NATIONAL_ASSEMBLY -> UnitIds.NATIONAL_ASSEMBLY;
    };
  }

  private FieldRouting fieldRouting(String field) {
    return routing(field).orElseThrow(
        () -> new IllegalArgumentException("field '" + field + "' has no row in " + ROUTING_DECISION));
  }

  private LevelAssignment schedule(String row, String group, Urgency urgency, Instant now,
      Integer daysOverride) {
    Map<String, Object> rule = deadlineRow(row, urgency);
    int rowDays = ((Number) rule.get("deadlineDays")).intValue();
    int deadlineDays = daysOverride != null ? daysOverride : rowDays;
    int reminderDays = ((Number) rule.get("reminderDays")).intValue();
    Integer escalationDays = rule.get("escalationDays") == null ? null
        : ((Number) rule.get("escalationDays")).intValue();
    // One snapshot of the calendar for all three instants: a calendar loaded meanwhile never mixes in.
    WorkingDayCalendar counting = calendar.current();
    Count count = count(counting, now, deadlineDays, reminderDays, escalationDays);
    return new LevelAssignment(row, group, group == null ? null : directory.unitName(group), deadlineDays,
        reminderDays, escalationDays, count.deadline(), count.reminderAt(), count.escalateAt(),
        legalBasis(rule, rowDays, reminderDays, escalationDays, counting), now, count.provisional(),
        counting.version());
  }

  /** A step's timers counted in working days from {@code from}, with one calendar. */
  public record Count(Instant deadline, Instant reminderAt, Instant escalateAt, boolean provisional) {}

  /**
   * The deadline {@code deadlineDays} working days after {@code from}, the reminder
   * {@code reminderDays} before it (not before {@code from}), the escalation {@code escalationDays}
   * after it (none for commune tasks); provisional when the count up to the last of them crosses a
   * Tết not announced yet. Used when a step starts and when the calendar changes under it.
   */
  public static Count count(WorkingDayCalendar calendar, Instant from, int deadlineDays, int reminderDays,
      Integer escalationDays) {
    Instant deadline = calendar.deadline(from, deadlineDays);
    Instant reminder = calendar.addWorkingDays(deadline, -reminderDays);
    if (reminder.isBefore(from)) {
      reminder = from;
    }
    Instant escalate = escalationDays == null ? null : calendar.deadline(deadline, escalationDays);
    boolean provisional = calendar.provisional(from, escalate == null ? deadline : escalate);
    return new Count(deadline, reminder, escalate, provisional);
  }

  /** A commune task's due date and reminder counted again from its start, with its row's days. */
  public Count recount(String row, Urgency urgency, Instant from, WorkingDayCalendar counting) {
    Map<String, Object> rule = deadlineRow(row, urgency);
    return count(counting, from, ((Number) rule.get("deadlineDays")).intValue(),
        ((Number) rule.get("reminderDays")).intValue(), null);
  }

  private static String legalBasis(Map<String, Object> rule, int deadlineDays, int reminderDays,
      Integer escalationDays, WorkingDayCalendar calendar) {
    return LegalBasis.compose((String) rule.get("legalBasis"), (String) rule.get("unverifiedBasis"),
        (String) rule.get("systemRule"), deadlineDays, reminderDays, escalationDays, calendar.endOfDayText());
  }

  private Map<String, Object> deadlineRow(String row, Urgency urgency) {
    DmnDecisionRuleResult entries = decisions.evaluateDecisionTableByKey(DEADLINE_DECISION)
        .variables(Variables.createVariables().putValue("level", row)
            .putValue("urgency", urgency.name()))
        .evaluate()
        .getSingleResult();
    if (entries == null) {
      throw new IllegalStateException(DEADLINE_DECISION + " has no row for level " + row
          + " and urgency " + urgency);
    }
    return entries.getEntryMap();
  }
}
