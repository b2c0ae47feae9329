package io.github.klingjava.task;

import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.KlingException;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The wait for one task: poll, look at the status, schedule the next poll or finish. Never blocks a
 * thread between polls. A callback can finish it early through {@link #accept(Task, String)}.
 */
final class PollLoop {

  private static final System.Logger LOG = System.getLogger(TaskWaiter.class.getName());

  private final String taskId;
  private final TaskPoller poller;
  private final PollScheduler scheduler;
  private final Clock clock;
  private final Backoff backoff;
  private final Predicate<Throwable> transientError;
  private final CompletableFuture<Task> result = new CompletableFuture<>();
  private final AtomicBoolean unknownLogged = new AtomicBoolean();
  private final Instant start;
  private final Instant deadline;

  private volatile TaskStatus lastStatus;
  // Guarded by this: the schedule is only touched by the thread that decides the next step.
  private int attempt;
  private boolean lastChance;
  private ScheduledFuture<?> pending;

  PollLoop(String taskId, WaitOptions options, Dependencies deps) {
    this.taskId = taskId;
    this.poller = deps.poller;
    this.scheduler = deps.scheduler;
    this.clock = deps.clock;
    this.backoff = new Backoff(options, deps.random);
    this.transientError = deps.transientError;
    this.start = clock.instant();
    this.deadline = start.plus(options.timeout());
    // Whoever finishes the wait (poll, callback, deadline, caller's cancel) stops further polls.
    result.whenComplete((task, error) -> cancelPending());
  }

  String taskId() {
    return taskId;
  }

  CompletableFuture<Task> result() {
    return result;
  }

  void start() {
    scheduleNext(Duration.ZERO);
  }

  /**
   * Takes a snapshot of the task from a poll or a callback.
   *
   * @param task the task as reported
   * @param requestId the response's request id, or null
   * @return true when the snapshot ended the wait
   */
  boolean accept(Task task, String requestId) {
    TaskStatus status = TaskStatus.ofTask(task);
    lastStatus = status;
    if (TaskStatus.SUCCEED.equals(status)) {
      return result.complete(task);
    }
    if (TaskStatus.FAILED.equals(status)) {
      return result.completeExceptionally(new TaskFailedException(task, requestId));
    }
    if (status == null || !status.isKnown()) {
      logUnknownOnce(status);
    }
    return false;
  }

  private void pollOnce() {
    if (result.isDone()) {
      return;
    }
    TaskResponse response;
    try {
      response = poller.poll(taskId);
    } catch (Throwable error) {
      onError(error);
      return;
    }
    Task task = response == null ? null : response.getData();
    if (task == null) {
      result.completeExceptionally(new KlingException(
          "The query of task " + taskId + " answered without a task (no data)"));
      return;
    }
    if (!accept(task, response.getRequestId())) {
      scheduleNext(Duration.ZERO);
    }
  }

  private void onError(Throwable error) {
    if (!transientError.test(error)) {
      result.completeExceptionally(error);
      return;
    }
    Duration retryAfter = Duration.ZERO;
    if (error instanceof KlingApiException) {
      retryAfter = ((KlingApiException) error).retryAfter().orElse(Duration.ZERO);
    }
    LOG.log(Level.DEBUG, () -> "Poll of task " + taskId + " failed transiently ("
        + error.getClass().getSimpleName() + "); polling again");
    scheduleNext(retryAfter);
  }

  /** Schedules the next poll no sooner than the backoff and {@code atLeast} allow. */
  private synchronized void scheduleNext(Duration atLeast) {
    if (result.isDone()) {
      return;
    }
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (lastChance || remaining.isNegative() || remaining.isZero()) {
      timeOut();
      return;
    }
    Duration delay = max(backoff.delay(attempt++), atLeast);
    if (delay.compareTo(remaining) >= 0) {
      if (atLeast.compareTo(remaining) >= 0) {
        // The server asked us to stay away past the deadline: polling earlier would be rude.
        pending = scheduler.schedule(this::timeOut, remaining);
        return;
      }
      // One last poll exactly at the deadline, so a task finishing just in time is not lost.
      lastChance = true;
      delay = remaining;
    }
    pending = scheduler.schedule(this::pollOnce, delay);
  }

  private void timeOut() {
    Duration elapsed = Duration.between(start, clock.instant());
    result.completeExceptionally(new TaskTimeoutException(taskId, lastStatus, elapsed));
  }

  private synchronized void cancelPending() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  private void logUnknownOnce(TaskStatus status) {
    if (unknownLogged.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "Task {0} reports status ''{1}'', unknown to this client version; "
          + "polling continues until it succeeds, fails or the deadline passes", taskId,
          status == null ? "(absent)" : status.value());
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** What every loop of one waiter shares. */
  static final class Dependencies {
    final TaskPoller poller;
    final PollScheduler scheduler;
    final Clock clock;
    final java.util.function.DoubleSupplier random;
    final Predicate<Throwable> transientError;

    Dependencies(TaskPoller poller, PollScheduler scheduler, Clock clock,
        java.util.function.DoubleSupplier random, Predicate<Throwable> transientError) {
      this.poller = poller;
      this.scheduler = scheduler;
      this.clock = clock;
      this.random = random;
      this.transientError = transientError;
    }
  }
}
