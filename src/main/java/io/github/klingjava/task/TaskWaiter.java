package io.github.klingjava.task;

import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.KlingException;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits until Kling tasks end: polls with backoff and jitter on a shared {@link PollScheduler},
 * honours Retry-After, and finishes early when a callback ({@link #offer(Task)}) brings the result.
 *
 * <pre>{@code
 * TaskWaiter waiter = TaskWaiter.builder(imageGeneration::get).build();
 * Task task = waiter.submitAndWait(() -> imageGeneration.create(request), WaitOptions.defaults());
 * List<ResultImage> images = task.getTaskResult().getImages();
 *
 * CompletableFuture<Task> pending = waiter.waitForAsync(taskId, WaitOptions.defaults());
 * pending.cancel(false);                                   // stops further polls of that task
 * }</pre>
 *
 * <p>Outcomes: {@code succeed} returns the task; {@code failed} throws {@link TaskFailedException};
 * the deadline throws {@link TaskTimeoutException}; a non-retryable API error throws that
 * {@link KlingApiException}. Retryable API errors (429, 5xx) and I/O errors only delay the next
 * poll. A status this version does not know is logged once per task and polled on.
 * Thread-safe; share one instance (or its {@link #withPoller(TaskPoller) views}) per application.
 */
public final class TaskWaiter implements AutoCloseable {

  private final PollLoop.Dependencies deps;
  private final WaitRegistry registry;
  private final WaitOptions defaults;
  private final boolean ownsScheduler;
  private final java.util.concurrent.Executor submits;

  private TaskWaiter(PollLoop.Dependencies deps, WaitRegistry registry, WaitOptions defaults,
      boolean ownsScheduler, java.util.concurrent.Executor submits) {
    this.submits = submits;
    this.deps = deps;
    this.registry = registry;
    this.defaults = defaults;
    this.ownsScheduler = ownsScheduler;
  }

  /**
   * @param poller queries one task, e.g. {@code service::get}
   * @return a builder
   */
  public static Builder builder(TaskPoller poller) {
    return new Builder(poller);
  }

  /**
   * A waiter for another task family that shares this one's threads and callback registry, so one
   * {@link io.github.klingjava.callback.CallbackReceiver} serves every family.
   *
   * @param poller the other family's query
   * @return a view; closing it does not stop the shared scheduler
   */
  public TaskWaiter withPoller(TaskPoller poller) {
    PollLoop.Dependencies other = new PollLoop.Dependencies(
        Objects.requireNonNull(poller, "poller"), deps.scheduler, deps.clock, deps.random,
        deps.transientError);
    return new TaskWaiter(other, registry, defaults, false, submits);
  }

  /**
   * Blocks with the default options; see {@link #waitFor(String, WaitOptions)}.
   *
   * @param taskId the task id (or the caller's external task id)
   * @return the succeeded task
   */
  public Task waitFor(String taskId) {
    return waitFor(taskId, defaults);
  }

  /**
   * Blocks until the task ends. Interrupting the calling thread cancels the wait.
   *
   * @param taskId the task id (or the caller's external task id)
   * @param options the poll schedule and deadline
   * @return the succeeded task, with its images or videos in {@code task_result}
   * @throws TaskFailedException when the task failed
   * @throws TaskTimeoutException when the deadline passed first
   * @throws KlingApiException when a poll failed with a non-retryable error
   */
  public Task waitFor(String taskId, WaitOptions options) {
    return Futures.await(waitForAsync(taskId, options));
  }

  /**
   * Starts waiting without blocking. Cancelling the returned future stops further polls.
   *
   * @param taskId the task id (or the caller's external task id)
   * @param options the poll schedule and deadline
   * @return completes with the succeeded task, or exceptionally as {@link #waitFor} throws
   */
  public CompletableFuture<Task> waitForAsync(String taskId, WaitOptions options) {
    return start(taskId, options, null, null);
  }

  /**
   * Submits a task on the calling thread and blocks until it ends. The submit is not retried:
   * it is not idempotent, so retrying it is the HTTP layer's decision.
   *
   * @param submit creates the task, e.g. {@code () -> service.create(request)}
   * @param options the poll schedule and deadline
   * @return the succeeded task
   */
  public Task submitAndWait(Supplier<TaskResponse> submit, WaitOptions options) {
    TaskResponse submitted = submit.get();
    Task task = requireTask(submitted, "submit");
    return Futures.await(start(task.getTaskId(), options, task, submitted.getRequestId()));
  }

  /**
   * Submits on the bounded submit executor (never a poll thread) and waits without blocking. Cancelling the returned future stops
   * further polls (a submit already sent is not undone).
   *
   * @param submit creates the task
   * @param options the poll schedule and deadline
   * @return completes as {@link #waitForAsync} does, or with the submit's exception
   */
  public CompletableFuture<Task> submitAndWaitAsync(Supplier<TaskResponse> submit,
      WaitOptions options) {
    Objects.requireNonNull(options, "options");
    CompletableFuture<Task> outer = new CompletableFuture<>();
    CompletableFuture.supplyAsync(submit, submits).whenComplete((resp, error) -> {
      if (error != null) {
        outer.completeExceptionally(error instanceof java.util.concurrent.CompletionException
            ? error.getCause() : error);
        return;
      }
      try {
        Task task = requireTask(resp, "submit");
        Futures.link(outer, start(task.getTaskId(), options, task, resp.getRequestId()));
      } catch (RuntimeException e) {
        outer.completeExceptionally(e);
      }
    });
    return outer;
  }

  /**
   * Hands over a task snapshot obtained elsewhere, typically a callback. A terminal snapshot
   * finishes the waits on its id at once; one nobody waits for yet is kept briefly, in case the
   * callback beat the wait.
   *
   * @param task the task as the vendor sent it
   * @return true when an outstanding wait was waiting for this task
   */
  public boolean offer(Task task) {
    Objects.requireNonNull(task, "task");
    return registry.offer(task);
  }

  /** @return the number of waits in progress, across all views */
  public int outstanding() {
    return registry.outstanding();
  }

  /**
   * If this waiter created its scheduler: cancels every outstanding wait (a blocked
   * {@code waitFor} then throws CancellationException) and stops the threads. A waiter given a
   * shared scheduler, and every {@link #withPoller view}, leaves both alone; see {@link #cancelAll()}.
   */
  @Override
  public void close() {
    if (ownsScheduler) {
      registry.cancelAll();
      deps.scheduler.close();
    }
  }

  /**
   * Cancels every outstanding wait of this waiter and its views (a blocked {@code waitFor} then throws
   * CancellationException), leaving the scheduler running: for a client closed while its scheduler is shared.
   */
  public void cancelAll() {
    registry.cancelAll();
  }

  private CompletableFuture<Task> start(String taskId, WaitOptions options, Task initial,
      String requestId) {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(options, "options");
    PollLoop loop = new PollLoop(taskId, options, deps);
    registry.register(loop);
    if (initial != null) {
      loop.accept(initial, requestId);
    }
    loop.start();
    return loop.result();
  }

  private static Task requireTask(TaskResponse response, String what) {
    Task task = response == null ? null : response.getData();
    if (task == null || task.getTaskId() == null) {
      throw new KlingException("The " + what + " answer carries no task id");
    }
    return task;
  }

  /**
   * The default notion of a passing problem: a retryable API error (429, 5xx) or an I/O error.
   *
   * @param error what a poll threw
   * @return true to poll again
   */
  public static boolean isTransient(Throwable error) {
    if (error instanceof KlingApiException) {
      return ((KlingApiException) error).isRetryable();
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** Builds a {@link TaskWaiter}. */
  public static final class Builder {
    private final TaskPoller poller;
    private PollScheduler scheduler;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Predicate<Throwable> transientError = TaskWaiter::isTransient;
    private WaitOptions defaults = WaitOptions.defaults();
    private java.util.concurrent.Executor submits = SubmitExecutor.shared();

    private Builder(TaskPoller poller) {
      this.poller = Objects.requireNonNull(poller, "poller");
    }

    /**
     * @param shared the threads to poll on; without one, the waiter creates and owns
     *     {@link PollScheduler#create()} and {@link TaskWaiter#close()} stops it
     * @return this builder
     */
    public Builder scheduler(PollScheduler shared) {
      this.scheduler = Objects.requireNonNull(shared, "scheduler");
      return this;
    }

    /**
     * @param time the clock deadlines are measured on (tests pass a fake one with a manual
     *     scheduler)
     * @return this builder
     */
    public Builder clock(Clock time) {
      this.clock = Objects.requireNonNull(time, "clock");
      return this;
    }

    /**
     * @param uniform values in [0, 1) for jitter
     * @return this builder
     */
    public Builder random(DoubleSupplier uniform) {
      this.random = Objects.requireNonNull(uniform, "random");
      return this;
    }

    /**
     * @param isTransient decides which poll errors only delay the next poll; default
     *     {@link TaskWaiter#isTransient(Throwable)}
     * @return this builder
     */
    public Builder retryOn(Predicate<Throwable> isTransient) {
      this.transientError = Objects.requireNonNull(isTransient, "retryOn");
      return this;
    }

    /**
     * @param options used by {@link TaskWaiter#waitFor(String)}
     * @return this builder
     */
    public Builder defaultOptions(WaitOptions options) {
      this.defaults = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * @param executor where {@code submitAndWaitAsync} runs the submit (default:
     *     {@link SubmitExecutor#shared()}, a bounded pool, never the poll threads); tests pass a manually
     *     driven executor
     * @return this builder
     */
    public Builder submitExecutor(java.util.concurrent.Executor executor) {
      this.submits = Objects.requireNonNull(executor, "submitExecutor");
      return this;
    }

    /** @return the waiter */
    public TaskWaiter build() {
      boolean owns = scheduler == null;
      PollScheduler threads = owns ? PollScheduler.create() : scheduler;
      PollLoop.Dependencies deps =
          new PollLoop.Dependencies(poller, threads, clock, random, transientError);
      return new TaskWaiter(deps, new WaitRegistry(), defaults, owns, submits);
    }
  }
}
