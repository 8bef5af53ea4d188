package vn.thongsuot.escalation.process;

import java.util.Date;
import org.springframework.stereotype.Component;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.escalation.EscalationLadder;
import vn.thongsuot.escalation.Urgency;

/**
 * Due date and reminder of commune tasks, for BPMN expressions:
 * {@code ${communeDeadlines.due('COMMUNE_ASSESSMENT', urgency)}}. The DMN row gives the days.
 */
@Component("communeDeadlines")
public class CommuneDeadlines {

  private final EscalationLadder ladder;

  CommuneDeadlines(EscalationLadder ladder) {
    this.ladder = ladder;
  }

  public Date due(String row, String urgency) {
    return EngineClock.date(ladder.deadlinesOf(row, Urgency.valueOf(urgency), EngineClock.now()).deadline());
  }

  public Date reminder(String row, String urgency) {
    return EngineClock.date(ladder.deadlinesOf(row, Urgency.valueOf(urgency), EngineClock.now()).reminderAt());
  }
}
