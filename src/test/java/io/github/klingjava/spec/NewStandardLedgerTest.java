package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec keeps every row of the fact sheet's new-standard sections 3.2-3.5 and the new callback dialect
 * (see {@code openapi/ledger/newstd-ledger.yaml}), checked with the seed ledger's item checker.
 */
class NewStandardLedgerTest {
  private static final String I2V = "/components/schemas/NewStandardImageToVideoRequest";

  private static SpecDocument spec;
  private static SeedLedger ledger;

  @BeforeAll
  static void load() throws Exception {
    spec = SpecDocument.load();
    ledger = SeedLedger.load("newstd-ledger.yaml", "newstd-examples");
  }

  @Test
  void everyRowHoldsInTheSpec() {
    ledger.assertHolds(spec, "new-standard");
  }

  @Test
  void everySectionHasItems() {
    assertTrue(ledger.items("3.2").size() >= 14 * 3, "3.2: " + ledger.items("3.2").size());
    for (String table : List.of("3.3", "3.4", "3.5", "5")) {
      assertTrue(ledger.items(table).size() >= 5, table + " has too few ledger items");
    }
    assertTrue(ledger.itemCount() >= 150, "ledger items: " + ledger.itemCount());
  }

  @Test
  void theNewStandardIsOneTaskV2FamilyAndApiKeyOnly() {
    JsonNode family = null;
    for (JsonNode tag : spec.at("/tags")) {
      if (tag.path("name").asText().equals("new-standard")) {
        family = tag.path("x-kling-family");
      }
    }
    assertEquals("task-v2", family == null ? null : family.path("kind").asText());
    int operations = 0;
    for (var path : spec.at("/paths").properties()) {
      for (var method : path.getValue().properties()) {
        if (method.getValue().path("tags").path(0).asText().equals("new-standard")) {
          operations++;
          assertEquals("[{\"apiKey\":[]}]", method.getValue().path("security").toString(),
              path.getKey() + " " + method.getKey());
        }
      }
    }
    assertEquals(6, operations, "four create routes and GET/POST /tasks");
  }

  @Test
  void droppingAModelFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ArrayNode) broken.at("/components/schemas/NewStandardOmniVideoModel/x-extensible-enum")).remove(1);
    assertReported(broken, "3.2 [POST /omni-video/kling-o1: a known model of the {model} route]: nothing at");
  }

  @Test
  void looseningAModelLimitFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ArrayNode) broken.at("/x-kling-capabilities/routes/text-to-video~1{model}/models/kling-2.6/values/duration"))
        .add("15");
    assertReported(broken, "3.2 [POST /text-to-video/kling-2.6: duration 5, 10]");
  }

  @Test
  void raisingTheBatchLimitFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/paths/~1tasks/get/parameters/0/schema")).put("maxItems", 50);
    assertReported(broken, "3.5 [GET /tasks task_ids: batch at most 20]");
  }

  @Test
  void addingAJwtSchemeFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ArrayNode) broken.at("/paths/~1image-to-video~1{model}/post/security")).addObject().putArray("klingJwt");
    assertReported(broken, "3.2 [POST /image-to-video/{model}: Authorization Bearer API key only]");
  }

  @Test
  void editingAVerbatimExampleFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/examples/newStandard.imageToVideo.official-3-0.request/value/settings"))
        .put("duration", 5);
    assertReported(broken, "example newStandard.imageToVideo.official-3-0.request no longer equals");
    assertTrue(spec.at(I2V + "/required/0").asText().equals("contents"));
  }

  private static void assertReported(ObjectNode broken, String expected) {
    ledger.assertReported(broken, expected);
  }
}
