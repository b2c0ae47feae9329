package io.github.klingjava.task;

import io.github.klingjava.error.KlingException;
import java.time.Duration;
import java.util.Optional;

/**
 * The wait reached its deadline ({@link WaitOptions#timeout()}) before the task ended. The task
 * itself may still finish: wait again or query it later with the same id.
 */
public final class TaskTimeoutException extends KlingException {

  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final transient TaskStatus lastStatus;
  private final Duration elapsed;

  /**
   * @param taskId the task waited on
   * @param lastStatus the last status seen, or null when no poll answered
   * @param elapsed how long the wait lasted
   */
  public TaskTimeoutException(String taskId, TaskStatus lastStatus, Duration elapsed) {
    super("Task " + taskId + " did not finish within " + elapsed + " (last status: "
        + (lastStatus == null ? "none seen" : lastStatus.value()) + ")");
    this.taskId = taskId;
    this.lastStatus = lastStatus;
    this.elapsed = elapsed;
  }

  /** @return the task id */
  public String taskId() {
    return taskId;
  }

  /** @return the last status a poll or callback reported, empty when none answered */
  public Optional<TaskStatus> lastStatus() {
    return Optional.ofNullable(lastStatus);
  }

  /** @return how long the wait lasted */
  public Duration elapsed() {
    return elapsed;
  }
}
