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

  void check(String requestSchema, Object request) {
    if (request == null) {
      throw new KlingValidationException(requestSchema, List.of(
          Violation.of("$", null, "required", "the request must not be null")));
    }
  }
}
