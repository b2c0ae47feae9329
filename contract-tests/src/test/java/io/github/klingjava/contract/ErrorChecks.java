package io.github.klingjava.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.FamilyOps;
import io.github.klingjava.contract.client.Models;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.DeclaredFields;
import io.github.klingjava.contract.spec.ExampleCatalog;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import io.github.klingjava.error.KlingApiException;
import java.util.Objects;

/**
 * One named error example, selected with {@code Prefer: code=..., example=...}: the client must
 * raise the exception of the example's family with its status, business code, request id and body.
 */
final class ErrorChecks {

  private final ErrorExpectations expectations;
  private final DeclaredFields declared;

  ErrorChecks(SpecDocument spec) {
    this.expectations = new ErrorExpectations(spec);
    this.declared = new DeclaredFields(spec);
  }

  void check(PrismSession prism, ExampleCatalog.ErrorCase c) {
    String where = c.operation().operationId() + " / " + c.status() + " " + c.name();
    String schema = c.operation().responseSchemas().get(Integer.toString(c.status()));
    ExampleChecks.expectDeclared(where + ": the error example", declared.undeclared(schema, c.body()), schema);
    Class<? extends KlingApiException> expected = expectations.expected(c.status(), c.body());
    OperationSpec op = c.operation();
    Object request = op.kind() == OperationSpec.Kind.CREATE
        ? Models.lenient(FamilyOps.requestType(op.family()), op.requestExamples().values().iterator().next())
        : null;
    Clients.Wired wired = Clients.mock(prism, true, "code=" + c.status() + ", example=" + c.name());
    try {
      FamilyOps.call(wired.client(), op, request);
      throw new AssertionError(where + ": the client returned normally on HTTP " + c.status());
    } catch (KlingApiException e) {
      if (!expected.isInstance(e)) {
        throw new AssertionError(where + ": expected " + expected.getSimpleName() + " but the client raised "
            + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
      JsonNode code = c.body().path("code");
      Integer expectedCode = code.isNull() || code.isMissingNode() ? null : code.asInt();
      JsonNode requestId = c.body().path("request_id");
      String expectedRequestId = requestId.isMissingNode() || requestId.isNull() ? null : requestId.asText();
      assertEqual(where, "httpStatus()", c.status(), e.httpStatus());
      assertEqual(where, "businessCode()", expectedCode, e.businessCode());
      assertEqual(where, "requestId()", expectedRequestId, e.requestId());
      ExampleChecks.expectSame(where + ": rawBody() differs from the example", c.body(),
          Models.tree(e.rawBody()));
    } finally {
      wired.client().close();
    }
  }

  static void assertEqual(String where, String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(where + ": " + what + " expected " + expected + " but was " + actual);
    }
  }
}
