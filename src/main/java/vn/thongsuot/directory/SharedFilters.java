package vn.thongsuot.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters, owned by the administrator: four every unit shares (its own tasks), two
 * for supervisors (every task they may read: their province, or everything centrally). The code
 * owns their definition: a filter whose stored version differs from {@link #VERSION} is rewritten
 * at start. Who may read them is {@link UnitAuthorizations}' job.
 */
@Component
class SharedFilters {

  static final String MY_UNIT = "Việc của đơn vị tôi";
  static final String DUE_SOON = "Sắp đến hạn";
  static final String OVERDUE = "Quá hạn";
  static final String ESCALATED = "Được chuyển lên";
  static final String SUPERVISED_DUE_SOON = "Giám sát: sắp đến hạn";
  static final String SUPERVISED_OVERDUE = "Giám sát: quá hạn";

  /** Who a filter is shared with. */
  enum Audience { UNITS, SUPERVISORS }

  /** Raise when a definition below changes, so installed filters are rewritten. */
  static final int VERSION = 2;
  static final String VERSION_PROPERTY = "thongsuotVersion";

  static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  static final String NOW = "${now()}";
  /** End of the second working day from now (the working-day calendar's {@code deadlines} bean). */
  static final String DUE_SOON_LIMIT = "${deadlines.after(2)}";
  /** Task-local variable the escalation process sets on tasks it creates after an escalation timer. */
  static final String ESCALATED_VARIABLE = "escalatedForNoAnswer";

  private record Definition(Audience audience, String name, String description, int priority,
      String color, UnaryOperator<TaskQuery> criteria) {}

  private static final List<Definition> DEFINITIONS = List.of(
      new Definition(Audience.UNITS, MY_UNIT, "Việc đang mở của các đơn vị tôi thuộc về, hạn gần nhất trước",
          -10, "#3e4d2f", query -> query),
      new Definition(Audience.UNITS, DUE_SOON, "Việc của đơn vị tôi đến hạn trong 2 ngày tới", -9, "#e69500",
          query -> query.dueAfterExpression(NOW).dueBeforeExpression(DUE_SOON_LIMIT)),
      new Definition(Audience.UNITS, OVERDUE, "Việc của đơn vị tôi đã quá hạn", -8, "#b5152b",
          query -> query.dueBeforeExpression(NOW)),
      new Definition(Audience.UNITS, ESCALATED,
          "Việc được chuyển lên đơn vị tôi vì cấp dưới chưa được trả lời đúng hạn", -7, "#555ea1",
          query -> query.taskVariableValueEquals(ESCALATED_VARIABLE, true)),
      new Definition(Audience.SUPERVISORS, SUPERVISED_DUE_SOON,
          "Việc trong phạm vi giám sát đến hạn trong 2 ngày tới", -6, "#e69500",
          query -> query.dueAfterExpression(NOW).dueBeforeExpression(DUE_SOON_LIMIT)),
      new Definition(Audience.SUPERVISORS, SUPERVISED_OVERDUE, "Việc trong phạm vi giám sát đã quá hạn", -5,
          "#b5152b", query -> query.dueBeforeExpression(NOW)));

  private final FilterService filterService;
  private final TaskService taskService;
  private final String owner;

  SharedFilters(FilterService filterService, TaskService taskService,
      @Value("${camunda.bpm.admin-user.id}") String owner) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.owner = owner;
  }

  record Result(Map<Audience, List<String>> idsByAudience, int created, int updated, int unchanged) {

    List<String> idsFor(Audience audience) {
      return idsByAudience.getOrDefault(audience, List.of());
    }
  }

  Result synchronize() {
    Map<Audience, List<String>> byAudience = new EnumMap<>(Audience.class);
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Definition definition : DEFINITIONS) {
      Filter filter = filterService.createFilterQuery()
          .filterName(definition.name()).filterOwner(owner).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name()).setOwner(owner);
        created++;
      } else if (String.valueOf(VERSION).equals(String.valueOf(filter.getProperties().get(VERSION_PROPERTY)))) {
        byAudience.computeIfAbsent(definition.audience(), a -> new ArrayList<>()).add(filter.getId());
        unchanged++;
        continue;
      } else {
        updated++;
      }
      filter.setQuery(query(definition));
      filter.setProperties(properties(definition));
      filterService.saveFilter(filter);
      byAudience.computeIfAbsent(definition.audience(), a -> new ArrayList<>()).add(filter.getId());
    }
    return new Result(byAudience, created, updated, unchanged);
  }

  /**
   * A unit's filter: the open tasks of the official's groups, claimed or not. A supervisor's
   * filter: every open task the supervisor may read. Soonest deadline first.
   */
  private TaskQuery query(Definition definition) {
    TaskQuery tasks = taskService.createTaskQuery();
    if (definition.audience() == Audience.UNITS) {
      tasks = tasks.taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks();
    }
    return definition.criteria().apply(tasks).orderByDueDate().asc();
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put(VERSION_PROPERTY, VERSION);
    return properties;
  }
}
