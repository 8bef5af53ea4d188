package vn.thongsuot.escalation;

import java.net.URI;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/** The issue API: file, list, read, withdraw, extend. Authenticated like {@code /engine-rest}. */
@RestController
@RequestMapping(path = "/api/issues", produces = MediaType.APPLICATION_JSON_VALUE)
class IssueController {

  private final IssueFiling filing;
  private final IssueQueries queries;
  private final IssueWithdrawal withdrawal;
  private final DeadlineExtension extension;

  IssueController(IssueFiling filing, IssueQueries queries, IssueWithdrawal withdrawal,
      DeadlineExtension extension) {
    this.filing = filing;
    this.queries = queries;
    this.withdrawal = withdrawal;
    this.extension = extension;
  }

  @PostMapping
  ResponseEntity<IssueView> file(@RequestBody FilingRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    CurrentOfficial official = CurrentOfficial.fromSecurityContext();
    IssueFiling.Filed filed;
    try {
      filed = filing.file(request, official, idempotencyKey);
    } catch (DuplicateKeyException sameKeyAtTheSameTime) {
      filed = filing.earlierFiling(official.userId(), idempotencyKey)
          .map(number -> new IssueFiling.Filed(number, false))
          .orElseThrow(() -> sameKeyAtTheSameTime);
    }
    IssueView view = queries.view(filed.number(), official);
    return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/issues/" + filed.number()))
        .body(view);
  }

  /**
   * "Hồ sơ của đơn vị": the issues the caller's units filed, hold or have held (a supervisor's: its
   * province's), a page at a time, optionally of one status and one field.
   */
  @GetMapping
  IssueList list(@RequestParam(required = false) String status, @RequestParam(required = false) String field,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return queries.list(status, field, page, size, CurrentOfficial.fromSecurityContext());
  }

  /** The choices of the list's filters: every status and every field (the routing decision owns them). */
  @GetMapping("/filters")
  IssueList.Filters filters() {
    return queries.filters();
  }

  @GetMapping("/{number}")
  IssueView read(@PathVariable String number) {
    return queries.view(number, CurrentOfficial.fromSecurityContext());
  }

  @PostMapping("/{number}/withdrawal")
  IssueView withdraw(@PathVariable String number, @RequestBody(required = false) Map<String, Object> body) {
    CurrentOfficial official = CurrentOfficial.fromSecurityContext();
    withdrawal.withdraw(number, text(body, "reason"), official);
    return queries.view(number, official);
  }

  @PostMapping("/{number}/deadline-extension")
  IssueView extend(@PathVariable String number, @RequestBody(required = false) Map<String, Object> body) {
    CurrentOfficial official = CurrentOfficial.fromSecurityContext();
    Object days = body == null ? null : body.get("workingDays");
    if (days != null && !(days instanceof Integer)) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "workingDays phải là số nguyên ngày làm việc, ví dụ 5.");
    }
    extension.extend(number, (Integer) days, text(body, "reason"), official);
    return queries.view(number, official);
  }

  private static String text(Map<String, Object> body, String name) {
    Object value = body == null ? null : body.get(name);
    if (value != null && !(value instanceof String)) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID, name + " phải là chuỗi ký tự.");
    }
    return (String) value;
  }
}
