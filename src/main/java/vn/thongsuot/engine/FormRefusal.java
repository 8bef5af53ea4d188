package vn.thongsuot.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission the server's own check refuses, thrown from the step right after the user task:
 * Tasklist and both REST mounts answer 400 with the message, and the task is not completed
 * (an exception of a task listener would reach them as a 500).
 */
public final class FormRefusal {

  private FormRefusal() {}

  public static RuntimeException of(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}
