package io.github.klingjava.client;

import com.squareup.moshi.Moshi;
import io.github.klingjava.family.CallArgs;
import io.github.klingjava.family.SpecOperation;
import io.github.klingjava.paging.Page;
import io.github.klingjava.paging.PageReader;
import io.github.klingjava.paging.Pager;
import io.github.klingjava.paging.PagerOptions;
import io.github.klingjava.paging.RequestBodies;
import io.github.klingjava.paging.SpecPaging;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import retrofit2.Call;

/**
 * Turns an operation with {@code x-kling-paging} into a {@link Pager}: each page is one call of the generated
 * binding, with the page number, size or cursor put where the spec says (query or body), checked like any
 * request, sent through the client's executor (retries, errors), and read with the spec's pointers.
 */
final class PagedLists {
  private final RequestGate gate;
  private final CallExecutor executor;
  private final Moshi moshi;

  PagedLists(RequestGate gate, CallExecutor executor, Moshi moshi) {
    this.gate = gate;
    this.executor = executor;
    this.moshi = moshi;
  }

  /**
   * @param request the operation's request model (its filters), or null; never changed
   * @throws io.github.klingjava.validation.KlingValidationException before anything is sent, when the page
   *     size in {@code options} or the request breaks the spec
   */
  <T> Pager<T> pager(SpecOperation operation, Function<CallArgs, Call<?>> binding, Object request,
      Class<T> itemType, PagerOptions options) {
    SpecPaging paging = operation.paging().orElseThrow(() -> new IllegalArgumentException(
        operation.operationId() + " has no x-kling-paging in the spec"));
    PageReader<T> reader = PageReader.create(paging, itemType, moshi, operation.operationId());
    Optional<Integer> size = paging.pageSize(options);
    if (request != null && !operation.requestSchema().isEmpty()) {
      gate.check(operation.requestSchema(), request);
    }
    Function<Map<String, Object>, Page<T>> fetch = params -> reader.read(send(operation, binding, paging, request, params));
    if (paging.style() == SpecPaging.Style.PAGE) {
      String page = paging.pageParameter().orElseThrow();
      String sizeName = paging.sizeParameter().orElseThrow();
      return Pager.pageNumbers((num, perPage) -> fetch.apply(ordered(page, num, sizeName, perPage)),
          paging.firstPage(), paging.lastPage(), size.orElseThrow(), options);
    }
    String cursorName = paging.cursorParameter().orElseThrow();
    return Pager.cursors(cursor -> fetch.apply(ordered(cursorName, cursor,
        paging.sizeParameter().orElse(null), size.orElse(null))), operation.operationId(), options);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private String send(SpecOperation operation, Function<CallArgs, Call<?>> binding, SpecPaging paging,
      Object request, Map<String, Object> params) {
    CallArgs args;
    if (paging.inBody()) {
      Object body = RequestBodies.withProperties(moshi, request, (Class) operation.requestType(), params);
      gate.check(operation.requestSchema(), body); // the cursor too: it is part of the body the spec judges
      args = CallArgs.ofBody(body);
    } else {
      args = CallArgs.of(request, params);
    }
    Call call = binding.apply(args);
    Class answer = operation.responseType();
    return executor.execute(call, answer, PagedLists::businessCode).raw().body();
  }

  private static Map<String, Object> ordered(String name, Object value, String otherName, Object other) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (value != null) {
      params.put(name, value);
    }
    if (otherName != null && other != null) {
      params.put(otherName, other);
    }
    return params;
  }

  /** The envelope's {@code code} of a generated answer, null for an answer without one. */
  static Integer businessCode(Object answer) {
    try {
      Object code = answer.getClass().getMethod("getCode").invoke(answer);
      return code instanceof Integer value ? value : null;
    } catch (ReflectiveOperationException e) {
      return null; // an answer without Kling's envelope has no business code to check
    }
  }
}
