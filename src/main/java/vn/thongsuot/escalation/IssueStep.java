package vn.thongsuot.escalation;

import java.time.Instant;

/**
 * What happened to an issue's holders, published inside the transaction that records it (by
 * {@link IssueJournal}): features that keep their own view of the ladder, such as the board's read
 * model, listen to these instead of being called. Each step names the issue, the unit concerned and,
 * where one applies, its deadline.
 */
public sealed interface IssueStep {

  String issueNumber();

  /** A commune filed the issue (its first step; the department's {@link Held} follows). */
  record Filed(String issueNumber, String provinceCode, String field, Instant at) implements IssueStep {}

  /** A unit now holds the issue at a stage (a level of the ladder, or a commune task). */
  record Held(String issueNumber, String provinceCode, String field, Stage stage, String unitGroup, Instant at,
      Instant deadline, boolean arrivedEscalated) implements IssueStep {}

  /** The unit holding it answered; {@code outcome} NO_ANSWER when its escalation timer answered for it. */
  record Answered(String issueNumber, String unitGroup, String outcome, Instant at) implements IssueStep {}

  /** The holder's deadline moved (an extension, a resumed clock). */
  record DeadlineMoved(String issueNumber, String unitGroup, Instant deadline) implements IssueStep {}

  /** The commune withdrew the issue. */
  record Withdrawn(String issueNumber, Instant at) implements IssueStep {}
}
