package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.CALL_DEPARTMENT_GUIDANCE;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.CALL_GOVERNMENT_DECISION;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.CALL_MINISTRY_HANDLING;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.CALL_NATIONAL_ASSEMBLY_AGENDA;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.CALL_PROVINCIAL_DECISION;
import static vn.thongsuot.escalation.process.CommuneIssueEscalationModel.TASK_ASSESS_ANSWER;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The diagrams stay readable: every flow node and sequence flow is drawn, nothing is drawn on top
 * of anything else, no two flows run along the same line, every flow starts and ends on the outline
 * of its own source and target, and the escalation ladder reads in order. Only the diagram
 * interchange is read; the tests say nothing about execution.
 */
class CommuneIssueEscalationDiagramTest {

  static final double TOLERANCE = 2;
  static final double MAX_WIDTH = 2400;

  @ParameterizedTest
  @ValueSource(strings = {"CommuneIssueEscalation.bpmn", "EscalationLevel.bpmn", "MonthlyReport.bpmn",
      "MailDelivery.bpmn"})
  void diagramIsComplete(String file) throws IOException {
    Diagram d = Diagram.read(file);
    for (FlowNode node : d.model.getModelElementsByType(FlowNode.class)) {
      assertThat(d.shapes).as("shape of %s", node.getId()).containsKey(node.getId());
    }
    for (SequenceFlow flow : d.model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(d.edges).as("edge of %s", flow.getId()).containsKey(flow.getId());
      assertThat(d.edges.get(flow.getId())).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
    }
    // an external label without bounds is placed by whatever tool opens the file: give it bounds
    for (FlowNode node : d.model.getModelElementsByType(FlowNode.class)) {
      if ((node instanceof Event || node instanceof Gateway) && hasName(node)) {
        assertThat(d.labels).as("label bounds of %s", node.getId()).containsKey(node.getId());
      }
    }
    for (SequenceFlow flow : d.model.getModelElementsByType(SequenceFlow.class)) {
      if (hasName(flow)) {
        assertThat(d.labels).as("label bounds of %s", flow.getId()).containsKey(flow.getId());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CommuneIssueEscalation.bpmn", "EscalationLevel.bpmn", "MonthlyReport.bpmn",
      "MailDelivery.bpmn"})
  void shapesHaveTheirSizesAndBoundaryEventsSitOnTheirTask(String file) throws IOException {
    Diagram d = Diagram.read(file);
    for (FlowNode node : d.model.getModelElementsByType(FlowNode.class)) {
      Rect r = d.shapes.get(node.getId());
      if (node instanceof Gateway) {
        assertThat(r.size()).as("size of %s", node.getId()).isEqualTo("50x50");
      } else if (node instanceof Event) {
        assertThat(r.size()).as("size of %s", node.getId()).isEqualTo("36x36");
      } else if (!(node instanceof SubProcess)) {
        assertThat(r.size()).as("size of %s", node.getId()).isEqualTo("100x80");
      }
    }
    for (BoundaryEvent event : d.model.getModelElementsByType(BoundaryEvent.class)) {
      Rect e = d.shapes.get(event.getId());
      Rect task = d.shapes.get(event.getAttachedTo().getId());
      assertThat(task.onBorder(e.cx(), e.cy(), 1)).as("%s on the border of its task", event.getId()).isTrue();
    }
    for (SubProcess sub : d.model.getModelElementsByType(SubProcess.class)) {
      Rect s = d.shapes.get(sub.getId());
      for (FlowNode child : sub.getChildElementsByType(FlowNode.class)) {
        assertThat(s.contains(d.shapes.get(child.getId()))).as("%s inside %s", child.getId(), sub.getId()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CommuneIssueEscalation.bpmn", "EscalationLevel.bpmn", "MonthlyReport.bpmn",
      "MailDelivery.bpmn"})
  void nothingOverlaps(String file) throws IOException {
    Diagram d = Diagram.read(file);
    List<String> shapeIds = new ArrayList<>(d.shapes.keySet());
    for (int i = 0; i < shapeIds.size(); i++) {
      for (int j = i + 1; j < shapeIds.size(); j++) {
        String a = shapeIds.get(i);
        String b = shapeIds.get(j);
        if (d.mayOverlap(a, b)) {
          continue;
        }
        assertThat(d.shapes.get(a).overlaps(d.shapes.get(b))).as("shapes %s and %s overlap", a, b).isFalse();
      }
    }
    List<String> labelIds = new ArrayList<>(d.labels.keySet());
    for (int i = 0; i < labelIds.size(); i++) {
      String a = labelIds.get(i);
      for (String s : shapeIds) {
        if (s.equals(d.parentOf(a))) {
          continue; // a label inside the expanded sub-process that holds its element
        }
        assertThat(d.labels.get(a).overlaps(d.shapes.get(s))).as("label of %s overlaps shape %s", a, s).isFalse();
      }
      for (int j = i + 1; j < labelIds.size(); j++) {
        String b = labelIds.get(j);
        assertThat(d.labels.get(a).overlaps(d.labels.get(b))).as("labels of %s and %s overlap", a, b).isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CommuneIssueEscalation.bpmn", "EscalationLevel.bpmn", "MonthlyReport.bpmn",
      "MailDelivery.bpmn"})
  void flowsNeverShareASegmentAndRunOnlyBetweenTheirOwnShapes(String file) throws IOException {
    Diagram d = Diagram.read(file);
    List<String> edgeIds = new ArrayList<>(d.edges.keySet());
    for (int i = 0; i < edgeIds.size(); i++) {
      for (int j = i + 1; j < edgeIds.size(); j++) {
        List<Point> a = d.edges.get(edgeIds.get(i));
        List<Point> b = d.edges.get(edgeIds.get(j));
        for (int s = 0; s + 1 < a.size(); s++) {
          for (int t = 0; t + 1 < b.size(); t++) {
            assertThat(sharedLength(a.get(s), a.get(s + 1), b.get(t), b.get(t + 1)))
                .as("%s and %s share a segment", edgeIds.get(i), edgeIds.get(j)).isLessThanOrEqualTo(0.5);
          }
        }
      }
    }
    for (SequenceFlow flow : d.model.getModelElementsByType(SequenceFlow.class)) {
      List<Point> w = d.edges.get(flow.getId());
      String source = flow.getSource().getId();
      String target = flow.getTarget().getId();
      for (int s = 0; s + 1 < w.size(); s++) {
        assertThat(w.get(s)).as("zero-length segment in %s", flow.getId()).isNotEqualTo(w.get(s + 1));
        for (Map.Entry<String, Rect> shape : d.shapes.entrySet()) {
          String id = shape.getKey();
          if (id.equals(source) || id.equals(target) || id.equals(d.parentOf(flow.getId()))
              || id.equals(d.attachedTo(source))) {
            continue;
          }
          assertThat(shape.getValue().crossedBy(w.get(s), w.get(s + 1), 1))
              .as("%s runs through %s", flow.getId(), id).isFalse();
        }
        for (Map.Entry<String, Rect> label : d.labels.entrySet()) {
          assertThat(label.getValue().crossedBy(w.get(s), w.get(s + 1), 0))
              .as("%s runs through the label of %s", flow.getId(), label.getKey()).isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CommuneIssueEscalation.bpmn", "EscalationLevel.bpmn", "MonthlyReport.bpmn",
      "MailDelivery.bpmn"})
  void flowsStartAndEndOnTheirShapes(String file) throws IOException {
    Diagram d = Diagram.read(file);
    for (SequenceFlow flow : d.model.getModelElementsByType(SequenceFlow.class)) {
      List<Point> w = d.edges.get(flow.getId());
      assertThat(d.onOutline(flow.getSource(), w.get(0)))
          .as("%s starts at %s on %s", flow.getId(), w.get(0), flow.getSource().getId()).isTrue();
      assertThat(d.onOutline(flow.getTarget(), w.get(w.size() - 1)))
          .as("%s ends at %s on %s", flow.getId(), w.get(w.size() - 1), flow.getTarget().getId()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CommuneIssueEscalation.bpmn", "EscalationLevel.bpmn", "MonthlyReport.bpmn",
      "MailDelivery.bpmn"})
  void diagramIsAtMost2400PixelsWide(String file) throws IOException {
    Diagram d = Diagram.read(file);
    assertThat(d.width()).isLessThanOrEqualTo(MAX_WIDTH);
  }

  /** Reading order: top to bottom, left to right within a row. */
  @Test
  void theRungsAreDrawnInLadderOrder() throws IOException {
    Diagram d = Diagram.read("CommuneIssueEscalation.bpmn");
    Rect department = d.shapes.get(CALL_DEPARTMENT_GUIDANCE);
    Rect province = d.shapes.get(CALL_PROVINCIAL_DECISION);
    Rect ministry = d.shapes.get(CALL_MINISTRY_HANDLING);
    Rect government = d.shapes.get(CALL_GOVERNMENT_DECISION);
    Rect assembly = d.shapes.get(CALL_NATIONAL_ASSEMBLY_AGENDA);
    assertThat(department.before(province)).as("department before provincial committee").isTrue();
    assertThat(province.before(ministry)).as("provincial committee before ministry").isTrue();
    assertThat(ministry.before(government)).as("ministry before Government").isTrue();
    assertThat(ministry.before(assembly)).as("ministry before National Assembly").isTrue();
    // the commune's assessment stands beside the rungs whose answers it assesses
    Rect assessment = d.shapes.get(TASK_ASSESS_ANSWER);
    for (Rect rung : List.of(department, province, ministry, government)) {
      assertThat(assessment.x).isGreaterThan(rung.x + rung.w);
    }
    assertThat(assessment.cy()).isBetween(department.y, government.y + government.h);
  }

  private static boolean hasName(ModelElementInstance element) {
    String name = element.getAttributeValue("name");
    return name != null && !name.isBlank();
  }

  /** Length of the stretch two segments share on one line, 0 if they are not collinear. */
  static double sharedLength(Point a, Point b, Point c, Point d) {
    double len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len == 0) {
      return 0;
    }
    if (Math.abs(cross(a, b, c)) / len > 0.5 || Math.abs(cross(a, b, d)) / len > 0.5) {
      return 0;
    }
    double ux = (b.x - a.x) / len;
    double uy = (b.y - a.y) / len;
    double tc = (c.x - a.x) * ux + (c.y - a.y) * uy;
    double td = (d.x - a.x) * ux + (d.y - a.y) * uy;
    return Math.min(len, Math.max(tc, td)) - Math.max(0, Math.min(tc, td));
  }

  private static double cross(Point o, Point p, Point q) {
    return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
  }

  record Point(double x, double y) {
    @Override
    public String toString() {
      return "(" + x + ", " + y + ")";
    }
  }

  record Rect(double x, double y, double w, double h) {
    static Rect of(Bounds b) {
      return new Rect(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    double cx() {
      return x + w / 2;
    }

    double cy() {
      return y + h / 2;
    }

    String size() {
      return Math.round(w) + "x" + Math.round(h);
    }

    /** Interiors intersect (touching edges is not overlapping). */
    boolean overlaps(Rect o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    boolean contains(Rect o) {
      return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
    }

    boolean within(double px, double py, double tol) {
      return px >= x - tol && px <= x + w + tol && py >= y - tol && py <= y + h + tol;
    }

    boolean onBorder(double px, double py, double tol) {
      return within(px, py, tol)
          && Math.min(Math.min(Math.abs(px - x), Math.abs(px - x - w)),
              Math.min(Math.abs(py - y), Math.abs(py - y - h))) <= tol;
    }

    /** The point lies on the diamond drawn in these bounds. */
    boolean onDiamond(double px, double py, double tol) {
      double d = Math.abs(px - cx()) / (w / 2) + Math.abs(py - cy()) / (h / 2);
      return within(px, py, tol) && Math.abs(d - 1) * (w / 2) / Math.sqrt(2) <= tol;
    }

    /** The point lies on the circle drawn in these bounds. */
    boolean onCircle(double px, double py, double tol) {
      return within(px, py, tol) && Math.abs(Math.hypot(px - cx(), py - cy()) - w / 2) <= tol;
    }

    /** A segment passes through the interior (shrunk by {@code margin}): Liang-Barsky clipping. */
    boolean crossedBy(Point p, Point q, double margin) {
      double x0 = x + margin;
      double y0 = y + margin;
      double x1 = x + w - margin;
      double y1 = y + h - margin;
      double dx = q.x - p.x;
      double dy = q.y - p.y;
      double t0 = 0;
      double t1 = 1;
      double[][] sides = {{-dx, p.x - x0}, {dx, x1 - p.x}, {-dy, p.y - y0}, {dy, y1 - p.y}};
      for (double[] side : sides) {
        if (side[0] == 0) {
          if (side[1] <= 0) {
            return false;
          }
        } else {
          double t = side[1] / side[0];
          if (side[0] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
        }
      }
      return t0 < t1 - 1e-9;
    }

    /** Reading order: a row above comes first; in the same row, the one further left. */
    boolean before(Rect o) {
      if (cy() + h / 2 <= o.cy() - o.h / 2) {
        return true;
      }
      return Math.abs(cy() - o.cy()) < h / 2 && cx() < o.cx() - w;
    }
  }

  /** The diagram interchange of one model, by the id of the element drawn. */
  static final class Diagram {
    final BpmnModelInstance model;
    final Map<String, Rect> shapes = new LinkedHashMap<>();
    final Map<String, List<Point>> edges = new LinkedHashMap<>();
    final Map<String, Rect> labels = new LinkedHashMap<>();

    private Diagram(BpmnModelInstance model) {
      this.model = model;
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        String id = shape.getBpmnElement().getId();
        shapes.put(id, Rect.of(shape.getBounds()));
        label(id, shape.getBpmnLabel());
      }
      for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
        String id = edge.getBpmnElement().getId();
        List<Point> points = new ArrayList<>();
        for (Waypoint w : edge.getWaypoints()) {
          points.add(new Point(w.getX(), w.getY()));
        }
        edges.put(id, points);
        label(id, edge.getBpmnLabel());
      }
    }

    static Diagram read(String file) throws IOException {
      try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
        return new Diagram(Bpmn.readModelFromStream(in));
      }
    }

    private void label(String id, BpmnLabel label) {
      if (label != null && label.getBounds() != null) {
        labels.put(id, Rect.of(label.getBounds()));
      }
    }

    /** The sub-process holding the element, or null. */
    String parentOf(String id) {
      ModelElementInstance parent = model.getModelElementById(id).getParentElement();
      return parent instanceof SubProcess sub ? sub.getId() : null;
    }

    String attachedTo(String id) {
      return model.getModelElementById(id) instanceof BoundaryEvent b ? b.getAttachedTo().getId() : null;
    }

    /** A boundary event with its task; an element of an expanded sub-process with the sub-process. */
    boolean mayOverlap(String a, String b) {
      return b.equals(attachedTo(a)) || a.equals(attachedTo(b)) || b.equals(parentOf(a)) || a.equals(parentOf(b));
    }

    /** On the drawn outline: the border of an activity, the diamond of a gateway, the circle of an event. */
    boolean onOutline(FlowNode node, Point p) {
      Rect r = shapes.get(node.getId());
      if (node instanceof Gateway) {
        return r.onDiamond(p.x, p.y, TOLERANCE);
      }
      if (node instanceof Event) {
        return r.onCircle(p.x, p.y, TOLERANCE);
      }
      return r.onBorder(p.x, p.y, TOLERANCE);
    }

    double width() {
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (Rect r : shapes.values()) {
        min = Math.min(min, r.x);
        max = Math.max(max, r.x + r.w);
      }
      for (Rect r : labels.values()) {
        min = Math.min(min, r.x);
        max = Math.max(max, r.x + r.w);
      }
      for (List<Point> points : edges.values()) {
        for (Point p : points) {
          min = Math.min(min, p.x);
          max = Math.max(max, p.x);
        }
      }
      return max - min;
    }
  }
}
