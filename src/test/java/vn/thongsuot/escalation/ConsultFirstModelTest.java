package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.*;

import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * Consult first, proved on the model itself rather than on the paths the scenarios happen to walk:
 * take the department's level out of the graph and nothing above it can be reached from the
 * filing, whatever the answers. (Above the province the order also depends on which level answered,
 * a condition this graph search ignores; the scenario tests cover those paths.)
 */
class ConsultFirstModelTest {

  final BpmnModelInstance model =
      Bpmn.readModelFromFile(new File("processes/CommuneIssueEscalation.bpmn"));

  @Test
  void theProvincialCommitteeIsReachedOnlyThroughTheDepartment() {
    assertThat(reachable(START_ISSUE_FILED, Set.of())).contains(CALL_PROVINCIAL_DECISION);
    assertThat(reachable(START_ISSUE_FILED, Set.of(CALL_DEPARTMENT_GUIDANCE)))
        .doesNotContain(CALL_PROVINCIAL_DECISION, CALL_MINISTRY_HANDLING, CALL_GOVERNMENT_DECISION,
            CALL_NATIONAL_ASSEMBLY_AGENDA);
  }

  /** Flow nodes reachable from {@code start} along sequence flows, never entering {@code removed}. */
  private Set<String> reachable(String start, Set<String> removed) {
    Set<String> seen = new HashSet<>();
    Deque<FlowNode> todo = new ArrayDeque<>();
    todo.add(model.getModelElementById(start));
    while (!todo.isEmpty()) {
      FlowNode node = todo.poll();
      if (removed.contains(node.getId()) || !seen.add(node.getId())) {
        continue;
      }
      for (SequenceFlow flow : node.getOutgoing()) {
        todo.add(flow.getTarget());
      }
    }
    return seen;
  }
}
