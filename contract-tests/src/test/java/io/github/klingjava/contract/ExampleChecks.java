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
import io.github.klingjava.contract.spec.DeclaredFields;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import io.github.klingjava.error.UnexpectedResponseException;
import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;
import java.util.ArrayList;
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
    List<String> problems = new ArrayList<>();
    DeclaredFields declared = new DeclaredFields(SpecDocument.load());
    if (c.request() != null) {
      collect(problems, () -> expectDeclared("the request example",
          declared.undeclared(op.requestSchema(), c.request()), op.requestSchema()));
    }
    collect(problems, () -> expectDeclared("the 200 example",
        declared.undeclared(op.responseSchemas().get("200"), c.response()), op.responseSchemas().get("200")));
    Object request = null;
    if (op.kind() == OperationSpec.Kind.CREATE) {
      if (c.request() == null) {
        throw new AssertionError(where + ": the 200 example has no request example of the same name");
      }
      Class<?> type = FamilyOps.requestType(op.family());
      try {
        request = parseRequest(type, c.request());
      } catch (AssertionError e) {
        problems.add(e.getMessage());
        request = Models.lenient(type, c.request()); // still send what the model can carry
      }
    }
    Clients.Wired wired = Clients.mock(prism, true, "example=" + c.name());
    int code = c.response().path("code").asInt(0);
    String body;
    String deviation = null;
    try {
      KlingResponse<?> answer = FamilyOps.call(wired.client(), op, request);
      if (code != 0) {
        problems.add("the example's envelope code is " + code + " but the client accepted it as a success");
      }
      body = answer.raw().body();
    } catch (UnexpectedResponseException e) {
      if (code == 0 || !Integer.valueOf(code).equals(e.businessCode())) {
        throw failure(where, problems, e);
      }
      body = e.rawBody();
      deviation = "placeholder 200 with code " + code + " (vendor page): the client reports"
          + " UnexpectedResponseException by design (RECONCILIATION R20/R21); shape checked strictly";
    } catch (RuntimeException e) {
      throw failure(where, problems, e);
    }
    WireLog.Exchange exchange = wired.wire().last();
    wired.client().close();
    String answered = body;
    if (c.request() != null) {
      collect(problems, () -> expectSame("the client sent a body that differs from the request example",
          c.request(), Models.tree(exchange.requestBody())));
    }
    List<SlViolation> violations = exchange.parsedViolations();
    if (!violations.isEmpty()) {
      problems.add("Prism reports sl-violations " + violations);
    }
    collect(problems, () -> expectSame("Prism did not answer with the named example", c.response(),
        Models.tree(answered)));
    Class<?> type = op.kind() == OperationSpec.Kind.LIST ? TaskListResponse.class : TaskResponse.class;
    collect(problems, () -> {
      Object parsed = strictParse(type, answered);
      expectSame("the " + type.getSimpleName() + " written back differs from the example", c.response(),
          Models.write(parsed));
    });
    if (!problems.isEmpty()) {
      throw failure(where, problems, null);
    }
    return deviation;
  }

  /** Runs one check and keeps its failure, so one test reports every problem of its example. */
  static void collect(List<String> problems, Runnable check) {
    try {
      check.run();
    } catch (AssertionError e) {
      problems.add(e.getMessage());
    }
  }

  static AssertionError failure(String where, List<String> problems, Throwable cause) {
    List<String> all = new ArrayList<>(problems);
    if (cause != null) {
      all.add("the client raised " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
    AssertionError error = new AssertionError(where + ": " + String.join(" | ", all));
    if (cause != null) {
      error.initCause(cause);
    }
    return error;
  }

  static void expectDeclared(String what, List<String> undeclared, String schema) {
    if (!undeclared.isEmpty()) {
      throw new AssertionError(what + " uses fields the spec's schema " + schema + " does not declare"
          + " (renamed or removed in the schema?): " + String.join(", ", undeclared));
    }
  }

  static Object parseRequest(Class<?> type, JsonNode example) {
    Object model;
    try {
      model = Models.strict(type, example.toString());
    } catch (JsonDataException e) {
      throw new AssertionError("the request example does not map onto " + type.getSimpleName()
          + ": " + e.getMessage(), e);
    }
    expectSame(type.getSimpleName() + " written from the request example differs from it",
        example, Models.write(model));
    return model;
  }

  static Object strictParse(Class<?> type, String body) {
    try {
      return Models.strict(type, body);
    } catch (JsonDataException e) {
      throw new AssertionError("strict parse into " + type.getSimpleName() + " failed: " + e.getMessage(), e);
    }
  }

  static void expectSame(String what, JsonNode expected, JsonNode actual) {
    List<String> differences = JsonDiff.diff(expected, actual);
    if (!differences.isEmpty()) {
      throw new AssertionError(what + ": " + String.join("; ", differences));
    }
  }
}
