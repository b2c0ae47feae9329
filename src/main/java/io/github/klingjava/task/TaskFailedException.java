package io.github.klingjava.task;

import io.github.klingjava.error.KlingException;
import io.github.klingjava.generated.model.Task;
import java.util.Optional;

/**
 * The task ended in {@code failed}. This is not an HTTP error: Kling answers {@code code: 0}
 * and puts the reason (e.g. a content risk control) in {@code task_status_msg}.
 *
 * <pre>{@code
 * try {
 *   waiter.waitFor(taskId, WaitOptions.defaults());
 * } catch (TaskFailedException e) {
 *   log.warn("task {} failed: {}", e.taskId(), e.statusMessage());
 * }
 * }</pre>
 */
public final class TaskFailedException extends KlingException {

  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final String statusMessage;
  private final String requestId;
  private final transient Task task;

  /**
   * @param task the failed task
   * @param requestId the request id of the response that reported it, or null (callbacks have none)
   */
  public TaskFailedException(Task task, String requestId) {
    super(describe(task, requestId));
    this.taskId = task.getTaskId();
    this.statusMessage = task.getTaskStatusMsg();
    this.requestId = requestId;
    this.task = task;
  }

  private static String describe(Task task, String requestId) {
    String reason = task.getTaskStatusMsg();
    return "Task " + task.getTaskId() + " failed: "
        + (reason == null || reason.isEmpty() ? "(no reason given)" : reason)
        + (requestId == null ? "" : " [request_id " + requestId + "]");
  }

  /** @return the task id */
  public String taskId() {
    return taskId;
  }

  /** @return Kling's reason ({@code task_status_msg}), possibly empty or null */
  public String statusMessage() {
    return statusMessage;
  }

  /** @return the request id of the response that reported the failure, for Kling support */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** @return the failed task as reported, or null after deserialization */
  public Task task() {
    return task;
  }
}
