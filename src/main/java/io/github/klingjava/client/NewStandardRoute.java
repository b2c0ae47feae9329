package io.github.klingjava.client;

import io.github.klingjava.error.SecretMask;
import io.github.klingjava.generated.model.NewStandardOptions;
import io.github.klingjava.generated.model.NewStandardTaskResponse;
import io.github.klingjava.task.TaskView;
import io.github.klingjava.task.WaitOptions;
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

  NewStandardRoute(String product, String model, String requestSchema, String modelSchema,
      Function<R, Call<NewStandardTaskResponse>> call, Function<R, NewStandardOptions> options, RequestGate gate,
      CallExecutor executor, NewStandardService service) {
    this.product = product;
    this.model = model;
    this.requestSchema = requestSchema;
    this.modelSchema = modelSchema;
    this.call = call;
    this.options = options;
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

  /** Creates the task; the answer's {@code data.id} is its id (for {@code get}, {@code waitFor}). */
  public NewStandardTaskResponse submit(R request) {
    return raw(request).body();
  }

  /** Like {@link #submit}, with the raw HTTP response next to the parsed body. */
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
