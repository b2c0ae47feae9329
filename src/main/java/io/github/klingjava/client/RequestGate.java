package io.github.klingjava.client;

import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import io.github.klingjava.vendor.TaskFamily;
import java.util.List;

/**
 * Refuses a null submit body before a call is built. The spec's rules are checked on the bytes the
 * body is written to, by {@link CheckedBodyConverter}, once, right before sending.
 */
final class RequestGate {
  private RequestGate() {
  }

  static RequestGate create() {
    return new RequestGate();
  }

  void check(TaskFamily family, Object request) {
    if (request == null) {
      throw new KlingValidationException(family.requestSchema(), List.of(
          Violation.of("$", null, "required", "the request must not be null")));
    }
  }
}
