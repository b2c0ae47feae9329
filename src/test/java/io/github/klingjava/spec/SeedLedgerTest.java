package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spec keeps every field, constraint and example of the five seed documents (see the ledger). */
class SeedLedgerTest {
  private static SpecDocument spec;
  private static SeedLedger ledger;

  @BeforeAll
  static void load() throws Exception {
    spec = SpecDocument.load();
    ledger = SeedLedger.load();
  }

  @Test
  void everySeedItemHoldsInTheSpec() {
    List<String> violations = ledger.violations(spec);
    assertEquals(List.of(), violations, "seed ledger violations:\n" + String.join("\n", violations));
  }

  @Test
  void everySeedDocumentHasItems() {
    for (String seed : List.of("S0", "S1", "S2", "S3", "S4")) {
      assertTrue(ledger.items(seed).size() >= 15, seed + " has too few ledger items");
    }
    assertTrue(ledger.itemCount() >= 100, "ledger items: " + ledger.itemCount());
  }

  @Test
  void droppingASeedFieldFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/ImageExpansionRequest/properties")).remove("bottom_expansion_ratio");
    assertReported(broken, "S0 [bottom_expansion_ratio: number, required, range 0-2 (Kling calls it down_)]: nothing at");
  }

  @Test
  void looseningAConstraintFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/schemas/ImageCount")).put("maximum", 10);
    assertReported(broken, "S1 [n: integer, [1,9]]: ImageExpansionRequest.n: maximum is 10, the seed says 9");
  }

  @Test
  void droppingARequiredFlagFails() {
    ObjectNode broken = spec.mutableCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) broken.at("/components/schemas/ImageExpansionRequest/required")).remove(0);
    assertReported(broken, "S0 [image: string, required]: ImageExpansionRequest.image is no longer required");
  }

  @Test
  void droppingAnEnumValueFails() {
    ObjectNode broken = spec.mutableCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) broken.at("/components/schemas/AspectRatio/enum")).remove(7);
    assertReported(broken, "S2 [aspect_ratio: enum of 8 incl. 21:9, default 16:9]: ImageGenerationRequest.aspect_ratio: enum is");
  }

  @Test
  void editingAVerbatimExampleFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/examples/imageExpansion.anyapi-cn-official-names.request/value")).put("prompt", "focus");
    assertReported(broken, "example imageExpansion.anyapi-cn-official-names.request no longer equals the seed's verbatim copy");
  }

  @Test
  void droppingAnExampleFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/components/examples")).remove("imageToVideo.cometapi-ar-image-only.response");
    assertReported(broken, "example imageToVideo.cometapi-ar-image-only.response is missing");
  }

  @Test
  void unlinkingAnExampleFromItsOperationFails() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/paths/~1v1~1images~1generations/post/requestBody/content/application~1json/examples"))
        .remove("reseller-cn-image-to-image");
    assertReported(broken, "example imageGeneration.reseller-cn-image-to-image.request is not referenced at");
  }

  @Test
  void droppingAReconciliationRowFails() {
    SeedLedger withoutR01 = new SeedLedger(
        SpecDocument.readYaml(SeedLedger.LEDGER),
        file -> SpecDocument.readJson(SeedLedger.SEED_EXAMPLES.resolve(file)),
        "| R02 | only |");
    List<String> violations = withoutR01.violations(spec);
    assertTrue(violations.stream().anyMatch(v -> v.contains("cites reconciliation row R01")), String.join("\n", violations));
  }

  private static void assertReported(ObjectNode broken, String expected) {
    List<String> violations = ledger.violations(SpecDocument.of(broken));
    assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
        "expected a violation containing <" + expected + "> but got:\n" + String.join("\n", violations));
  }
}
