package io.github.klingjava.task;

import io.github.klingjava.error.KlingException;
import io.github.klingjava.generated.model.Task;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Blocking on a wait, and chaining waits, with the exceptions {@link TaskWaiter} promises. */
final class Futures {

  private Futures() {
  }

  /**
   * Blocks; rethrows the wait's own exception (TaskFailedException etc.), not a wrapper. A
   * cancelled wait throws CancellationException; an interrupt cancels the wait.
   */
  static Task await(CompletableFuture<Task> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new KlingException("Interrupted while waiting for a task", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause; // the typed exception is the API: TaskFailedException etc.
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new KlingException("Waiting for a task failed", cause);
    }
  }

  /** Completes {@code outer} as {@code inner} does; cancelling {@code outer} cancels {@code inner}. */
  static void link(CompletableFuture<Task> outer, CompletableFuture<Task> inner) {
    outer.whenComplete((task, error) -> {
      if (outer.isCancelled()) {
        inner.cancel(false);
      }
    });
    inner.whenComplete((task, error) -> {
      if (error != null) {
        outer.completeExceptionally(error);
      } else {
        outer.complete(task);
      }
    });
  }
}
