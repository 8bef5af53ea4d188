package vn.thongsuot.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.thongsuot.directory.Commune;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.system.PlainText;
import vn.thongsuot.system.RejectedRequest;

/**
 * What a filing must satisfy, wherever it comes from (our API, the Tasklist start form, the engine
 * REST API): a known commune the official belongs to, a known field, the texts filled in.
 */
@Component
public class FilingRules {

  static final int TITLE_MAX = 300;
  static final int TEXT_MAX = 4000;
  static final int REGULATION_MAX = 1000;
  private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9]{5}");

  private final UnitDirectory directory;
  private final EscalationLadder ladder;

  FilingRules(UnitDirectory directory, EscalationLadder ladder) {
    this.directory = directory;
    this.ladder = ladder;
  }

  /**
   * @param officialGroups the groups of the official filing; their commune groups decide which
   *     communes they may file for
   * @throws RejectedRequest with every problem found, nothing filed
   */
  public ValidFiling check(FilingRequest request, Set<String> officialGroups) {
    List<String> problems = new ArrayList<>();
    Commune commune = commune(request.communeCode(), officialGroups, problems);
    if (commune != null && !officialGroups.contains(UnitIds.commune(commune.code()))) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Anh/chị không thuộc UBND " + commune.name()
              + " nên không thể báo cáo vướng mắc thay cho đơn vị này.");
    }
    Optional<FieldRouting> routing = ladder.routing(trim(request.field()));
    if (routing.isEmpty()) {
      problems.add(isBlank(request.field())
          ? "Chưa chọn lĩnh vực của vướng mắc."
          : "Lĩnh vực '" + request.field() + "' không có trong danh mục lĩnh vực.");
    }
    String title = required(request.title(), TITLE_MAX, "Tiêu đề", problems);
    String description = required(request.description(), TEXT_MAX, "Nội dung vướng mắc", problems);
    String attempted = required(request.attempted(), TEXT_MAX, "Những việc xã đã làm để tháo gỡ", problems);
    String regulation = trim(request.regulation());
    if (regulation != null && regulation.length() > REGULATION_MAX) {
      problems.add("Văn bản quy định liên quan dài quá " + REGULATION_MAX + " ký tự.");
    } else if (!PlainText.isPlain(regulation)) {
      problems.add(PlainText.problem("Văn bản quy định liên quan"));
    }
    Urgency urgency = urgency(request.urgency(), problems);
    if (!problems.isEmpty()) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, problems);
    }
    return new ValidFiling(commune, routing.get(), title, description, attempted,
        isBlank(regulation) ? null : regulation, urgency);
  }

  private Commune commune(String code, Set<String> officialGroups, List<String> problems) {
    String trimmed = trim(code);
    if (isBlank(trimmed)) {
      List<String> own = officialGroups.stream()
          .map(UnitIds::communeCodeOf).flatMap(Optional::stream).sorted().toList();
      if (own.isEmpty()) {
        throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
            "Tài khoản của anh/chị không thuộc đơn vị cấp xã nào; chỉ cán bộ cấp xã báo cáo vướng mắc.");
      }
      if (own.size() > 1) {
        problems.add("Anh/chị thuộc nhiều đơn vị cấp xã (" + String.join(", ", own)
            + "): hãy ghi mã đơn vị báo cáo vướng mắc.");
        return null;
      }
      trimmed = own.get(0);
    }
    if (!COMMUNE_CODE.matcher(trimmed).matches()) {
      problems.add("Mã đơn vị cấp xã '" + trimmed + "' không hợp lệ: mã gồm 5 chữ số, ví dụ 10507.");
      return null;
    }
    Optional<Commune> commune = directory.commune(trimmed);
    if (commune.isEmpty()) {
      problems.add("Không có đơn vị cấp xã mã '" + trimmed + "' trong danh mục đơn vị hành chính.");
      return null;
    }
    return commune.get();
  }

  private static String required(String value, int max, String label, List<String> problems) {
    String trimmed = trim(value);
    if (isBlank(trimmed)) {
      problems.add(label + " không được để trống.");
    } else if (trimmed.length() > max) {
      problems.add(label + " dài quá " + max + " ký tự.");
    } else if (!PlainText.isPlain(trimmed)) {
      problems.add(PlainText.problem(label));
    }
    return trimmed;
  }

  private static Urgency urgency(String value, List<String> problems) {
    if (isBlank(value)) {
      return Urgency.NORMAL;
    }
    try {
      return Urgency.valueOf(value.trim());
    } catch (IllegalArgumentException e) {
      problems.add("Mức độ '" + value + "' không hợp lệ: chọn NORMAL (thông thường) hoặc URGENT (khẩn).");
      return Urgency.NORMAL;
    }
  }

  static String trim(String value) {
    return value == null ? null : value.strip();
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
