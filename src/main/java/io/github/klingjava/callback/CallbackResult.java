package io.github.klingjava.callback;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.TaskStatus;
import java.util.Optional;

/**
 * What {@link CallbackReceiver} made of one callback, and the HTTP status to answer with. Never
 * carries the expected or the presented token.
 *
 * <pre>{@code
 * CallbackResult result = receiver.receive(body, requestUrl, headers);
 * response.setStatus(result.httpStatus());                 // 200, or 400/401/413 when rejected
 * }</pre>
 */
public final class CallbackResult {

  /** The three ways a callback can go. */
  public enum Outcome {
    /** A new task state; handed to the waiter and listeners. */
    ACCEPTED,
    /** Seen before (same {@code task_id} and {@code updated_at}); nothing was done. */
    DUPLICATE,
    /** Not authenticated or not readable; nothing was done. */
    REJECTED
  }

  private final Outcome outcome;
  private final int httpStatus;
  private final String reason;
  private final Task task;
  private final boolean matchedWait;

  private CallbackResult(Outcome outcome, int httpStatus, String reason, Task task,
      boolean matchedWait) {
    this.outcome = outcome;
    this.httpStatus = httpStatus;
    this.reason = reason;
    this.task = task;
    this.matchedWait = matchedWait;
  }

  static CallbackResult accepted(Task task, boolean matchedWait) {
    return new CallbackResult(Outcome.ACCEPTED, 200, "accepted", task, matchedWait);
  }

  static CallbackResult duplicate(Task task) {
    return new CallbackResult(Outcome.DUPLICATE, 200, "duplicate", task, false);
  }

  static CallbackResult rejected(int httpStatus, String reason) {
    return new CallbackResult(Outcome.REJECTED, httpStatus, reason, null, false);
  }

  /** @return accepted, duplicate or rejected */
  public Outcome outcome() {
    return outcome;
  }

  /** @return true for {@link Outcome#ACCEPTED} */
  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }

  /**
   * @return the status for the vendor: 200 for accepted and duplicate (so it stops resending), 401
   *     for a missing or wrong token, 400 for an unreadable body, 413 for an oversized one
   */
  public int httpStatus() {
    return httpStatus;
  }

  /** @return a short, safe explanation such as "wrong token" or "malformed body" */
  public String reason() {
    return reason;
  }

  /** @return the task the callback carried, empty when rejected */
  public Optional<Task> task() {
    return Optional.ofNullable(task);
  }

  /**
   * @return the task the callback carried as the view both standards share (a new-standard body reads
   *     {@code succeeded}, {@code outputs[]}, {@code billing[]}), empty when rejected
   */
  public Optional<io.github.klingjava.task.TaskView> view() {
    return task().map(io.github.klingjava.task.TaskView::of);
  }

  /** @return true when an outstanding wait was waiting for this task */
  public boolean matchedWait() {
    return matchedWait;
  }

  @Override
  public String toString() {
    return "CallbackResult{" + outcome + ", " + httpStatus + ", " + reason
        + (task == null ? "" : ", task_id=" + task.getTaskId()
            + ", status=" + TaskStatus.ofTask(task))
        + '}';
  }
}
