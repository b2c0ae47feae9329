package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec keeps every field row of the fact sheet's sections 2.12 (elements), 2.13 (voices) and 2.14 (account
 * costs and billing) and the routes 65-78 of its section 1.1 (see {@code openapi/ledger/platform-ledger.yaml}),
 * checked with the seed ledger's item checker.
 */
class PlatformLedgerTest {

  private static SpecDocument spec;
  private static SeedLedger ledger;

  @BeforeAll
  static void load() throws Exception {
    spec = SpecDocument.load();
    ledger = SeedLedger.load("platform-ledger.yaml", "platform-examples");
  }

  @Test
  void everyFieldRowAndRouteHoldsInTheSpec() {
    ledger.assertHolds(spec, "platform");
  }

  @Test
  void everySectionHasItems() {
    assertTrue(ledger.items("2.12").size() >= 30, "2.12: " + ledger.items("2.12").size());
    assertTrue(ledger.items("2.13").size() >= 15, "2.13: " + ledger.items("2.13").size());
    assertTrue(ledger.items("2.14").size() >= 35, "2.14: " + ledger.items("2.14").size());
    assertTrue(ledger.items("1.1").size() >= 40, "1.1: " + ledger.items("1.1").size());
  }

  @Test
  void droppingARouteFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/paths")).remove("/v1/general/delete-elements");
    assertReported(broken, "1.1 [#70 POST /v1/general/delete-elements: sync delete]: nothing at");
  }

  @Test
  void looseningALimitFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/ElementRequest/properties/element_name")).put("maxLength", 21);
    ((ObjectNode) broken.at("/components/parameters/VoicePageSize/schema")).put("maximum", 500);
    assertReported(broken, "2.12 [element_name: string, required, at most 20 characters]: "
        + "ElementRequest.element_name: maxLength is 21");
    assertReported(broken, "1.1 [#73 VoicePageSize: maximum 1000]");
  }

  @Test
  void droppingThePagingConventionFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/paths/~1account~1billing~1package/post")).remove("x-kling-paging");
    ((ObjectNode) broken.at("/paths/~1v1~1general~1presets-voices/get/x-kling-paging")).put("size", "limit");
    assertReported(broken, "1.1 [#78 billing package: cursor paging in the body]: nothing at");
    assertReported(broken, "1.1 [#74 presets-voices: a call, page paging]");
  }

  @Test
  void undoingAReconciliationDecisionFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/VoiceRequest")).remove("anyOf");
    assertReported(broken, "2.13 [voice_url or video_id: one of the two]: nothing at");
  }

  @Test
  void editingAVerbatimExampleFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/examples/billingPackage.official-all-filters.request/value"))
        .put("limit", 500);
    assertReported(broken, "example billingPackage.official-all-filters.request no longer equals the seed's verbatim copy");
  }

  private static void assertReported(ObjectNode broken, String expected) {
    ledger.assertReported(broken, expected);
  }
}
