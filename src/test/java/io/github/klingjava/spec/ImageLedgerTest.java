package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec keeps every field row of the fact sheet's image tables (sections 2.9-2.11: image generation,
 * AI multi-shot, omni-image, virtual try-on) and the image routes of its section 1.1 (rows 39, 47-64),
 * see {@code openapi/ledger/image-ledger.yaml}, checked with the seed ledger's item checker.
 */
class ImageLedgerTest {

  private static SpecDocument spec;
  private static SeedLedger ledger;

  @BeforeAll
  static void load() throws Exception {
    spec = SpecDocument.load();
    ledger = SeedLedger.load("image-ledger.yaml", "image-examples");
  }

  @Test
  void everyFieldRowHoldsInTheSpec() {
    ledger.assertHolds(spec, "image");
  }

  @Test
  void everyImageTableHasItems() {
    for (String table : List.of("2.9", "2.10", "2.11", "1.1")) {
      assertTrue(ledger.items(table).size() >= 15, table + " has too few ledger items");
    }
    assertTrue(ledger.itemCount() >= 130, "ledger items: " + ledger.itemCount());
  }

  @Test
  void droppingAFieldFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/OmniImageRequest/properties")).remove("series_amount");
    assertReported(broken, "2.10 [series_amount: default 4, ignored when single]: nothing at");
  }

  @Test
  void looseningALimitFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/SeriesAmount/oneOf/0")).put("maximum", 10);
    assertReported(broken, "2.9 [series_amount: 2-9]: /components/schemas/SeriesAmount/oneOf/0: maximum is 10");
  }

  @Test
  void undoingAReconciliationDecisionFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ArrayNode) broken.at("/x-kling-capabilities/routes/v1~1images~1omni-image/models/kling-image-o1/values/result_type"))
        .add("series");
    ((ObjectNode) broken.at("/components/schemas/VirtualTryOnRequest")).putArray("required")
        .add("human_image").add("cloth_image");
    assertReported(broken, "2.10 [series: Image 3.0 Omni only]");
    assertReported(broken, "2.11 [cloth_image: optional per the table (contradiction 44)]: "
        + "VirtualTryOnRequest.cloth_image became required");
  }

  @Test
  void droppingARouteOrItsIdRuleFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/paths")).remove("/v1/general/ai-multi-shot");
    ((ObjectNode) broken.at("/paths/~1v1~1images~1kolors-virtual-try-on~1{id}/get/parameters/0"))
        .put("$ref", "#/components/parameters/TaskId");
    assertReported(broken, "1.1 [row 62 POST /v1/general/ai-multi-shot]: nothing at");
    assertReported(broken, "2.11 [GET /v1/images/kolors-virtual-try-on/{id}: task_id only documented]");
  }

  @Test
  void editingAVerbatimExampleFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/examples/omniImage.official-series.request/value"))
        .put("series_amount", 3);
    assertReported(broken, "example omniImage.official-series.request no longer equals the seed's verbatim copy");
  }

  private static void assertReported(ObjectNode broken, String expected) {
    ledger.assertReported(broken, expected);
  }
}
