package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec keeps every field row of the fact sheet's section-2 video tables, and the other video,
 * audio and lip-sync routes of its section 1.1 (see {@code openapi/ledger/video-ledger.yaml}),
 * checked with the seed ledger's item checker.
 */
class VideoLedgerTest {

  private static SpecDocument spec;
  private static SeedLedger ledger;

  @BeforeAll
  static void load() throws Exception {
    spec = SpecDocument.load();
    ledger = SeedLedger.load("video-ledger.yaml", "video-examples");
  }

  @Test
  void everyFieldRowHoldsInTheSpec() {
    ledger.assertHolds(spec, "video");
  }

  @Test
  void everyVideoTableOfSectionTwoHasItems() {
    for (String table : List.of("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "1.1")) {
      assertTrue(ledger.items(table).size() >= 15, table + " has too few ledger items");
    }
    assertTrue(ledger.itemCount() >= 250, "ledger items: " + ledger.itemCount());
  }

  @Test
  void droppingAFieldFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/MotionControlRequest/properties")).remove("character_orientation");
    assertReported(broken, "2.5 [character_orientation: required, image, video]: nothing at");
  }

  @Test
  void looseningALimitFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/DynamicMask/properties/trajectories")).put("maxItems", 78);
    assertReported(broken, "2.2 [dynamic_masks[].trajectories: 2-77 points]: DynamicMask.trajectories: maxItems is 78");
  }

  @Test
  void undoingAReconciliationDecisionFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/AdvancedLipSyncRequest/properties/face_choose")).put("maxItems", 4);
    ((ArrayNode) broken.at("/components/schemas/OmniImageType/x-extensible-enum")).set(1,
        broken.textNode("last_frame"));
    assertReported(broken, "2.7 [face_choose required, one entry]: AdvancedLipSyncRequest.face_choose: maxItems is 4");
    assertReported(broken, "2.4 [image_list[].type: first_frame, end_frame]: OmniImage.type: x-extensible-enum is");
  }

  @Test
  void droppingARouteFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/paths")).remove("/v1/audio/video-to-audio/{id}");
    assertReported(broken, "1.1 [GET /v1/audio/video-to-audio/{id}: query one]: nothing at");
  }

  @Test
  void editingAVerbatimExampleFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/examples/motionControl.official-v2-6-dance.request/value"))
        .put("mode", "std");
    assertReported(broken, "example motionControl.official-v2-6-dance.request no longer equals the seed's verbatim copy");
  }

  private static void assertReported(ObjectNode broken, String expected) {
    ledger.assertReported(broken, expected);
  }
}
