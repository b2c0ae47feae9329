package io.github.klingjava.client;

import io.github.klingjava.error.SecretMask;
import io.github.klingjava.family.CallArgs;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.family.SpecOperation;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.paging.Pager;
import io.github.klingjava.paging.PagerOptions;
import io.github.klingjava.task.AmbiguousSubmits;
import io.github.klingjava.task.SubmitOutcome;
import io.github.klingjava.task.TaskPoller;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.validation.KlingValidationException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;

/**
 * The task lifecycle of one family of the spec: submit, query by {@code task_id} or by your
 * {@code external_task_id}, list, and wait for the outcome. Its routes are the family's operations in the
 * spec ({@code x-kling-operation} submit, get, getByExternalId, list; the list pages as its
 * {@code x-kling-paging} says, {@link #listAll()}); the typed accessors
 * ({@code client.imageToVideo()}) and {@code client.family(...)} are generated from the spec's family tags.
 *
 * <pre>{@code
 * TaskResponse submitted = client.imageToVideo().submit(new ImageToVideoRequest().image(url));
 * Task done = client.imageToVideo().waitFor(submitted.getData().getTaskId(), WaitOptions.defaults());
 * }</pre>
 *
 * <p>Every request is checked against the spec before it is sent; a bad one throws
 * {@link KlingValidationException} naming each field and rule, and nothing goes over the network.
 *
 * @param <R> the family's request model
 */
public final class TaskFamilyService<R> {
  /** Task-creating POSTs per submit: the first, and re-sends after Kling said the task does not exist. */
  static final int MAX_SUBMITS = 3;

  private final SpecFamily family;
  private final Map<String, Function<CallArgs, Call<?>>> calls;
  private final RequestGate gate;
  private final CallExecutor executor;
  private final TaskWaiter waiter;
  private final boolean generateExternalIds;
  private final PagedLists lists;
  private final Raw raw = new Raw();

  TaskFamilyService(SpecFamily family, Map<String, Function<CallArgs, Call<?>>> calls, RequestGate gate,
      CallExecutor executor, CallExecutor pollExecutor, TaskWaiter sharedWaiter,
      boolean generateExternalIds, PagedLists lists) {
    this.family = family;
    this.lists = lists;
    this.generateExternalIds = generateExternalIds;
    this.calls = calls;
    this.gate = gate;
    this.executor = executor;
    this.waiter = sharedWaiter.withPoller(new TaskPoller() {
      @Override
      public TaskResponse poll(String taskId) {
        return pollExecutor.execute(getCall(taskId), TaskResponse.class, TaskResponse::getCode).body();
      }

      @Override
      public TaskResponse poll(String taskId, java.time.Duration timeLimit) {
        // Bounded by the wait's time left, so a slow poll cannot hold waitFor past its deadline.
        return pollExecutor.execute(getCall(taskId), TaskResponse.class, TaskResponse::getCode, timeLimit)
            .body();
      }
    });
  }

  /** Which family this service serves. */
  public SpecFamily family() {
    return family;
  }

  /**
   * Submits a task; the answer holds it in state {@code submitted}. Never creates the task twice: see
   * {@link #submitWithOutcome}, whose {@code response()} this returns.
   */
  public TaskResponse submit(R request) {
    return submitWithOutcome(request).response();
  }

  /**
   * Submits a task and says how its answer came about. The request carries an {@code external_task_id}:
   * yours, or a generated {@code kj-<uuid>} (unless the client was built with
   * {@code externalTaskIds(false)}; your request object is left as it was). When the POST fails in a way
   * that leaves open whether Kling created the task (a reset or timeout after sending, a truncated answer,
   * a 5xx), the task is looked up by that id and the submit is sent again only when Kling answers that it
   * does not exist, at most {@value #MAX_SUBMITS} POSTs in all.
   *
   * <pre>{@code
   * SubmitOutcome outcome = client.imageGeneration().submitWithOutcome(request);
   * String taskId = outcome.taskId(); // outcome.kind(): CREATED or FOUND_AFTER_AMBIGUOUS_FAILURE
   * }</pre>
   */
  public SubmitOutcome submitWithOutcome(R request) {
    gate.check(family, request);
    SecretMask.global().addUrlSecrets(ExternalIds.callbackUrl(request)); // its token, masked by value
    String given = ExternalIds.get(request);
    String id = given == null && generateExternalIds ? AmbiguousSubmits.newExternalId() : given;
    Call<TaskResponse> call = prepare(request, given, id);
    return AmbiguousSubmits.submit(id,
        () -> executor.execute(call, TaskResponse.class, TaskResponse::getCode).body(),
        this::getByExternalId, MAX_SUBMITS);
  }

  /** Builds the POST with the id in its body, leaving the caller's request object unchanged. */
  private Call<TaskResponse> prepare(R request, String given, String id) {
    if (given != null || id == null) {
      Call<TaskResponse> call = submitCall(request);
      call.request();
      return call;
    }
    synchronized (request) {
      ExternalIds.set(request, id);
      try {
        Call<TaskResponse> call = submitCall(request);
        call.request(); // Retrofit writes the body now and keeps it
        return call;
      } finally {
        ExternalIds.set(request, null);
      }
    }
  }

  /** Queries one task by the {@code task_id} returned on submit. */
  public TaskResponse get(String taskId) {
    return raw.get(taskId).body();
  }

  /** Queries one task by the {@code external_task_id} you gave on submit (Kling's documented path slot). */
  public TaskResponse getByExternalId(String externalTaskId) {
    return raw.getByExternalId(externalTaskId).body();
  }

  /**
   * One page of this family's tasks. The limits of {@code pageNum} and {@code pageSize} are those of the
   * list operation's parameters in the spec; outside them nothing is sent
   * and a {@link KlingValidationException} names each parameter and rule.
   */
  public TaskListResponse list(int pageNum, int pageSize) {
    return raw.list(pageNum, pageSize).body();
  }

  /**
   * Every task of this family, newest first, fetched lazily page by page (the spec's default page size) as
   * you iterate; see {@link Pager} for the bounds and how to stop.
   *
   * <pre>{@code
   * for (Task task : client.imageToVideo().listAll()) {
   *   System.out.println(task.getTaskId() + " " + task.getTaskStatus());
   * }
   * }</pre>
   */
  public Pager<Task> listAll() {
    return listAll(PagerOptions.defaults());
  }

  /**
   * Like {@link #listAll()}, within the bounds of {@code options} (page size, max pages, max items).
   *
   * <pre>{@code
   * try (Stream<Task> recent = client.imageToVideo().listAll(PagerOptions.defaults().pageSize(100).maxItems(300)).stream()) {
   *   List<String> failed = recent.filter(t -> TaskStatus.FAILED.equals(t.getTaskStatus())).map(Task::getTaskId).toList();
   * }
   * }</pre>
   *
   * @throws KlingValidationException before anything is sent, when the page size is outside the spec's limits
   */
  public Pager<Task> listAll(PagerOptions options) {
    return listAll(Task.class, options);
  }

  /**
   * Like {@link #listAll(PagerOptions)} for a list whose items are another model of the spec (the item schema
   * its {@code x-kling-paging.items} points at, {@code SpecOperation.paging().itemType()}), or
   * {@code Object.class} for the items as JSON trees; page numbers or a cursor, as the spec says.
   *
   * <pre>{@code
   * SpecPaging paging = family.operation("list").orElseThrow().paging().orElseThrow();
   * Pager<?> items = client.family(family).listAll(paging.itemType(), PagerOptions.defaults().maxPages(5));
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code itemType} is neither the spec's item model nor {@code Object}
   */
  public <T> Pager<T> listAll(Class<T> itemType, PagerOptions options) {
    SpecOperation list = operation("list");
    return lists.pager(list, calls.get(list.operationId()), null, itemType, options);
  }

  /** {@link #listAll(PagerOptions)} with this page size and no other bound: {@code client.imageToVideo().autoPager(100)}. */
  public Pager<Task> autoPager(int pageSize) {
    return listAll(PagerOptions.defaults().pageSize(pageSize));
  }

  /** Polls the task until it succeeds (returned) or fails ({@code TaskFailedException}). */
  public Task waitFor(String taskId, WaitOptions options) {
    TaskCallArgs.requireId("taskId", taskId);
    return waiter.waitFor(taskId, options);
  }

  /** Asynchronous {@link #waitFor}; cancelling the future stops polling. */
  public CompletableFuture<Task> waitForAsync(String taskId, WaitOptions options) {
    TaskCallArgs.requireId("taskId", taskId);
    return waiter.waitForAsync(taskId, options);
  }

  /** Submits, then waits for the outcome: the documented flow in one call. */
  public Task submitAndWait(R request, WaitOptions options) {
    return waiter.submitAndWait(() -> submit(request), options);
  }

  /** Asynchronous {@link #submitAndWait}. */
  public CompletableFuture<Task> submitAndWaitAsync(R request, WaitOptions options) {
    return waiter.submitAndWaitAsync(() -> submit(request), options);
  }

  /** The waiter of this family, e.g. to hand callbacks to it ({@code offer}). */
  public TaskWaiter waiter() {
    return waiter;
  }

  /** The same calls, answering with the raw HTTP view next to the parsed body. */
  public Raw raw() {
    return raw;
  }

  /** The raw-response view of the family's calls. */
  public final class Raw {
    private Raw() {
    }

    /**
     * One POST of exactly your request, with the raw response: no generated {@code external_task_id} and
     * no lookup after an ambiguous failure (use {@link TaskFamilyService#submitWithOutcome} for those).
     */
    public KlingResponse<TaskResponse> submit(R request) {
      gate.check(family, request);
      SecretMask.global().addUrlSecrets(ExternalIds.callbackUrl(request));
      return executor.execute(submitCall(request), TaskResponse.class, TaskResponse::getCode);
    }

    /** Like {@link TaskFamilyService#get}, with the raw response. */
    public KlingResponse<TaskResponse> get(String taskId) {
      TaskCallArgs.requireId("taskId", taskId);
      return executor.execute(getCall(taskId), TaskResponse.class, TaskResponse::getCode);
    }

    /** Like {@link TaskFamilyService#getByExternalId}, with the raw response. */
    public KlingResponse<TaskResponse> getByExternalId(String externalTaskId) {
      TaskCallArgs.requireId("externalTaskId", externalTaskId);
      // Kling documents external_task_id as a choice for the same path slot unless the spec names an
      // operation of its own (x-kling-operation: getByExternalId).
      String role = family.operation("getByExternalId").isPresent() ? "getByExternalId" : "get";
      return executor.execute(call(role, CallArgs.ofPath(externalTaskId), TaskResponse.class), TaskResponse.class, TaskResponse::getCode);
    }

    /** Like {@link TaskFamilyService#list}, with the raw response. */
    public KlingResponse<TaskListResponse> list(int pageNum, int pageSize) {
      CallArgs args = TaskCallArgs.page(operation("list"), pageNum, pageSize);
      return executor.execute(call("list", args, TaskListResponse.class), TaskListResponse.class, TaskListResponse::getCode);
    }
  }

  private Call<TaskResponse> submitCall(R request) {
    return call("submit", CallArgs.ofBody(request), TaskResponse.class);
  }

  private Call<TaskResponse> getCall(String taskId) {
    return call("get", CallArgs.ofPath(taskId), TaskResponse.class);
  }

  @SuppressWarnings("unchecked")
  private <T> Call<T> call(String role, CallArgs args, Class<T> answer) {
    return (Call<T>) calls.get(operation(role).operationId()).apply(args);
  }

  private SpecOperation operation(String role) {
    return family.operation(role).orElseThrow(() -> new UnsupportedOperationException(
        family.tag() + ": the spec declares no operation with x-kling-operation " + role + " for this family"));
  }
}
