package vn.thongsuot.escalation;

import java.util.List;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.UnitDirectory;

/**
 * The timeline as plain text for the read-only box on every task form, so the ministry sees what
 * the commune, the department and the province already said.
 */
@Component
public class TimelineText {

  private final UnitDirectory directory;

  TimelineText(UnitDirectory directory) {
    this.directory = directory;
  }

  public String format(List<TimelineEvent> events) {
    StringJoiner text = new StringJoiner("\n\n");
    for (TimelineEvent event : events) {
      StringBuilder line = new StringBuilder(VietnameseDates.dateTime(event.at()))
          .append(" · ").append(event.type().label());
      if (event.unitGroup() != null) {
        line.append(" · ").append(directory.unitNameOrId(event.unitGroup()));
      }
      if (event.actor() != null) {
        line.append(" (").append(event.actor()).append(')');
      }
      if (event.outcome() != null && event.type() != EventType.ESCALATED_NO_ANSWER) {
        line.append("\n").append(Outcome.label(event.outcome()));
      }
      if (event.deadline() != null) {
        line.append("\nHạn: ").append(VietnameseDates.dateTime(event.deadline()));
      }
      if (event.text() != null && !event.text().isBlank()) {
        line.append("\n").append(event.text());
      }
      text.add(line);
    }
    return text.toString();
  }

  public String issueSummary(IssueRecord issue, FieldRouting routing) {
    StringBuilder summary = new StringBuilder()
        .append(issue.number()).append(" · ")
        .append(directory.unitNameOrId("commune-" + issue.communeCode()))
        .append("\nLĩnh vực: ").append(routing == null ? issue.field() : routing.fieldName())
        .append(" · Mức độ: ").append(issue.urgency().label())
        .append("\n\n").append(issue.title())
        .append("\n\n").append(issue.description())
        .append("\n\nXã đã làm: ").append(issue.attempted());
    if (issue.regulation() != null) {
      summary.append("\n\nVăn bản liên quan: ").append(issue.regulation());
    }
    return summary.toString();
  }

}
