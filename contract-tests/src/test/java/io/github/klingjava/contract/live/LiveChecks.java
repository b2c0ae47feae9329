package io.github.klingjava.contract.live;

import io.github.klingjava.contract.client.SlViolation;
import io.github.klingjava.contract.report.RowHandle;
import java.util.List;

/**
 * The verdict on one live call: request violations fail (the client sent something the spec
 * forbids); response violations are drift and fail, except the drift the stand-in plants on
 * purpose, which must be detected and is recorded as a known deviation.
 */
final class LiveChecks {

  private LiveChecks() {
  }

  static void verdict(LiveSession session, String operationId, LiveSession.Result<?> result, RowHandle row) {
    String where = session.target().name() + " " + operationId;
    if (!result.requestViolations().isEmpty()) {
      throw new AssertionError(where + ": prism proxy reports that the client's request breaks the spec: "
          + result.requestViolations());
    }
    boolean planted = session.standIn() != null && operationId.equals(VendorStandIn.DRIFTED_OPERATION);
    List<SlViolation> drift = result.responseViolations();
    if (planted) {
      SlViolation caught = drift.stream()
          .filter(v -> String.join(".", v.location()).equals(VendorStandIn.DRIFTED_LOCATION))
          .findFirst()
          .orElseThrow(() -> new AssertionError(where + ": the stand-in's planted drift at "
              + VendorStandIn.DRIFTED_LOCATION + " was NOT reported by prism proxy; violations: " + drift));
      row.knownDeviation("planted drift detected by prism proxy: " + caught);
      return;
    }
    if (!drift.isEmpty()) {
      throw new AssertionError("DRIFT: " + where + ": the live answer breaks the spec (" + drift.size()
          + " violation(s)): " + drift);
    }
    if (result.thrown() != null) {
      throw new AssertionError(where + ": the client raised " + result.thrown().getClass().getSimpleName()
          + ": " + result.thrown().getMessage(), result.thrown());
    }
  }
}
