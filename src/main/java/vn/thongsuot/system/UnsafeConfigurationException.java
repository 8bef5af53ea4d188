package vn.thongsuot.system;

import java.util.List;

/** Thrown at start-up when the configuration would run the service unsafely. */
public class UnsafeConfigurationException extends RuntimeException {

  private final List<String> problems;

  UnsafeConfigurationException(List<String> problems) {
    super("Unsafe configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
