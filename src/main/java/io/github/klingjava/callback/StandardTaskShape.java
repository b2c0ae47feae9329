package io.github.klingjava.callback;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.NewStandardTasks;

/**
 * The new-standard callback body ({@code id, status, message, create_time, update_time,
 * external_id, outputs, billing}; Kling's 2026 "new API") read as the legacy task the receiver
 * and the waiter work with, by {@link NewStandardTasks#adopt} (the same reading the new standard's
 * batch polling uses): {@code succeeded} is Kling's legacy {@code succeed}, the outputs fill
 * {@code task_result}, and every original property stays readable in the task's additional
 * properties ({@code outputs}, {@code billing}, the original {@code status}).
 */
final class StandardTaskShape {

  private StandardTaskShape() {
  }

  static Task adopt(Task task) {
    return NewStandardTasks.adopt(task);
  }
}
