package io.github.klingjava.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.moshi.JsonDataException;
import io.github.klingjava.client.KlingResponse;
import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.FamilyOps;
import io.github.klingjava.contract.client.JsonDiff;
import io.github.klingjava.contract.client.Models;
import io.github.klingjava.contract.client.SlViolation;
import io.github.klingjava.contract.client.WireLog;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.ExampleCatalog.OkCase;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.error.UnexpectedResponseException;
import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;
import java.util.List;

/**
 * The checks of one named example against the mock: the request example goes through the client
 * (and must reach the wire unchanged, with no {@code sl-violations}); the paired response example,
 * selected with {@code Prefer: example=}, must parse strictly and write back to the same JSON.
 * Every failure names the operation, the example and the field.
 */
final class ExampleChecks {

  private ExampleChecks() {
  }

  /**
   * @return null, or the reason the example is a known deviation (a placeholder 200 whose envelope
   *     code is not 0, which the client reports as an unexpected response by design)
   */
  static String check(PrismSession prism, OkCase c) {
    String where = c.operation().operationId() + " / " + c.name();
    if (c.response() == null || c.response().isMissingNode()) {
      throw new AssertionError(where + ": the request example has no 200 example of the same name");
    }
    OperationSpec op = c.operation();
    Object request = null;
    if (op.kind() == OperationSpec.Kind.CREATE) {
      if (c.request() == null) {
        throw new AssertionError(where + ": the 200 example has no request example of the same name");
      }
      request = parseRequest(where, FamilyOps.requestType(op.family()), c.request());
    }
    Clients.Wired wired = Clients.mock(prism, true, "example=" + c.name());
    int code = c.response().path("code").asInt(0);
    String body;
    String deviation = null;
    try {
      KlingResponse<?> answer = FamilyOps.call(wired.client(), op, request);
      if (code != 0) {
        throw new AssertionError(where + ": the example's envelope code is " + code
            + " but the client accepted it as a success");
      }
      body = answer.raw().body();
    } catch (UnexpectedResponseException e) {
      if (code == 0 || !Integer.valueOf(code).equals(e.businessCode())) {
        throw e;
      }
      body = e.rawBody();
      deviation = "placeholder 200 with code " + code + " (vendor page): the client reports"
          + " UnexpectedResponseException by design (RECONCILIATION R20/R21); shape checked strictly";
    }
    WireLog.Exchange exchange = wired.wire().last();
    if (request != null) {
      expectSame(where + ": the client sent a body that differs from the request example",
          c.request(), Models.tree(exchange.requestBody()));
    }
    List<SlViolation> violations = exchange.parsedViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(where + ": Prism reports sl-violations " + violations);
    }
    expectSame(where + ": Prism did not answer with the named example", c.response(), Models.tree(body));
    Class<?> type = op.kind() == OperationSpec.Kind.LIST ? TaskListResponse.class : TaskResponse.class;
    Object parsed = strictParse(where, type, body);
    expectSame(where + ": the " + type.getSimpleName() + " written back differs from the example",
        c.response(), Models.write(parsed));
    return deviation;
  }

  static Object parseRequest(String where, Class<?> type, JsonNode example) {
    Object model;
    try {
      model = Models.strict(type, example.toString());
    } catch (JsonDataException e) {
      throw new AssertionError(where + ": the request example does not map onto " + type.getSimpleName()
          + ": " + e.getMessage(), e);
    }
    expectSame(where + ": " + type.getSimpleName() + " written from the request example differs from it",
        example, Models.write(model));
    return model;
  }

  static Object strictParse(String where, Class<?> type, String body) {
    try {
      return Models.strict(type, body);
    } catch (JsonDataException e) {
      throw new AssertionError(where + ": strict parse into " + type.getSimpleName() + " failed: "
          + e.getMessage(), e);
    }
  }

  static void expectSame(String what, JsonNode expected, JsonNode actual) {
    List<String> differences = JsonDiff.diff(expected, actual);
    if (!differences.isEmpty()) {
      throw new AssertionError(what + ": " + String.join("; ", differences));
    }
  }
}
