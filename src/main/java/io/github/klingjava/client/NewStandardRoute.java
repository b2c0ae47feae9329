package io.github.klingjava.client;

import io.github.klingjava.error.KlingException;
import io.github.klingjava.error.SecretMask;
import io.github.klingjava.generated.model.NewStandardOptions;
import io.github.klingjava.generated.model.NewStandardTask;
import io.github.klingjava.generated.model.NewStandardTaskResponse;
import io.github.klingjava.task.AmbiguousSubmits;
import io.github.klingjava.task.TaskView;
import io.github.klingjava.task.WaitOptions;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import retrofit2.Call;

/**
 * One create route of the new standard with its model: {@code POST /<product>/<model>}. The request is
 * checked against the spec before sending (its schema, the model's open set, and the model's limits in
 * {@code x-kling-capabilities}); a model newer than the spec is sent and logged once.
 *
 * <pre>{@code
 * NewStandardTaskResponse created = client.newStandard().textToVideo("kling-3.0")
 *     .submit(new NewStandardTextToVideoRequest().prompt("A fox in the snow"));
 * TaskView done = client.newStandard().waitFor(created.getData().getId(), WaitOptions.defaults());
 * }</pre>
 *
 * @param <R> the route's request model
 */
public final class NewStandardRoute<R> {
  private final String product;
  private final String model;
  private final String requestSchema;
  private final String modelSchema;
  private final Function<R, Call<NewStandardTaskResponse>> call;
  private final RequestGate gate;
  private final CallExecutor executor;
  private final NewStandardService service;
  private final Function<R, NewStandardOptions> options;
  private final BiConsumer<R, NewStandardOptions> setOptions;
  private final boolean generateExternalIds;

  NewStandardRoute(String product, String model, String requestSchema, String modelSchema,
      Function<R, Call<NewStandardTaskResponse>> call, Function<R, NewStandardOptions> options,
      BiConsumer<R, NewStandardOptions> setOptions, RequestGate gate, CallExecutor executor,
      NewStandardService service, boolean generateExternalIds) {
    this.product = product;
    this.model = model;
    this.requestSchema = requestSchema;
    this.modelSchema = modelSchema;
    this.call = call;
    this.options = options;
    this.setOptions = setOptions;
    this.generateExternalIds = generateExternalIds;
    this.gate = gate;
    this.executor = executor;
    this.service = service;
  }

  /** The route relative to the base URL, e.g. {@code text-to-video/kling-3.0}. */
  public String route() {
    return product + "/" + model;
  }

  /** The model of this route, as sent in the path. */
  public String model() {
    return model;
  }

  /**
   * Creates the task, never twice; the answer's {@code data.id} is its id (for {@code get}, {@code waitFor}).
   * The request carries an {@code options.external_task_id}: yours, or a generated {@code kj-<uuid>} (unless
   * the client was built with {@code externalTaskIds(false)}; your request object is left as it was). When
   * the POST fails in a way that leaves open whether Kling created the task (a reset or timeout after
   * sending, a truncated answer, a 5xx), the task is looked up with {@code GET /tasks?external_task_ids=}
   * and the create is sent again only when that answer holds no such task, at most
   * {@value TaskFamilyService#MAX_SUBMITS} POSTs in all; a found task is answered as if created.
   */
  public NewStandardTaskResponse submit(R request) {
    gate.checkNewStandard(product + "/{model}", modelSchema, model, requestSchema, request);
    NewStandardOptions given = options.apply(request);
    SecretMask.global().addUrlSecrets(given == null ? null : given.getCallbackUrl()); // its token, masked
    String mine = given == null ? null : given.getExternalTaskId(); // "" is yours too: Kling's "none"
    String id = mine == null ? (generateExternalIds ? AmbiguousSubmits.newExternalId() : null)
        : mine.isEmpty() ? null : mine;
    Call<NewStandardTaskResponse> prepared = prepare(request, mine, id);
    for (int sent = 1; ; sent++) {
      KlingException failure;
      try {
        // the same prepared request each time (the executor sends call.request()): the same external id
        return executor.execute(prepared, NewStandardTaskResponse.class, NewStandardTaskResponse::getCode).body();
      } catch (KlingException e) {
        if (id == null || !AmbiguousSubmits.isAmbiguous(e)) {
          throw e;
        }
        failure = e;
      }
      List<NewStandardTask> found;
      try {
        found = service.raw(null, List.of(id)).body().getData();
      } catch (KlingException lookupFailure) {
        failure.addSuppressed(lookupFailure);
        throw failure; // the task may exist: nothing is re-sent blindly
      }
      if (!found.isEmpty()) {
        return new NewStandardTaskResponse().code(0).message("SUCCEED").data(found.get(0));
      }
      if (sent >= TaskFamilyService.MAX_SUBMITS) {
        throw failure;
      }
    }
  }

  /** Builds the POST with the id in its options, leaving the caller's request object unchanged. */
  private Call<NewStandardTaskResponse> prepare(R request, String mine, String id) {
    if (mine != null || id == null) {
      Call<NewStandardTaskResponse> built = call.apply(request);
      built.request();
      return built;
    }
    synchronized (request) {
      NewStandardOptions before = options.apply(request);
      if (before == null) {
        setOptions.accept(request, new NewStandardOptions().externalTaskId(id));
      } else {
        before.setExternalTaskId(id);
      }
      try {
        Call<NewStandardTaskResponse> built = call.apply(request);
        built.request(); // Retrofit writes the body now and keeps it
        return built;
      } finally {
        if (before == null) {
          setOptions.accept(request, null);
        } else {
          before.setExternalTaskId(null);
        }
      }
    }
  }

  /** One POST of exactly your request, with the raw HTTP response: no generated id, no lookup. */
  public KlingResponse<NewStandardTaskResponse> raw(R request) {
    gate.checkNewStandard(product + "/{model}", modelSchema, model, requestSchema, request);
    NewStandardOptions given = request == null ? null : options.apply(request);
    SecretMask.global().addUrlSecrets(given == null ? null : given.getCallbackUrl()); // its token, masked
    return executor.execute(call.apply(request), NewStandardTaskResponse.class, NewStandardTaskResponse::getCode);
  }

  /** Creates the task and waits for its outcome (polled with the batch query). */
  public TaskView submitAndWait(R request, WaitOptions options) {
    return service.waitFor(submit(request).getData().getId(), options);
  }

  @Override
  public String toString() {
    return "NewStandardRoute{" + route() + "}";
  }
}
