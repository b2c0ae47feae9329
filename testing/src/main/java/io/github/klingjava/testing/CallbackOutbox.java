package io.github.klingjava.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * The callbacks of one task, in the order of the changes that caused them. Each carries the
 * snapshot taken at its change (not the state at sending time, which may have moved on), goes
 * out only once released (a poll's change: after the poll's answer went out) and only after every
 * earlier one was delivered; one at a time, so a receiver sees them in order and never two at
 * once. Whoever releases the head sends what is ready; nobody waits for a thread that has not
 * answered yet, except {@link #releaseAndAwait}, which promises its callback went out.
 */
final class CallbackOutbox {

  /** One queued callback. */
  static final class Entry {
    private final ScriptedTask.Snapshot snapshot;
    // Guarded by the outbox.
    private boolean released;
    private boolean delivered;
    private int responseCode = -1;

    private Entry(ScriptedTask.Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    ScriptedTask.Snapshot snapshot() {
      return snapshot;
    }
  }

  private static final long AWAIT_SECONDS = 30;

  private final Queue<Entry> queue = new ArrayDeque<>();
  private final Object sending = new Object();

  /** Queues a callback; call it under the task's lock, so the queue order is the change order. */
  synchronized Entry add(ScriptedTask.Snapshot snapshot) {
    Entry entry = new Entry(snapshot);
    queue.add(entry);
    return entry;
  }

  /**
   * Lets the entry go out and sends every ready callback at the head of the queue.
   *
   * @param post sends one snapshot, returns the receiver's status
   */
  void release(Entry entry, ToIntFunction<ScriptedTask.Snapshot> post) {
    synchronized (this) {
      entry.released = true;
    }
    drain(post);
  }

  /**
   * Like {@link #release}, then waits until the entry itself was delivered (an earlier callback
   * still waiting for its poll's answer is sent first, by the thread that answers).
   *
   * @return the receiver's status, or -1 when the POST failed
   * @throws IllegalStateException when the callback did not go out within 30 s
   */
  int releaseAndAwait(Entry entry, ToIntFunction<ScriptedTask.Snapshot> post) {
    release(entry, post);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
    synchronized (this) {
      for (long left = deadline - System.nanoTime(); !entry.delivered;
          left = deadline - System.nanoTime()) {
        if (left <= 0) {
          throw new IllegalStateException("an earlier callback of the task was never released");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the callback was queued", e);
        }
      }
      return entry.responseCode;
    }
  }

  private void drain(ToIntFunction<ScriptedTask.Snapshot> post) {
    synchronized (sending) {
      for (Entry head = readyHead(); head != null; head = readyHead()) {
        int status = -1;
        try {
          status = post.applyAsInt(head.snapshot);
        } finally {
          delivered(head, status); // even when the POST threw: later callbacks must not stall
        }
      }
    }
  }

  private synchronized Entry readyHead() {
    Entry head = queue.peek();
    return head != null && head.released ? head : null;
  }

  private synchronized void delivered(Entry head, int status) {
    queue.remove();
    head.responseCode = status;
    head.delivered = true;
    notifyAll();
  }
}
