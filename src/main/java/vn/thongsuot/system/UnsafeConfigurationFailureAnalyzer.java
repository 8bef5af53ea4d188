package vn.thongsuot.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into a short message an operator can act on, instead of a stack trace. */
class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
    return new FailureAnalysis(
        "Thông suốt refused to start:\n  - " + String.join("\n  - ", cause.problems()),
        "Set the environment variables listed in README.md (Configuration), or run with"
            + " SPRING_PROFILES_ACTIVE=demo for a local demonstration.",
        cause);
  }
}
