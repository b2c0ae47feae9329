package io.github.klingjava.task;

import io.github.klingjava.generated.model.TaskResponse;

/**
 * Fetches the current state of one task: one HTTP query, no waiting. The facade's
 * {@code service::get} fits it; {@link TaskWaiter} calls it from its poll threads.
 *
 * <pre>{@code
 * TaskPoller poller = client.imageGeneration()::get;
 * }</pre>
 *
 * <p>Implementations throw {@link io.github.klingjava.error.KlingApiException} for API errors;
 * the waiter keeps polling on retryable ones (429, 5xx) and fails on the others.
 */
@FunctionalInterface
public interface TaskPoller {

  /**
   * Queries a task once.
   *
   * @param taskId the {@code task_id} (or the caller's {@code external_task_id})
   * @return the envelope whose {@code data} is the task
   */
  TaskResponse poll(String taskId);

  /**
   * Queries a task once, within a time limit: the waiter passes the time left before its deadline
   * (plus a small grace), so one slow poll cannot hold a wait past it. The default ignores the limit
   * (the waiter still returns at its deadline; the slow query then finishes unobserved).
   *
   * @param taskId the {@code task_id} (or the caller's {@code external_task_id})
   * @param timeLimit how long this query may take, retries included
   * @return the envelope whose {@code data} is the task
   */
  default TaskResponse poll(String taskId, java.time.Duration timeLimit) {
    return poll(taskId);
  }
}
