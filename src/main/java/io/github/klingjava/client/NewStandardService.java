package io.github.klingjava.client;

import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.family.SpecOperation;
import io.github.klingjava.generated.CollectionFormats.CSVParams;
import io.github.klingjava.generated.api.NewStandardApi;
import io.github.klingjava.generated.model.NewStandardImageToVideoModel;
import io.github.klingjava.generated.model.NewStandardImageToVideoRequest;
import io.github.klingjava.generated.model.NewStandardMotionControlModel;
import io.github.klingjava.generated.model.NewStandardMotionControlRequest;
import io.github.klingjava.generated.model.NewStandardOmniVideoModel;
import io.github.klingjava.generated.model.NewStandardOmniVideoRequest;
import io.github.klingjava.generated.model.NewStandardTask;
import io.github.klingjava.generated.model.NewStandardTaskBatchResponse;
import io.github.klingjava.generated.model.NewStandardTaskPageResponse;
import io.github.klingjava.generated.model.NewStandardTaskQueryRequest;
import io.github.klingjava.generated.model.NewStandardTextToVideoModel;
import io.github.klingjava.generated.model.NewStandardTextToVideoRequest;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.paging.Pager;
import io.github.klingjava.paging.PagerOptions;
import io.github.klingjava.paging.SpecPaging;
import io.github.klingjava.task.BatchingPoller;
import io.github.klingjava.task.NewStandardTasks;
import io.github.klingjava.task.TaskView;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Kling's new standard (RECONCILIATION N01-N18): create routes with the model in the path
 * ({@code /text-to-video/{model}}, ...), and {@code /tasks} for every task: {@code GET /tasks?task_ids=}
 * (batch) and {@code POST /tasks} (cursor). Tasks read as the same {@link TaskView} as the legacy
 * standard's; waiting polls many tasks with one batch query ({@link BatchingPoller}, at most the spec's
 * {@code maxItems} of {@code task_ids} per query). API key only (the spec's {@code security}).
 *
 * <pre>{@code
 * NewStandardService ns = client.newStandard();
 * String id = ns.textToVideo("kling-3.0").submit(new NewStandardTextToVideoRequest().prompt("A fox"))
 *     .getData().getId();
 * TaskView done = ns.waitFor(id, WaitOptions.defaults());
 * List<TaskView> now = ns.get(id, otherId);
 * }</pre>
 */
public final class NewStandardService {
  /** How old a batch answer kept for another task's poll may be when that poll takes it. */
  public static final Duration MAX_KEPT_ANSWER_AGE = Duration.ofSeconds(5);
  static final int MAX_ID_LENGTH = 256;

  private final NewStandardApi api;
  private final RequestGate gate;
  private final CallExecutor executor;
  private final CallExecutor pollExecutor;
  private final ErrorHandler errors;
  private final BatchingPoller poller;
  private final TaskWaiter waiter;
  private final int batchLimit;
  private final boolean generateExternalIds;
  private final PagedLists lists;
  /** {@code POST /tasks} as the paging helper takes it, with the recipe the spec gives. */
  private final SpecOperation listOperation;

  NewStandardService(Retrofit retrofit, RequestGate gate, CallExecutor executor, CallExecutor pollExecutor,
      TaskWaiter sharedWaiter, ErrorHandler errors, Clock clock, boolean generateExternalIds, PagedLists lists) {
    this.generateExternalIds = generateExternalIds;
    this.lists = lists;
    this.listOperation = new SpecOperation("list", "listNewStandardTasks", "POST", "tasks",
        "NewStandardTaskQueryRequest", NewStandardTaskQueryRequest.class, NewStandardTaskPageResponse.class,
        NewStandardSpec.embedded().listPaging());
    this.api = retrofit.create(NewStandardApi.class);
    this.gate = gate;
    this.executor = executor;
    this.pollExecutor = pollExecutor;
    this.errors = errors;
    this.batchLimit = NewStandardSpec.embedded().batchLimit();
    this.poller = BatchingPoller.create(this::pollBatch, batchLimit, clock, MAX_KEPT_ANSWER_AGE);
    this.waiter = sharedWaiter.withPoller(poller);
  }

  /** {@code POST /text-to-video/{model}}, e.g. {@code textToVideo("kling-3.0")}. */
  public NewStandardRoute<NewStandardTextToVideoRequest> textToVideo(String model) {
    return new NewStandardRoute<>("text-to-video", model, "NewStandardTextToVideoRequest",
        "NewStandardTextToVideoModel", r -> api.createNewStandardTextToVideoTask(
            NewStandardTextToVideoModel.of(model), r), NewStandardTextToVideoRequest::getOptions,
        NewStandardTextToVideoRequest::setOptions, gate, executor,
        this, generateExternalIds);
  }

  /** {@code POST /image-to-video/{model}}, e.g. {@code imageToVideo("kling-3.0")}. */
  public NewStandardRoute<NewStandardImageToVideoRequest> imageToVideo(String model) {
    return new NewStandardRoute<>("image-to-video", model, "NewStandardImageToVideoRequest",
        "NewStandardImageToVideoModel", r -> api.createNewStandardImageToVideoTask(
            NewStandardImageToVideoModel.of(model), r), NewStandardImageToVideoRequest::getOptions,
        NewStandardImageToVideoRequest::setOptions, gate,
        executor, this, generateExternalIds);
  }

  /** {@code POST /omni-video/{model}}, e.g. {@code omniVideo("kling-3.0-omni")}. */
  public NewStandardRoute<NewStandardOmniVideoRequest> omniVideo(String model) {
    return new NewStandardRoute<>("omni-video", model, "NewStandardOmniVideoRequest",
        "NewStandardOmniVideoModel", r -> api.createNewStandardOmniVideoTask(
            NewStandardOmniVideoModel.of(model), r), NewStandardOmniVideoRequest::getOptions,
        NewStandardOmniVideoRequest::setOptions, gate, executor,
        this, generateExternalIds);
  }

  /** {@code POST /motion-control/{model}}, e.g. {@code motionControl("kling-3.0")}. */
  public NewStandardRoute<NewStandardMotionControlRequest> motionControl(String model) {
    return new NewStandardRoute<>("motion-control", model, "NewStandardMotionControlRequest",
        "NewStandardMotionControlModel", r -> api.createNewStandardMotionControlTask(
            NewStandardMotionControlModel.of(model), r), NewStandardMotionControlRequest::getOptions,
        NewStandardMotionControlRequest::setOptions, gate,
        executor, this, generateExternalIds);
  }

  /** The tasks with these ids, in the order answered; more ids than one query takes are asked in chunks. */
  public List<TaskView> get(String... taskIds) {
    return query("task_ids", taskIds);
  }

  /** The tasks with these {@code options.external_task_id} values, in chunks as {@link #get}. */
  public List<TaskView> getByExternalIds(String... externalTaskIds) {
    return query("external_task_ids", externalTaskIds);
  }

  /** One {@code GET /tasks} with exactly one of {@code taskIds} and {@code externalTaskIds}, the raw response kept. */
  public KlingResponse<NewStandardTaskBatchResponse> raw(List<String> taskIds, List<String> externalTaskIds) {
    List<Violation> problems = new ArrayList<>();
    boolean byId = taskIds != null && !taskIds.isEmpty();
    boolean byExternal = externalTaskIds != null && !externalTaskIds.isEmpty();
    if (byId == byExternal) {
      List<String> names = NewStandardSpec.embedded().exactlyOneOf();
      problems.add(Violation.of("$", null, "x-kling-exactly-one-of", "GET /tasks takes exactly one of "
          + String.join(" and ", names) + (byId ? ", not both" : ", and none was given")));
    }
    checkIds("task_ids", taskIds, problems);
    checkIds("external_task_ids", externalTaskIds, problems);
    if (!problems.isEmpty()) {
      throw new KlingValidationException("GET /tasks", problems);
    }
    Call<NewStandardTaskBatchResponse> call = api.getNewStandardTasks(byId ? new CSVParams(taskIds) : null,
        byExternal ? new CSVParams(externalTaskIds) : null);
    return executor.execute(call, NewStandardTaskBatchResponse.class, NewStandardTaskBatchResponse::getCode);
  }

  /** One cursor page of {@code POST /tasks}; pass {@code data.next_cursor} as {@code cursor} for the next. */
  public NewStandardTaskPageResponse list(NewStandardTaskQueryRequest query) {
    gate.check("NewStandardTaskQueryRequest", query);
    return executor.execute(api.listNewStandardTasks(query), NewStandardTaskPageResponse.class,
        NewStandardTaskPageResponse::getCode).body();
  }

  /**
   * Every task {@code POST /tasks} finds for the query, fetched lazily page by page with the cursor the spec's
   * {@code x-kling-paging} names ({@code limit} per page: the options' page size, else the spec's default).
   * A cursor the server repeats throws {@link io.github.klingjava.error.PagingException}.
   *
   * <pre>{@code
   * NewStandardTaskQueryRequest failedVideos = new NewStandardTaskQueryRequest()
   *     .addFiltersItem(new NewStandardTaskFilter().key(NewStandardTaskFilter.KeyEnum.STATUS).addValuesItem("failed"));
   * try (Stream<TaskView> tasks = client.newStandard().listAll(failedVideos, PagerOptions.defaults().maxItems(200)).stream()) {
   *   tasks.forEach(t -> System.out.println(t.id() + " " + t.message().orElse("")));
   * }
   * }</pre>
   *
   * @param query the window and filters (the pager sets {@code cursor} and {@code limit} on a copy), or null
   * @throws KlingValidationException before anything is sent, when the query or the page size breaks the spec
   */
  public Pager<TaskView> listAll(NewStandardTaskQueryRequest query, PagerOptions options) {
    return lists.pager(listOperation, args -> api.listNewStandardTasks((NewStandardTaskQueryRequest) args.body()),
        query, NewStandardTask.class, options).map(TaskView::of);
  }

  /** How {@code POST /tasks} pages, read from the spec's {@code x-kling-paging} and the limits it names. */
  public SpecPaging listPaging() {
    return NewStandardSpec.embedded().listPaging();
  }

  /** Polls the task (batched with the other tasks waited for) until it succeeds or fails ({@code TaskFailedException}). */
  public TaskView waitFor(String taskId, WaitOptions options) {
    requireId(taskId);
    poller.expect(List.of(taskId));
    return TaskView.of(waiter.waitFor(taskId, options));
  }

  /** Waits for every task at once; their polls share batch queries. */
  public List<TaskView> waitForAll(List<String> taskIds, WaitOptions options) {
    List<CompletableFuture<Task>> pending = new ArrayList<>();
    taskIds.forEach(NewStandardService::requireId);
    poller.expect(taskIds); // the first poll due asks for all of them (up to the batch limit)
    for (String id : taskIds) {
      pending.add(waiter.waitForAsync(id, options));
    }
    List<TaskView> done = new ArrayList<>();
    for (CompletableFuture<Task> future : pending) {
      done.add(TaskView.of(join(future)));
    }
    return done;
  }

  /** The waiter of the new standard, e.g. to hand callbacks to it ({@code offer}). */
  public TaskWaiter waiter() {
    return waiter;
  }

  /** The poller behind {@link #waiter()}; {@code queries()} counts its batch queries. */
  public BatchingPoller poller() {
    return poller;
  }

  /** Ids per {@code GET /tasks} query, read from the spec. */
  public int batchLimit() {
    return batchLimit;
  }

  private List<TaskView> query(String parameter, String... ids) {
    List<String> all = ids == null ? List.of() : List.of(ids);
    List<TaskView> out = new ArrayList<>();
    int from = 0;
    do {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + batchLimit));
      NewStandardTaskBatchResponse answer = "task_ids".equals(parameter) ? raw(chunk, null).body()
          : raw(null, chunk).body();
      for (NewStandardTask item : answer.getData()) {
        out.add(TaskView.of(item));
      }
      from += batchLimit;
    } while (from < all.size());
    return out;
  }

  private List<Task> pollBatch(String required, List<String> ids, Duration timeLimit) {
    KlingResponse<NewStandardTaskBatchResponse> answer = pollExecutor.execute(
        api.getNewStandardTasks(new CSVParams(ids), null), NewStandardTaskBatchResponse.class,
        NewStandardTaskBatchResponse::getCode, timeLimit);
    List<Task> tasks = new ArrayList<>();
    boolean found = false;
    for (NewStandardTask item : answer.body().getData()) {
      found |= required.equals(item.getId());
      tasks.add(NewStandardTasks.toLegacy(item));
    }
    if (!found) {
      throw errors.incompleteAnswer(answer.raw().status(), answer.raw().headers(), answer.raw().body(),
          "$.data holds no task " + required + " (asked for " + ids.size() + " ids)", null);
    }
    return tasks;
  }

  /** The outcome of one wait: its task, or the exception {@code waitFor} would throw. */
  private static Task join(CompletableFuture<Task> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void checkIds(String name, List<String> ids, List<Violation> out) {
    int limit = NewStandardSpec.embedded().batchLimit();
    if (ids != null && ids.size() > limit) {
      out.add(Violation.of("$." + name, String.valueOf(ids.size()), "maxItems",
          ids.size() + " ids exceed the maximum " + limit + " of one query"));
    }
    for (int i = 0; ids != null && i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || id.contains(",")) {
        out.add(Violation.of("$." + name + "[" + i + "]", id == null ? null : "\"" + id + "\"", "id",
            "an id is 1 to " + MAX_ID_LENGTH + " characters, not blank, without a comma"));
      }
    }
  }

  private static void requireId(String taskId) {
    List<Violation> problems = new ArrayList<>();
    checkIds("taskId", java.util.Collections.singletonList(taskId), problems);
    if (!problems.isEmpty()) {
      throw new KlingValidationException("taskId", problems);
    }
  }
}
