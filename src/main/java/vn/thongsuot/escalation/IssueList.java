package vn.thongsuot.escalation;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/issues}: one page of the issues the official's units filed, hold or have held
 * ("Hồ sơ của đơn vị"), with where each stands. {@code total} counts every page.
 */
public record IssueList(int page, int size, long total, List<Item> items) {

  /**
   * One issue: its status, who holds it now and until when ({@code deadline} and its text in
   * Vietnam's time; null once closed), whether that deadline is provisional (it crosses a Tết whose
   * break is not announced yet), and {@code heldByCaller}: one of the caller's units holds it now.
   */
  public record Item(
      String number,
      String status,
      String statusLabel,
      String title,
      String communeCode,
      String communeName,
      String field,
      String fieldName,
      Instant filedAt,
      String level,
      String levelLabel,
      String unitGroup,
      String unitName,
      boolean heldByCaller,
      Instant deadline,
      String deadlineText,
      Integer workingDaysLeft,
      boolean overdue,
      boolean deadlineProvisional) {}

  /** {@code GET /api/issues/filters}: the codes the list's filters take, each with its Vietnamese name. */
  public record Filters(List<Choice> statuses, List<Choice> fields) {}

  public record Choice(String code, String label) {}
}
