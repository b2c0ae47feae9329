package io.github.klingjava.contract;

import com.squareup.moshi.JsonDataException;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.FamilyOps;
import io.github.klingjava.contract.client.JsonDiff;
import io.github.klingjava.contract.client.Models;
import io.github.klingjava.contract.client.SlViolation;
import io.github.klingjava.contract.client.WireLog;
import io.github.klingjava.contract.constraints.Constraint;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.validation.Violation;
import io.github.klingjava.vendor.VendorProfile;
import java.util.List;
import java.util.Map;

/**
 * One declared body constraint: the request breaking it is rejected by the client (validation on:
 * {@link KlingValidationException} naming the same field and rule, nothing on the wire) and by
 * Prism (validation off: 400 with a matching {@code sl-violations} entry). Client-only rules
 * (x-kling-rules, vendor limits) are accepted by Prism: a known deviation, not a failure.
 */
final class ConstraintChecks {

  private ConstraintChecks() {
  }

  static String check(PrismSession prism, Constraint c) throws Exception {
    String where = c.operation().operationId() + " / " + c.caseName();
    OperationSpec op = c.operation();
    Class<?> type = FamilyOps.requestType(op.family());
    Object model = Models.lenient(type, c.invalidBody());
    // A property the model does not declare lands in its additional properties (at any depth), which the
    // client sends verbatim by design (RECONCILIATION R55): such a case is judged on the wire JSON.
    boolean typed = JsonDiff.diff(c.invalidBody(), Models.write(model)).isEmpty()
        && !carriesExtensions(model, 0);
    VendorProfile profile = profile(c.vendor(), prism.mock().baseUrl());

    List<Violation> client = typed ? clientRejects(where, profile, op, model)
        : untypedClientCheck(where, type, op, c);
    if (client.stream().noneMatch(v -> v.path().equals(c.clientPath()) && v.rule().equals(c.rule()))) {
      throw new AssertionError(where + ": the client's violations do not name " + c.clientPath()
          + " with rule " + c.rule() + ": " + client);
    }

    Answer answer = typed ? viaClient(profile, op, model) : PrismCalls.postRaw(prism, op, c.invalidBody());
    List<SlViolation> request = answer.violations().stream().filter(v -> !v.aboutResponse()).toList();
    if (c.clientOnly()) {
      if (answer.status() == 200 && request.isEmpty()) {
        return (c.kind() == Constraint.Kind.VENDOR ? "vendor limit (x-vendor-constraints." + c.vendor()
            + "): the client enforces it with the " + c.vendor() + " profile; Prism validates the spec-wide"
            + " schema and accepts" : "x-kling-rules: enforced by the client only; JSON Schema cannot state"
            + " it, so Prism accepts") + " (client: " + first(client, c) + ")";
      }
      return null; // both reject: agreement beyond what the spec promises
    }
    PrismCalls.expectRejected(where, answer, c);
    return null;
  }

  private static List<Violation> clientRejects(String where, VendorProfile profile, OperationSpec op,
      Object model) {
    Clients.Wired wired = Clients.of(profile, Credentials.apiKey(Clients.MOCK_KEY), true, null);
    try {
      FamilyOps.call(wired.client(), op, model);
    } catch (KlingValidationException e) {
      if (!wired.wire().exchanges().isEmpty()) {
        throw new AssertionError(where + ": the client threw but still sent the request", e);
      }
      return e.violations();
    } finally {
      wired.client().close();
    }
    throw new AssertionError(where + ": the client with validation on sent the invalid request");
  }

  /**
   * The typed model cannot carry the mutation (an undeclared property): the strict model must refuse
   * the JSON, and the client's validator must flag the JSON as the wire would carry it.
   */
  @SuppressWarnings("unchecked")
  private static List<Violation> untypedClientCheck(String where, Class<?> type, OperationSpec op,
      Constraint c) {
    try {
      Models.strict(type, c.invalidBody().toString());
      throw new AssertionError(where + ": " + type.getSimpleName() + " accepted JSON it cannot represent");
    } catch (JsonDataException expected) {
      // the model has no such field: the typed client cannot send it at all
    }
    Map<String, Object> wire = Models.plain(c.invalidBody(), Map.class);
    return RequestValidator.create().check(op.requestSchema(), wire, c.vendor());
  }

  private static Answer viaClient(VendorProfile profile, OperationSpec op, Object model) {
    Clients.Wired wired = Clients.of(profile, Credentials.apiKey(Clients.MOCK_KEY), false, null);
    try {
      FamilyOps.call(wired.client(), op, model);
      return Answer.of(wired.wire().last(), null);
    } catch (KlingApiException e) {
      // 400 -> InvalidRequestException; a client-only rule accepted by Prism may come back as the
      // operation's first 200 example, which can be a placeholder the client refuses: the wire decides.
      return Answer.of(wired.wire().last(), e);
    } finally {
      wired.client().close();
    }
  }

  static VendorProfile profile(String vendor, String baseUrl) {
    if (vendor == null) {
      return VendorProfile.custom(baseUrl);
    }
    for (VendorProfile known : List.of(VendorProfile.cometApi(), VendorProfile.anyApi(),
        VendorProfile.klingSingapore(), VendorProfile.klingBeijing())) {
      if (known.id().equalsIgnoreCase(vendor)) {
        return known.withBaseUrl(baseUrl);
      }
    }
    throw new AssertionError("x-vendor-constraints names vendor '" + vendor + "' but the client has no"
        + " VendorProfile with that id");
  }

  private static String first(List<Violation> violations, Constraint c) {
    return violations.stream().filter(v -> v.rule().equals(c.rule())).findFirst()
        .map(Violation::message).orElse("?");
  }

  /**
   * What Prism answered.
   *
   * @param status the HTTP status
   * @param violations its sl-violations
   * @param businessCode the envelope code the client read, or null
   */
  record Answer(int status, List<SlViolation> violations, Integer businessCode) {
    static Answer of(WireLog.Exchange exchange, KlingApiException e) {
      return new Answer(exchange.status(), exchange.parsedViolations(), e == null ? null : e.businessCode());
    }
  }

  /** Whether the model, or a model nested in it (a field or a list item), holds additional properties. */
  private static boolean carriesExtensions(Object value, int depth) {
    if (depth > 32 || value == null) {
      return false;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().anyMatch(item -> carriesExtensions(item, depth + 1));
    }
    if (!(value instanceof io.github.klingjava.json.AdditionalProperties model)) {
      return false;
    }
    if (!model.getAdditionalProperties().isEmpty()) {
      return true;
    }
    for (java.lang.reflect.Field f : value.getClass().getDeclaredFields()) {
      if (f.isAnnotationPresent(com.squareup.moshi.Json.class) && f.trySetAccessible()) {
        try {
          if (carriesExtensions(f.get(value), depth + 1)) {
            return true;
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return false;
  }
}
