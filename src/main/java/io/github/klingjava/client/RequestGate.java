package io.github.klingjava.client;

import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.validation.CapabilityMatrix;
import io.github.klingjava.validation.CapabilityRoute;
import io.github.klingjava.validation.KlingValidationException;
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

  private final boolean capabilities;

  private RequestGate(boolean capabilities) {
    this.capabilities = capabilities;
  }

  /** @param validate whether the capability matrix applies (off with the client's validation) */
  static RequestGate create(boolean validate) {
    return new RequestGate(validate);
  }

  @SuppressWarnings("unchecked")
  void check(SpecFamily family, Object request) {
    check(family.requestSchema(), request);
    CapabilityRoute rules = capabilities ? CapabilityMatrix.embedded().route(family.route()) : null;
    if (rules != null) { // only a family with rules pays for the tree the matrix reads
      Object tree = TREES.toJsonValue(request);
      if (tree instanceof Map<?, ?>) {
        CapabilityMatrix.embedded().validate(family.route(), family.requestSchema(),
            (Map<String, Object>) tree);
      }
    }
  }

  void check(String requestSchema, Object request) {
    if (request == null) {
      throw new KlingValidationException(requestSchema, List.of(
          Violation.of("$", null, "required", "the request must not be null")));
    }
  }
}
