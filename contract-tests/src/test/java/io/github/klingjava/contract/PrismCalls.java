package io.github.klingjava.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.SlViolation;
import io.github.klingjava.contract.constraints.Constraint;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.OperationSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plain HTTP to the mock, for what the typed client refuses to put on the wire (an undeclared
 * property, an out-of-range page), and the shared "Prism rejected it" assertion.
 */
final class PrismCalls {

  private static final MediaType JSON = MediaType.get("application/json");

  private PrismCalls() {
  }

  static ConstraintChecks.Answer postRaw(PrismSession prism, OperationSpec op, JsonNode body) {
    return send(new Request.Builder().url(prism.mock().baseUrl() + op.path())
        .post(RequestBody.create(body.toString(), JSON)));
  }

  static ConstraintChecks.Answer getRaw(PrismSession prism, OperationSpec op, Constraint.ParameterCall call) {
    HttpUrl base = HttpUrl.get(prism.mock().baseUrl());
    HttpUrl.Builder url;
    if (op.kind() == OperationSpec.Kind.LIST) {
      url = base.newBuilder().encodedPath(op.path())
          .addQueryParameter("pageNum", call.name().equals("pageNum") ? call.value() : "1")
          .addQueryParameter("pageSize", call.name().equals("pageSize") ? call.value() : "30");
    } else {
      url = base.newBuilder().encodedPath(op.path().replace("{" + call.name() + "}", call.value()));
    }
    return send(new Request.Builder().url(url.build()).get());
  }

  private static ConstraintChecks.Answer send(Request.Builder request) {
    Request built = request.header("Authorization", "Bearer " + Clients.MOCK_KEY)
        .header("Accept", "application/json").build();
    try (Response response = Clients.shared().newCall(built).execute()) {
      JsonNode body = response.body() == null ? null : readCode(response.body().string());
      Integer code = body != null && body.path("code").isInt() ? body.get("code").asInt() : null;
      return new ConstraintChecks.Answer(response.code(), SlViolation.parse(response.header("sl-violations")),
          code);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readCode(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  /** Prism must answer 400 or 422, with the spec's 1200 example, and name the constraint. */
  static void expectRejected(String where, ConstraintChecks.Answer answer, Constraint c) {
    if (answer.status() != 400 && answer.status() != 422) {
      throw new AssertionError(where + ": Prism answered " + answer.status() + " instead of 400/422;"
          + " sl-violations: " + answer.violations());
    }
    if (answer.status() == 400 && !Integer.valueOf(1200).equals(answer.businessCode())) {
      throw new AssertionError(where + ": Prism's 400 should be the spec's 1200 example, code was "
          + answer.businessCode());
    }
    List<SlViolation> matching = answer.violations().stream()
        .filter(v -> v.location().equals(c.prismLocation()) && v.code().equals(c.prismCode()))
        .filter(v -> c.prismProperty() == null || v.message().contains("'" + c.prismProperty() + "'"))
        .toList();
    if (matching.isEmpty()) {
      throw new AssertionError(where + ": Prism rejected it but no sl-violation names "
          + String.join(".", c.prismLocation()) + " " + c.prismCode()
          + (c.prismProperty() == null ? "" : " '" + c.prismProperty() + "'") + ": " + answer.violations());
    }
  }
}
