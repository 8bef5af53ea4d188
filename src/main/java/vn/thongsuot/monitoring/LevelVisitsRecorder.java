package vn.thongsuot.monitoring;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.thongsuot.escalation.IssueStep;

/** Keeps the board's read model from the steps the escalation records (in their transaction). */
@Component
class LevelVisitsRecorder {

  private final LevelVisits visits;

  LevelVisitsRecorder(LevelVisits visits) {
    this.visits = visits;
  }

  @EventListener
  void on(IssueStep step) {
    if (step instanceof IssueStep.Held held) {
      visits.open(held.issueNumber(), held.provinceCode(), held.field(), held.stage().name(), held.unitGroup(),
          held.at(), held.deadline(), held.arrivedEscalated());
    } else if (step instanceof IssueStep.Answered answered) {
      visits.answer(answered.issueNumber(), answered.unitGroup(), answered.outcome(), answered.at());
    } else if (step instanceof IssueStep.DeadlineMoved moved) {
      visits.moveDeadline(moved.issueNumber(), moved.unitGroup(), moved.deadline());
    } else if (step instanceof IssueStep.Withdrawn withdrawn) {
      visits.cancel(withdrawn.issueNumber(), withdrawn.at());
    }
  }
}
