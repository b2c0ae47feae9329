package io.github.klingjava.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler driven by the test thread: nothing runs until {@link #advance(Duration)} or
 * {@link #runUntilDone(Future)} moves the {@link MutableClock} and runs what became due, in due
 * order, on the calling thread. No test waits for real time.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {

  private final MutableClock clock;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  public MutableClock clock() {
    return clock;
  }

  /**
   * Moves time forward by {@code duration}, running every action due on the way. Actions run
   * without this scheduler's lock held, so other threads (callbacks) may schedule and cancel.
   */
  public void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    Entry next;
    while ((next = takeDue(target)) != null) {
      next.run();
    }
    clock.set(target);
  }

  private synchronized Entry takeDue(Instant target) {
    Entry next = queue.peek();
    if (next == null || next.due.isAfter(target)) {
      return null;
    }
    queue.poll();
    if (next.due.isAfter(clock.instant())) {
      clock.set(next.due);
    }
    return next;
  }

  /** Runs what is due now. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** Jumps from event to event until the future is done or nothing is left to run. */
  public void runUntilDone(Future<?> future) {
    int steps = 0;
    while (!future.isDone()) {
      Duration wait = nextDelay();
      if (wait == null) {
        return;
      }
      if (++steps > 100_000) {
        throw new IllegalStateException("runaway schedule");
      }
      advance(wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  /** @return actions waiting to run */
  public synchronized int pending() {
    return queue.size();
  }

  /** @return how far from now the earliest pending action is due, or null */
  public synchronized Duration nextDelay() {
    Entry next = queue.peek();
    return next == null ? null : Duration.between(clock.instant(), next.due);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Entry entry = new Entry(command, clock.instant().plusNanos(unit.toNanos(delay)), sequence++);
    queue.add(entry);
    return entry;
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable c, long i, long p, TimeUnit u) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable c, long i, long d, TimeUnit u) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> dropped = new ArrayList<>(queue);
    queue.clear();
    return dropped;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private synchronized boolean remove(Entry entry) {
    return queue.remove(entry);
  }

  private final class Entry implements ScheduledFuture<Object>, Runnable {
    private final Runnable command;
    private final Instant due;
    private final long seq;
    private volatile boolean cancelled;
    private volatile boolean done;

    Entry(Runnable command, Instant due, long seq) {
      this.command = command;
      this.due = due;
      this.seq = seq;
    }

    @Override
    public void run() {
      if (!cancelled) {
        try {
          command.run();
        } finally {
          done = true;
        }
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      Entry that = (Entry) other;
      int byDue = due.compareTo(that.due);
      return byDue != 0 ? byDue : Long.compare(seq, that.seq);
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      if (done) {
        return false;
      }
      cancelled = true;
      remove(this);
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
