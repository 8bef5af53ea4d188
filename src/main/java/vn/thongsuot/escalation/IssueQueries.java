package vn.thongsuot.escalation;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.thongsuot.calendar.WorkingDayCalendar;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.system.CurrentOfficial;

/** Reads an issue for {@code GET /api/issues/{number}}: its row, its open task and its timeline. */
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
