package vn.thongsuot.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * Reads an issue for {@code GET /api/issues/{number}} (its row, its open task and its timeline) and
 * lists the official's issues for {@code GET /api/issues}.
 */
@Service
public class IssueQueries {

  private final IssueRecords records;
  private final IssueAccessRules access;
  private final TaskService tasks;
  private final UnitDirectory directory;
  private final EscalationLadder ladder;

  IssueQueries(IssueRecords records, IssueAccessRules access, TaskService tasks,
      UnitDirectory directory, EscalationLadder ladder) {
    this.records = records;
    this.access = access;
    this.tasks = tasks;
    this.directory = directory;
    this.ladder = ladder;
  }

  /** Why a deadline is provisional, and that the Tết days it assumes are this system's choice. */
  public static String provisionalNote() {
    return "Thời hạn " + WorkingDayCalendar.PROVISIONAL_NOTE + ". " + WorkingDayCalendar.TET_DEFAULT_RULE;
  }

  public IssueRecord find(String number) {
    return records.find(number).orElseThrow(() -> IssueAccessRules.notFound(number));
  }

  /** The largest page {@link #list} answers. */
  public static final int MAX_PAGE_SIZE = 100;
  public static final int DEFAULT_PAGE_SIZE = 20;

  /**
   * One page of the issues the official may read, by the rules of {@link IssueAccessRules#checkRead}:
   * the filing commune's, those the official's units hold or have held, a supervisor's province.
   * {@code status} and {@code field} filter (null: any); a bad value of either, or a page out of
   * range, is refused with every problem named.
   */
  public IssueList list(String status, String field, Integer page, Integer size, CurrentOfficial official) {
    List<String> problems = new ArrayList<>();
    IssueStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = IssueStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        problems.add("Trạng thái '" + status + "' không có; dùng một trong " + statusChoices() + ".");
      }
    }
    Map<String, String> fieldNames = new LinkedHashMap<>();
    ladder.fields().forEach(routing -> fieldNames.put(routing.field(), routing.fieldName()));
    String fieldCode = field == null || field.isBlank() ? null : field.strip();
    if (fieldCode != null && !fieldNames.containsKey(fieldCode)) {
      problems.add("Lĩnh vực '" + field + "' không có; dùng mã lĩnh vực, ví dụ finance-budget.");
    }
    int pageNo = page == null ? 0 : page;
    int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
    if (pageNo < 0) {
      problems.add("Số trang (page) bắt đầu từ 0.");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      problems.add("Số hồ sơ mỗi trang (size) phải từ 1 đến " + MAX_PAGE_SIZE + ".");
    }
    if (!problems.isEmpty()) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, problems);
    }
    IssueScope scope = access.scopeOf(official);
    if (scope.isEmpty()) {
      return new IssueList(pageNo, pageSize, 0, List.of());
    }
    long total = records.countInScope(scope, wanted, fieldCode);
    long offset = (long) pageNo * pageSize;
    if (offset >= total) {
      return new IssueList(pageNo, pageSize, total, List.of());
    }
    Instant now = EngineClock.now();
    List<IssueList.Item> items = records.inScope(scope, wanted, fieldCode, (int) offset, pageSize).stream()
        .map(issue -> item(issue, fieldNames, official, now))
        .toList();
    return new IssueList(pageNo, pageSize, total, items);
  }

  private IssueList.Item item(IssueRecord issue, Map<String, String> fieldNames, CurrentOfficial official,
      Instant now) {
    boolean open = issue.status() == IssueStatus.OPEN && issue.currentGroup() != null;
    Instant deadline = open ? issue.deadline() : null;
    return new IssueList.Item(issue.number(), issue.status().name(), issue.status().label(), issue.title(),
        issue.communeCode(), directory.commune(issue.communeCode()).map(commune -> commune.name()).orElse(issue.communeCode()),
        issue.field(), fieldNames.getOrDefault(issue.field(), issue.field()), issue.filedAt(),
        open ? issue.currentLevel() : null,
        open ? Stage.of(issue.currentLevel()).map(Stage::label).orElse(issue.currentLevel()) : null,
        open ? issue.currentGroup() : null,
        open ? directory.unitNameOrId(issue.currentGroup()) : null,
        open && official.belongsTo(issue.currentGroup()),
        deadline, deadline == null ? null : VietnameseDates.dateTime(deadline),
        deadline == null ? null : ladder.workingDaysLeft(deadline, now),
        open && issue.overdue(), open && issue.deadlineProvisional());
  }

  public IssueList.Filters filters() {
    return new IssueList.Filters(
        Arrays.stream(IssueStatus.values()).map(s -> new IssueList.Choice(s.name(), s.label())).toList(),
        ladder.fields().stream().map(f -> new IssueList.Choice(f.field(), f.fieldName())).toList());
  }

  private static String statusChoices() {
    return Arrays.stream(IssueStatus.values())
        .map(s -> s.name() + " (" + s.label() + ")")
        .collect(Collectors.joining(", "));
  }

  public IssueView view(String number, CurrentOfficial official) {
    IssueRecord issue = find(number);
    access.checkRead(issue, official);
    Instant now = EngineClock.now();
    IssueView.Current current = null;
    if (issue.status() == IssueStatus.OPEN && issue.currentGroup() != null) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(number).active()
          .orderByTaskCreateTime().desc().list();
      Task task = open.isEmpty() ? null : open.get(0);
      current = new IssueView.Current(issue.currentLevel(),
          Stage.of(issue.currentLevel()).map(Stage::label).orElse(issue.currentLevel()),
          issue.currentGroup(), directory.unitNameOrId(issue.currentGroup()),
          task == null ? null : task.getAssignee(),
          task == null ? null : task.getName(), issue.deadline(),
          VietnameseDates.dateTime(issue.deadline()),
          issue.deadline() == null ? null : ladder.workingDaysLeft(issue.deadline(), now),
          issue.overdue(), issue.legalBasis(), issue.deadlineProvisional(),
          issue.deadlineProvisional() ? provisionalNote() : null);
    }
    List<IssueView.Entry> timeline = records.timeline(number).stream()
        .map(e -> new IssueView.Entry(e.at(), e.type().name(), e.type().label(), e.level(),
            e.unitGroup(), e.unitGroup() == null ? null : directory.unitNameOrId(e.unitGroup()),
            e.actor(), e.outcome(),
            e.outcome() == null ? null : Outcome.label(e.outcome()), e.text(), e.deadline()))
        .toList();
    var commune = directory.commune(issue.communeCode()).orElseThrow();
    return new IssueView(issue.number(), issue.status().name(), issue.status().label(),
        issue.communeCode(), commune.name(), issue.provinceCode(), commune.province().name(),
        issue.field(), ladder.routing(issue.field()).map(FieldRouting::fieldName).orElse(issue.field()),
        issue.urgency().name(), issue.title(), issue.description(), issue.attempted(),
        issue.regulation(), issue.filedBy(), issue.filedAt(), current, timeline);
  }

}
