package vn.thongsuot.escalation;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.thongsuot.engine.EngineClock;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * Files an issue for an official through our API: checks it, starts the escalation process and
 * remembers the request's Idempotency-Key in the same transaction, so a retry files nothing new.
 */
@Service
public class IssueFiling {

  static final int IDEMPOTENCY_KEY_MAX = 128;

  private final FilingRules rules;
  private final IssueProcess process;
  private final JdbcTemplate jdbc;

  IssueFiling(FilingRules rules, IssueProcess process, JdbcTemplate jdbc) {
    this.rules = rules;
    this.process = process;
    this.jdbc = jdbc;
  }

  /** @return the issue number, new or (for a repeated key) the one filed the first time */
  @Transactional
  public Filed file(FilingRequest request, CurrentOfficial official, String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_MAX)) {
      throw new RejectedRequest(RejectedRequest.Reason.INVALID,
          "Idempotency-Key phải có từ 1 đến " + IDEMPOTENCY_KEY_MAX + " ký tự.");
    }
    Optional<String> earlier = earlierFiling(official.userId(), idempotencyKey);
    if (earlier.isPresent()) {
      return new Filed(earlier.get(), false);
    }
    ValidFiling filing = rules.check(request, official.groupIds());
    String number = process.start(filing, official.userId());
    if (idempotencyKey != null) {
      // A concurrent twin with the same key makes this insert fail and the whole filing roll back.
      jdbc.update("INSERT INTO ts_idempotency_key (user_id, idempotency_key, issue_number, created_at)"
          + " VALUES (?, ?, ?, ?)", official.userId(), idempotencyKey, number,
          Timestamp.from(EngineClock.now()));
    }
    return new Filed(number, true);
  }

  public Optional<String> earlierFiling(String userId, String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT issue_number FROM ts_idempotency_key WHERE user_id = ?"
        + " AND idempotency_key = ?", String.class, userId, idempotencyKey).stream().findFirst();
  }

  /** The number of the filed issue and whether this request created it. */
  public record Filed(String number, boolean created) {}

}
