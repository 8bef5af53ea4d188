package vn.thongsuot.escalation;

import java.time.Instant;
import java.util.Optional;

/**
 * The escalation process as the use-case services see it, whatever engine runs it: start an issue,
 * withdraw it, find and move the level that waits for an answer. Implemented by the engine glue
 * ({@code process/EscalationProcess}); the services never name a model's ids or variables.
 */
public interface IssueProcess {

  /** Whether a process definition key is the escalation's (the one communes start). */
  boolean isEscalation(String processDefinitionKey);

  /** Starts the escalation of a checked filing; the issue's number. */
  String start(ValidFiling filing, String filedBy);

  void withdraw(String issueInstanceId, String reason, String withdrawnBy);

  /** The level whose unit is asked to answer now, if the issue waits for one. */
  Optional<OpenLevel> openLevel(String issueNumber);

  /**
   * Moves the level's task due date, follow-up date (and the deadline its form shows) and timers, as
   * {@code by} (named in Camunda's audit log; our own check decided they may).
   */
  void move(OpenLevel level, Move move, String by);

  /**
   * A level waiting for its unit's answer: its deadline, the offsets of its reminder and escalation,
   * and what its deadline was counted from ({@code countedFrom}, {@code countedWorkingDays}: null
   * for a level started before the calendar could be changed at run time).
   */
  record OpenLevel(String levelInstanceId, Instant deadline, int reminderDays, Integer escalationDays,
      Instant countedFrom, Integer countedWorkingDays) {}

  /**
   * Where a level's dates move; {@code countedWorkingDays} the new length of its count (null: keep
   * as it is), so a later change of the calendar recounts the level with the extension in it.
   */
  record Move(Instant reminderAt, Instant deadline, Instant escalateAt, boolean provisional,
      Integer countedWorkingDays) {}
}
