package io.github.klingjava.task;

import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.KlingException;
import io.github.klingjava.error.SecretMask;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
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

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskWaiter.class);
  /**
   * Time a wait may run past its deadline: the last poll's own limit. A guard timer ends the wait at
   * deadline + GRACE + GUARD_SLACK even while a poll is still in flight.
   */
  static final Duration GRACE = Duration.ofMillis(250);
  private static final Duration GUARD_SLACK = Duration.ofMillis(50);

  private final String taskId;
  private final TaskPoller poller;
  private final PollScheduler scheduler;
  private final Clock clock;
  private final Backoff backoff;
  private final java.util.function.DoubleSupplier random;
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
    this.backoff = Backoff.of(options.initialDelay(), options.multiplier(), options.maxInterval(),
        options.jitter());
    this.random = deps.random;
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
    ScheduledFuture<?> guard = scheduler.schedule(this::timeOut,
        Duration.between(clock.instant(), deadline).plus(GRACE).plus(GUARD_SLACK));
    result.whenComplete((task, error) -> guard.cancel(false));
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
      Duration left = Duration.between(clock.instant(), deadline);
      response = poller.poll(taskId, (left.isNegative() ? Duration.ZERO : left).plus(GRACE));
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
    LOG.debug("Poll of task {} failed transiently ({}); polling again", taskId,
        error.getClass().getSimpleName());
    scheduleNext(retryAfter);
  }

  /**
   * Schedules the next poll no sooner than the backoff and {@code atLeast} allow. The decision is
   * taken under this loop's lock; the scheduler is called outside it, so no lock of ours is ever
   * held while a scheduler (or a callback thread finishing the wait) takes its own.
   */
  private void scheduleNext(Duration atLeast) {
    Runnable action;
    Duration delay;
    synchronized (this) {
      if (result.isDone()) {
        return;
      }
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (lastChance || remaining.isNegative() || remaining.isZero()) {
        action = this::timeOut;
        delay = null;
      } else {
        delay = max(backoff.delay(attempt++, random.getAsDouble()), atLeast);
        action = this::pollOnce;
        if (delay.compareTo(remaining) >= 0) {
          // Past the deadline: one last poll exactly at it, so a task finishing just in time is
          // not lost; unless the server asked us to stay away longer, then just give up then.
          action = atLeast.compareTo(remaining) >= 0 ? this::timeOut : this::pollOnce;
          lastChance = true;
          delay = remaining;
        }
      }
    }
    if (delay == null) {
      action.run();
      return;
    }
    ScheduledFuture<?> next = scheduler.schedule(action, delay);
    synchronized (this) {
      // If `next` already ran and scheduled a successor, that successor is not tracked; it then
      // only fires to find the wait done. Harmless, and rarer than a lock around the scheduler.
      pending = next;
    }
    if (result.isDone()) {
      next.cancel(false); // finished while we were scheduling: drop the poll at once
    }
  }

  private void timeOut() {
    Duration elapsed = Duration.between(start, clock.instant());
    result.completeExceptionally(new TaskTimeoutException(taskId, lastStatus, elapsed));
  }

  private void cancelPending() {
    ScheduledFuture<?> next;
    synchronized (this) {
      next = pending;
      pending = null;
    }
    if (next != null) {
      next.cancel(false);
    }
  }

  private void logUnknownOnce(TaskStatus status) {
    if (unknownLogged.compareAndSet(false, true)) {
      LOG.warn("Task {} reports status '{}', unknown to this client version; "
          + "polling continues until it succeeds, fails or the deadline passes", taskId,
          status == null ? "(absent)" : SecretMask.global().mask(status.value()));
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
