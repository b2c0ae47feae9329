package io.github.klingjava.task;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads that poll every outstanding task. Each poll is a timer: when it fires, one query
 * runs, and the next poll of that task is scheduled after its own backoff. No thread waits per
 * task and no thread sleeps, so 1,000 tasks cost 1,000 timers, not 1,000 threads.
 *
 * <pre>{@code
 * try (PollScheduler scheduler = PollScheduler.create()) {          // 2 daemon threads
 *   TaskWaiter waiter = TaskWaiter.builder(poller).scheduler(scheduler).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Share one scheduler per application. Polls run on these threads, so a slow query delays the
 * polls behind it; with {@value #MAX_THREADS} threads at most, the HTTP client's timeouts bound
 * that delay.
 */
public final class PollScheduler implements AutoCloseable {

  /** Threads used when none is given. */
  public static final int DEFAULT_THREADS = 2;
  /** More threads would only raise the request rate a rate-limited API tolerates. */
  public static final int MAX_THREADS = 4;

  private final ScheduledExecutorService executor;
  private final boolean owned;
  private final AtomicInteger threadsStarted;

  private PollScheduler(ScheduledExecutorService executor, boolean owned, AtomicInteger started) {
    this.executor = executor;
    this.owned = owned;
    this.threadsStarted = started;
  }

  /** @return a scheduler with {@value #DEFAULT_THREADS} daemon threads */
  public static PollScheduler create() {
    return withThreads(DEFAULT_THREADS);
  }

  /**
   * @param threads 1 to {@value #MAX_THREADS}
   * @return a scheduler owning that many daemon threads, started on demand
   */
  public static PollScheduler withThreads(int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + ": " + threads);
    }
    AtomicInteger started = new AtomicInteger();
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, factory(started));
    // Cancelled polls (a task finished by a callback) must not linger in the queue until due.
    pool.setRemoveOnCancelPolicy(true);
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return new PollScheduler(pool, true, started);
  }

  /**
   * Runs polls on an executor the caller owns and closes, e.g. a manually driven one in tests.
   *
   * @param executor the executor; {@link #close()} leaves it running
   * @return a scheduler that does not count threads
   */
  public static PollScheduler using(ScheduledExecutorService executor) {
    return new PollScheduler(Objects.requireNonNull(executor, "executor"), false,
        new AtomicInteger(-1));
  }

  private static ThreadFactory factory(AtomicInteger started) {
    return runnable -> {
      Thread thread = new Thread(runnable, "kling-poll-" + started.incrementAndGet());
      // Daemon: a forgotten wait must not keep the JVM alive.
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Runs an action once after a delay.
   *
   * @param action the action; exceptions it throws are its own business
   * @param delay zero or more
   * @return a handle to cancel the action
   */
  public ScheduledFuture<?> schedule(Runnable action, Duration delay) {
    return executor.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  /** @return an executor running actions at once on the poll threads */
  public Executor executor() {
    return executor;
  }

  /** @return how many threads this scheduler has started, -1 for an executor from the caller */
  public int threadsStarted() {
    return threadsStarted.get();
  }

  /** Stops the threads this scheduler created; pending polls are dropped. */
  @Override
  public void close() {
    if (owned) {
      executor.shutdownNow();
    }
  }
}
