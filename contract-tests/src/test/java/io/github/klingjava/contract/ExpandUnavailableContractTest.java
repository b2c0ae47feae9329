package io.github.klingjava.contract;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.FamilyOps;
import io.github.klingjava.contract.client.Models;
import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.report.Rows;
import io.github.klingjava.contract.report.Section;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import io.github.klingjava.error.EndpointUnavailableException;
import io.github.klingjava.vendor.TaskFamily;
import io.github.klingjava.vendor.VendorProfile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CometAPI's expand route (RECONCILIATION R09) against the mock: with the CometAPI profile, the
 * documented 404 body {@code {"code": null, "message": "404"}} (example cometapi-route-unavailable)
 * maps to EndpointUnavailableException on every expand operation. The live counterpart is in
 * {@link LiveContractTest}.
 */
@Tag("smoke")
@ExtendWith(PrismExtension.class)
@DisplayName("expand-unavailable")
class ExpandUnavailableContractTest {

  private static final String EXAMPLE = "cometapi-route-unavailable";

  @TestFactory
  @DisplayName("expand-unavailable")
  Stream<DynamicTest> cometApiExpand404(PrismSession prism) {
    SpecDocument spec = SpecDocument.load();
    return spec.operations().stream().filter(op -> op.family().equals("ImageExpansion"))
        .map(op -> DynamicTest.dynamicTest(op.operationId() + " 404 " + EXAMPLE + " with the CometAPI profile",
            () -> Rows.run(Section.ERROR, op.operationId(), "cometapi profile: 404 " + EXAMPLE,
                prism.mockTarget(), "", row -> check(prism, op))));
  }

  private static void check(PrismSession prism, OperationSpec op) {
    String where = op.operationId() + " / " + EXAMPLE;
    if (op.responseExamples().getOrDefault("404", java.util.Map.of()).get(EXAMPLE) == null) {
      throw new AssertionError(where + ": the spec no longer documents CometAPI's expand 404");
    }
    VendorProfile comet = VendorProfile.cometApi().withBaseUrl(prism.mock().baseUrl());
    if (!comet.isKnownUnavailable(TaskFamily.IMAGE_EXPANSION)) {
      throw new AssertionError(where + ": the CometAPI profile no longer lists expand as unavailable");
    }
    Clients.Wired wired = Clients.of(comet, Credentials.apiKey(Clients.MOCK_KEY), true, "code=404, example=" + EXAMPLE);
    Object request = op.kind() == OperationSpec.Kind.CREATE
        ? Models.lenient(FamilyOps.requestType(op.family()), op.requestExamples().values().iterator().next())
        : null;
    try {
      FamilyOps.call(wired.client(), op, request);
      throw new AssertionError(where + ": the client returned normally on the documented 404");
    } catch (EndpointUnavailableException e) {
      ErrorChecks.assertEqual(where, "httpStatus()", 404, e.httpStatus());
      ErrorChecks.assertEqual(where, "businessCode()", null, e.businessCode());
      ErrorChecks.assertEqual(where, "requestId()", null, e.requestId());
    } finally {
      wired.client().close();
    }
  }
}
