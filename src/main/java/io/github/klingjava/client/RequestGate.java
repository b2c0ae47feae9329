package io.github.klingjava.client;

import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.validation.CapabilityMatrix;
import io.github.klingjava.validation.CapabilityRoute;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.validation.Violation;
import java.util.List;
import java.util.Map;

/**
 * Refuses a null submit body, and a combination the spec's capability matrix
 * ({@code x-kling-capabilities}) says the model does not support, before a call is built. The spec's
 * schema rules are checked on the bytes the body is written to, by {@link CheckedBodyConverter}, once,
 * right before sending.
 */
final class RequestGate {
  private static final JsonAdapter<Object> TREES = KlingMoshi.create().adapter(Object.class);

  private final RequestValidator schemas;
  private final String vendorId;

  private RequestGate(RequestValidator schemas, String vendorId) {
    this.schemas = schemas;
    this.vendorId = vendorId;
  }

  /**
   * @param schemas the client's validator, or null when validation is off (the matrix is then off too)
   * @param vendorId the vendor whose limits apply
   */
  static RequestGate create(RequestValidator schemas, String vendorId) {
    return new RequestGate(schemas, vendorId);
  }

  @SuppressWarnings("unchecked")
  void check(SpecFamily family, Object request) {
    check(family.requestSchema(), request);
    CapabilityRoute rules = schemas != null ? CapabilityMatrix.embedded().route(family.route()) : null;
    if (rules == null) {
      return; // only a family with rules pays for the tree the matrix reads
    }
    Object tree = TREES.toJsonValue(request);
    if (!(tree instanceof Map<?, ?>)) {
      return;
    }
    List<Violation> unsupported = CapabilityMatrix.embedded().check(family.route(), (Map<String, Object>) tree);
    if (!unsupported.isEmpty()) {
      // The matrix presumes a request the spec accepts: a schema violation is the answer to give first.
      List<Violation> invalid = schemas.check(family.requestSchema(), request, vendorId);
      throw new KlingValidationException(family.requestSchema(), invalid.isEmpty() ? unsupported : invalid);
    }
  }

  /**
   * The new standard (RECONCILIATION N02): the model is a path segment, checked against its open set
   * ({@code modelSchema}: pattern and length; an unknown model is logged once and sent); the capability
   * matrix of {@code route} reads the request's {@code settings}, the path model as {@code model}, and each
   * {@code contents[].type} present as a property set to {@code "true"}.
   */
  @SuppressWarnings("unchecked")
  void checkNewStandard(String route, String modelSchema, String model, String requestSchema, Object request) {
    check(requestSchema, request);
    if (schemas == null) {
      return;
    }
    List<Violation> bad = schemas.check(modelSchema, model == null ? "" : model, vendorId);
    if (!bad.isEmpty()) {
      throw new KlingValidationException("model", bad.stream().map(v -> Violation.of("$.model", v.value(),
          v.rule(), v.message())).toList());
    }
    Object tree = TREES.toJsonValue(request);
    if (!(tree instanceof Map<?, ?>)) {
      return;
    }
    Map<String, Object> body = (Map<String, Object>) tree;
    Map<String, Object> view = new java.util.LinkedHashMap<>();
    java.util.Set<String> contentTypes = new java.util.HashSet<>();
    if (body.get("contents") instanceof List<?> contents) {
      for (Object item : contents) {
        if (item instanceof Map<?, ?> content && content.get("type") instanceof String type) {
          view.put(type, "true");
          contentTypes.add(type);
        }
      }
    }
    if (body.get("settings") instanceof Map<?, ?> settings) {
      settings.forEach((k, v) -> view.put(String.valueOf(k), v));
    }
    view.put("model", model);
    List<Violation> unsupported = CapabilityMatrix.embedded().check(route, view);
    if (!unsupported.isEmpty()) {
      List<Violation> invalid = schemas.check(requestSchema, request, vendorId);
      throw new KlingValidationException(requestSchema, invalid.isEmpty()
          ? unsupported.stream().map(v -> placed(v, contentTypes)).toList() : invalid);
    }
  }

  /** The matrix names {@code $.duration}; the request holds it at {@code $.settings.duration}. */
  private static Violation placed(Violation v, java.util.Set<String> contentTypes) {
    String name = v.path().startsWith("$.") ? v.path().substring(2) : v.path();
    String path = contentTypes.contains(name) ? "$.contents[type=" + name + "]" : "$.settings." + name;
    return Violation.of(path, v.value(), v.rule(), v.message());
  }

  void check(String requestSchema, Object request) {
    if (request == null) {
      throw new KlingValidationException(requestSchema, List.of(
          Violation.of("$", null, "required", "the request must not be null")));
    }
  }
}
