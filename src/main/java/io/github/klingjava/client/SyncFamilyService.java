package io.github.klingjava.client;

import io.github.klingjava.family.CallArgs;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.family.QueryParameter;
import io.github.klingjava.family.SpecOperation;
import io.github.klingjava.paging.Pager;
import io.github.klingjava.paging.PagerOptions;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import retrofit2.Call;

/**
 * The synchronous operations of one family ({@code x-kling-family.kind: sync}, operations with
 * {@code x-kling-operation: call}): identify-face, TTS, multi-elements session steps. Each call answers at
 * once with its result; no task waiter is involved. The generated typed accessor of a sync family
 * ({@code client.identifyFace().identifyFace(request)}) calls this class; data-driven code calls it directly:
 *
 * <pre>{@code
 * KlingResponse<IdentifyFaceResponse> answer = client.syncFamily(TaskFamily.IDENTIFY_FACE)
 *     .call("identifyFace", request, IdentifyFaceResponse.class, IdentifyFaceResponse::getCode);
 * }</pre>
 *
 * <p>Every body is checked against its schema in the spec before it is sent, like a task submit. A call without a
 * body (a GET such as {@code /account/costs} or a preset list) takes {@link QueryParameter}s instead, checked
 * against the rules their schemas give (required, minimum, maximum) before anything is sent:
 *
 * <pre>{@code
 * AccountCostsResponse costs = client.account().getAccountCosts(start, end, null);
 * }</pre>
 */
public final class SyncFamilyService {
  private final SpecFamily family;
  private final Map<String, Function<CallArgs, Call<?>>> calls;
  private final RequestGate gate;
  private final CallExecutor executor;
  private final PagedLists lists;

  SyncFamilyService(SpecFamily family, Map<String, Function<CallArgs, Call<?>>> calls, RequestGate gate,
      CallExecutor executor, PagedLists lists) {
    this.family = family;
    this.lists = lists;
    this.calls = calls;
    this.gate = gate;
    this.executor = executor;
  }

  /** Which family this service serves. */
  public SpecFamily family() {
    return family;
  }

  /**
   * Sends one synchronous operation of the family.
   *
   * @param operationId the spec's operationId of a {@code call} operation of this family
   * @param request the body (checked against the operation's request schema first)
   * @param answer the generated response model
   * @param businessCode reads the envelope's {@code code} (0 is success; anything else throws)
   * @param <T> the response model
   * @return the parsed answer with its raw view
   */
  @SuppressWarnings("unchecked")
  public <T> KlingResponse<T> call(String operationId, Object request, Class<T> answer,
      Function<T, Integer> businessCode) {
    SpecOperation operation = operation(operationId);
    gate.check(operation.requestSchema(), request);
    Call<T> call = (Call<T>) calls.get(operationId).apply(CallArgs.ofBody(request));
    return executor.execute(call, answer, businessCode);
  }

  /**
   * Sends one synchronous operation with the request and answer models the spec names for it, for code
   * driven by data (the answer's {@code code} is read with the model's {@code getCode()}).
   *
   * @param operationId the spec's operationId of a {@code call} operation of this family
   * @param request the body, an instance of the operation's {@link SpecOperation#requestType()}
   * @return the parsed answer with its raw view
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public KlingResponse<?> call(String operationId, Object request) {
    Class answer = operation(operationId).responseType();
    return call(operationId, request, answer, PagedLists::businessCode);
  }

  /**
   * Every item of an operation that pages ({@code x-kling-paging} in the spec: page numbers or a cursor, in
   * the query or the body), fetched lazily page by page as you iterate. The generated calls class has a typed
   * method per such operation ({@code client.<family>().<operation>Pages(request, options)}), which calls this.
   *
   * <pre>{@code
   * // data-driven: every paged call of a family, its items as JSON trees, at most 10 pages each
   * for (SpecOperation op : family.operations()) {
   *   if (op.paging().isPresent() && op.role().equals("call")) {
   *     Pager<Object> items = client.syncFamily(family).pages(op.operationId(), null, Object.class,
   *         PagerOptions.defaults().maxPages(10));
   *     items.stream().limit(25).forEach(System.out::println); // fetches only the pages those 25 need
   *   }
   * }
   * }</pre>
   *
   * @param operationId the spec's operationId of an operation of this family with {@code x-kling-paging}
   * @param request the operation's request model (filters; the pager sets page, size or cursor on a copy),
   *     or null for none
   * @param itemType the spec's item model ({@code SpecPaging.itemType()}), or {@code Object.class} for the
   *     items as JSON trees
   * @param options bounds of the walk; the page size is checked against the spec before anything is sent
   * @param <T> the item type
   * @return a lazy pager; nothing is fetched until it is iterated
   */
  public <T> Pager<T> pages(String operationId, Object request, Class<T> itemType, PagerOptions options) {
    SpecOperation operation = family.operations().stream()
        .filter(o -> o.operationId().equals(operationId) && o.paging().isPresent()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("operationId: " + family.tag()
            + " has no operation " + operationId + " with x-kling-paging"));
    return lists.pager(operation, calls.get(operationId), request, itemType, options);
  }

  /**
   * Sends one synchronous operation that has no body, only query parameters (a GET).
   *
   * @param operationId the spec's operationId of a {@code call} operation of this family
   * @param query the parameters; null values are left out, every rule a parameter carries is checked first
   * @param answer the generated response model
   * @param businessCode reads the envelope's {@code code} (0 is success; anything else throws)
   * @param <T> the response model
   * @return the parsed answer with its raw view
   * @throws KlingValidationException naming every parameter that breaks its rule, before anything is sent
   */
  @SuppressWarnings("unchecked")
  public <T> KlingResponse<T> query(String operationId, List<QueryParameter> query, Class<T> answer,
      Function<T, Integer> businessCode) {
    operation(operationId);
    List<Violation> violations = query.stream().flatMap(p -> p.violation().stream()).toList();
    if (!violations.isEmpty()) {
      throw new KlingValidationException(operationId + " parameters", violations);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    query.stream().filter(p -> p.value() != null).forEach(p -> values.put(p.name(), p.value()));
    Call<T> call = (Call<T>) calls.get(operationId).apply(CallArgs.ofQuery(values));
    return executor.execute(call, answer, businessCode);
  }

  /**
   * Like {@link #query(String, List, Class, Function)} with the answer model the spec names, for code driven by
   * data.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public KlingResponse<?> query(String operationId, List<QueryParameter> query) {
    Class answer = operation(operationId).responseType();
    return query(operationId, query, answer, PagedLists::businessCode);
  }

  private SpecOperation operation(String operationId) {
    for (SpecOperation operation : family.operations()) {
      if (operation.operationId().equals(operationId) && operation.role().equals("call")) {
        return operation;
      }
    }
    throw new IllegalArgumentException("operationId: " + family.tag() + " has no call operation " + operationId);
  }
}
