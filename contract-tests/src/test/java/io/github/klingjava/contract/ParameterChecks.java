package io.github.klingjava.contract;

import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.FamilyOps;
import io.github.klingjava.contract.constraints.Constraint;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.error.InvalidRequestException;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.util.List;

/**
 * One parameter constraint (pageNum, pageSize, id): Prism rejects the out-of-range value (sent as
 * plain HTTP, since the client checks page ranges even with validation off) and the client rejects
 * it too. Where the client names the rule differently or leaves the check to the server, the row is
 * a known deviation that says so.
 */
final class ParameterChecks {

  private ParameterChecks() {
  }

  static String check(PrismSession prism, Constraint c) {
    String where = c.operation().operationId() + " / " + c.caseName();
    PrismCalls.expectRejected(where, PrismCalls.getRaw(prism, c.operation(), c.parameter()), c);

    Clients.Wired wired = Clients.mock(prism, true, null);
    try {
      call(wired, c);
      throw new AssertionError(where + ": the client accepted " + c.parameter());
    } catch (KlingValidationException e) {
      if (!wired.wire().exchanges().isEmpty()) {
        throw new AssertionError(where + ": the client threw but still sent the request", e);
      }
      return compare(where, e.violations(), c);
    } catch (InvalidRequestException e) {
      if (e.httpStatus() != 400) {
        throw e;
      }
      return "the client does not check " + c.parameter().name() + " " + c.rule() + " " + c.detail()
          + " itself: it sends the request and reports Prism's 400 (code " + e.businessCode()
          + ") as InvalidRequestException";
    } finally {
      wired.client().close();
    }
  }

  private static void call(Clients.Wired wired, Constraint c) {
    OperationSpec op = c.operation();
    Constraint.ParameterCall p = c.parameter();
    if (op.kind() == OperationSpec.Kind.LIST) {
      int pageNum = p.name().equals("pageNum") ? Integer.parseInt(p.value()) : 1;
      int pageSize = p.name().equals("pageSize") ? Integer.parseInt(p.value()) : 30;
      FamilyOps.list(wired.client(), op, pageNum, pageSize);
    } else {
      FamilyOps.get(wired.client(), op, p.value());
    }
  }

  private static String compare(String where, List<Violation> violations, Constraint c) {
    String name = c.parameter().name();
    Violation match = violations.stream()
        .filter(v -> v.path().equals("$." + name) || v.path().equals("$.taskId") && name.equals("id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(where + ": the client's violations do not name " + name
            + ": " + violations));
    if (match.rule().equals(c.rule()) && match.path().equals("$." + name)) {
      return null;
    }
    return "both reject; the client names it " + match.path() + " rule '" + match.rule()
        + "' where the spec says " + name + " " + c.rule() + " " + c.detail();
  }
}
