package vn.thongsuot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.thongsuot.AppTest;
import vn.thongsuot.calendar.WorkingDayCalendar;

/**
 * The legal-basis block of every row of the deadline decision, as officials read it on forms, in
 * mails and in the API: what the texts say ("Căn cứ", checked only), what nobody could check (said
 * so, never as a basis), and what this system sets ("Quy định của hệ thống": day counts, the hour a
 * day ends, where an administrator changes them), never an internal name.
 */
@AppTest
class LegalBasisTest {

  static final Instant NOW = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, WorkingDayCalendar.VIETNAM).toInstant();

  @Autowired EscalationLadder ladder;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = """
      DEPARTMENT, NORMAL, 7
      DEPARTMENT, URGENT, 3
      PROVINCE, NORMAL, 10
      PROVINCE, URGENT, 5
      MINISTRY, NORMAL, 15
      MINISTRY, URGENT, 7
      GOVERNMENT, NORMAL, 2
      NATIONAL_ASSEMBLY, NORMAL, 10
      ROADMAP, NORMAL, 20
      COMMUNE_INFO, NORMAL, 5
      COMMUNE_ASSESSMENT, URGENT, 5
      """)
  void everyRowSeparatesTheQuotedLawFromTheSystemsOwnRule(String row, Urgency urgency, int days) {
    String basis = ladder.deadlinesOf(row, urgency, NOW).legalBasis();
    List<String> parts = List.of(basis.split("\n"));
    assertThat(parts.get(0)).startsWith("Căn cứ: ")
        .contains("Bộ luật Lao động số 45/2019/QH14, điều 112 khoản 1 (nghỉ bù: điều 111 khoản 3)");
    String system = parts.get(parts.size() - 1);
    assertThat(system).startsWith("Quy định của hệ thống: ").contains("Thời hạn " + days + " ngày làm việc",
        "hạn kết thúc lúc 17:00 (giờ Việt Nam)", "không phải của văn bản nêu trên",
        "bảng quyết định “Thời hạn xử lý theo cấp và mức độ khẩn”");
    assertThat(basis).doesNotContain("LevelDeadline").doesNotContain("DMN").doesNotContain("IssueRouting");
    // A point of a conclusion that nobody could check appears only where it says so.
    assertThat(parts.get(0)).doesNotContain("điểm 9").doesNotContain("điểm 3");
    parts.stream().filter(p -> p.contains("điểm 9") || p.contains("điểm 3") || p.contains("195-KL/TW"))
        .forEach(p -> assertThat(p).startsWith("Chưa đối chiếu với văn bản gốc (không dùng làm căn cứ): ")
            .contains("chưa"));
  }

  @Test
  void theGovernmentsImmediatelyIsTheShortestDeadlineOfTheLadderAndSaidToBeTheSystems() {
    String basis = ladder.deadlinesOf("GOVERNMENT", Urgency.NORMAL, NOW).legalBasis();
    assertThat(basis).contains("“Giải quyết ngay” không phải là một số ngày do văn bản quy định",
        "chỉ đối chiếu được qua bản dịch tiếng Anh");
    int government = ladder.deadlinesOf("GOVERNMENT", Urgency.NORMAL, NOW).deadlineDays();
    for (String level : List.of("DEPARTMENT", "PROVINCE", "MINISTRY", "NATIONAL_ASSEMBLY")) {
      for (Urgency urgency : Urgency.values()) {
        assertThat(government).as(level + " " + urgency)
            .isLessThan(ladder.deadlinesOf(level, urgency, NOW).deadlineDays());
      }
    }
  }

  @Test
  void theNationalAssemblyRowDoesNotTurnTheTenthSessionIntoARule() {
    String basis = ladder.deadlinesOf("NATIONAL_ASSEMBLY", Urgency.NORMAL, NOW).legalBasis();
    assertThat(basis).contains("Kỳ họp thứ 10, Quốc hội khóa XV", "không phải quy định chung cho mọi kỳ họp",
        "quy định của hệ thống Thông suốt", "Ủy ban Thường vụ Quốc hội");
    assertThat(basis.split("\n")[0]).doesNotContain("kỳ họp gần nhất");
  }

  @Test
  void theMinistryRowQuotesPointTwoOfConclusion202AsPublished() {
    String basis = ladder.deadlinesOf("MINISTRY", Urgency.NORMAL, NOW).legalBasis();
    assertThat(basis.split("\n")[0]).contains("Kết luận số 202-KL/TW ngày 31/10/2025", "điểm 2 (trích)",
        "các ban, bộ, ngành Trung ương chủ động, khẩn trương triển khai, hoàn thành các nhiệm vụ thuộc thẩm quyền");
    assertThat(basis).doesNotContain("chuyển đến cơ quan có thẩm quyền xử lý");
  }
}
