package io.github.klingjava.client;

import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.validation.CapabilityMatrix;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.validation.Violation;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.vendor.VendorProfile;
import java.util.List;
import java.util.Map;

/** Checks a submit body against the spec (and the vendor's documented limits) before anything is sent. */
final class RequestGate {
  private static final com.squareup.moshi.Moshi TREES = KlingMoshi.create();
  private final RequestValidator validator;
  private final VendorProfile vendor;

  private RequestGate(RequestValidator validator, VendorProfile vendor) {
    this.validator = validator;
    this.vendor = vendor;
  }

  static RequestGate validating(VendorProfile vendor) {
    return new RequestGate(RequestValidator.create(), vendor);
  }

  /** Only the null check: for tests that must put invalid requests on the wire (e.g. against a mock). */
  static RequestGate nullCheckOnly(VendorProfile vendor) {
    return new RequestGate(null, vendor);
  }

  @SuppressWarnings("unchecked")
  void check(SpecFamily family, Object request) {
    check(family.requestSchema(), request);
    if (validator != null) {
      // video-facade (#10): the spec's model capability matrix, after the schema rules
      Object tree = TREES.adapter(Object.class).toJsonValue(request);
      if (tree instanceof Map<?, ?> body) {
        CapabilityMatrix.embedded().validate(family.route(), family.requestSchema(), (Map<String, Object>) body);
      }
    }
  }

  void check(String requestSchema, Object request) {
    if (request == null) {
      throw new KlingValidationException(requestSchema, List.of(
          Violation.of("$", null, "required", "the request must not be null")));
    }
    if (validator != null) {
      validator.validate(requestSchema, request, vendor.id());
    }
  }
}
