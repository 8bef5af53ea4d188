package vn.thongsuot.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English texts of Camunda 7.24 that our error answers read, where the engine gives no better
 * sign than its message (no exception type of its own). In one place, each produced by the real
 * engine in {@code EngineTextsTest}: an upgrade that changes one fails that test, not an official.
 */
final class EngineTexts {

  private static final Pattern MISSING_TASK = Pattern.compile("Cannot find task with id (\\S+?):");
  private static final Pattern NOT_FOUND = Pattern.compile(
      "(?i)(doesn't exist|does not exist|\\bnot found\\b|^no .*\\bfound\\b|\\bno deployed\\b|^cannot find\\b)");
  private static final Pattern NO_MESSAGE_SUBSCRIPTION =
      Pattern.compile("does not have a subscription to a message event");
  /** Camunda's code for a condition evaluation that no start event or subscription matched. */
  private static final String NO_CONDITION_SUBSCRIPTION = "ENGINE-13043";

  private EngineTexts() {}

  /** The id in "Cannot find task with id X: task is null". */
  static Optional<String> missingTask(String message) {
    Matcher matcher = message == null ? null : MISSING_TASK.matcher(message);
    return matcher != null && matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** An entity the caller named does not exist ("No user found with id", "task x doesn't exist"...). */
  static boolean saysNotFound(String message) {
    return message != null && NOT_FOUND.matcher(message).find();
  }

  static boolean saysNoMessageSubscription(String message) {
    return message != null && NO_MESSAGE_SUBSCRIPTION.matcher(message).find();
  }

  static boolean saysNoConditionSubscription(String message) {
    return message != null && message.startsWith(NO_CONDITION_SUBSCRIPTION);
  }
}
