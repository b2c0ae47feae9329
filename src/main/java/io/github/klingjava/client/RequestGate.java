package io.github.klingjava.client;

import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.validation.Violation;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.vendor.VendorProfile;
import java.util.List;

/** Checks a submit body against the spec (and the vendor's documented limits) before anything is sent. */
final class RequestGate {
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

  void check(SpecFamily family, Object request) {
    check(family.requestSchema(), request);
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
