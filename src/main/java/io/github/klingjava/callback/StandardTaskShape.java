package io.github.klingjava.callback;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskInfo;
import io.github.klingjava.task.TaskStatus;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The new-standard callback body ({@code id, status, message, create_time, update_time,
 * external_id, outputs, billing}; Kling's 2026 "new API") read as the legacy task the receiver
 * and the waiter work with. The new status word {@code succeeded} is Kling's legacy
 * {@code succeed}; every original property stays readable in the task's additional properties
 * ({@code outputs}, {@code billing}, the original {@code status}).
 */
final class StandardTaskShape {

  private StandardTaskShape() {
  }

  /**
   * @param task a body parsed as a legacy task
   * @return the same task when it has a {@code task_id}; for a new-standard body (an {@code id}
   *     and no {@code task_id}) the task with the legacy fields filled in
   */
  static Task adopt(Task task) {
    Map<String, Object> extra = task.getAdditionalProperties();
    if (task.getTaskId() != null || !(extra.get("id") != null)) {
      return task;
    }
    String status = text(extra.get("status"));
    task.taskId(text(extra.get("id")))
        .taskStatus(status == null ? null : TaskStatus.of("succeeded".equals(status) ? "succeed"
            : status))
        .taskStatusMsg(text(extra.get("message")))
        .createdAt(number(extra.get("create_time")))
        .updatedAt(number(extra.get("update_time")));
    String external = text(extra.get("external_id"));
    if (external != null && task.getTaskInfo() == null) {
      task.taskInfo(new TaskInfo().externalTaskId(external));
    }
    return task;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : value.toString();
  }

  private static Long number(Object value) {
    try {
      return value == null ? null : new BigDecimal(text(value)).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
