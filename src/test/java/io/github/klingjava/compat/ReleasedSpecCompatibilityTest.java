package io.github.klingjava.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gate itself: the current spec against the released baseline in openapi/released/, with
 * CHANGELOG.md. The report goes to target/spec-compat/report.txt (the regeneration command prints
 * it). The other tests start from a baseline equal to the current spec and change it, to show the
 * same gate fails when the current spec drops an enum value or a response field of the baseline and
 * passes when it adds an optional request field; they hold whatever state openapi/released/ is in.
 */
class ReleasedSpecCompatibilityTest {

  static final Path BASELINE = Path.of("openapi", "released", "kling-api.yaml");
  static final Path CURRENT = Path.of(System.getProperty("kling.spec", "openapi/kling-api.yaml"));
  static final Path CHANGELOG = Path.of("CHANGELOG.md");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theCurrentSpecPassesTheGateAgainstTheReleasedBaseline() throws IOException {
    SpecCompatibility comparison = SpecCompatibility.compare(BASELINE, CURRENT);
    Path report = Path.of("target", "spec-compat", "report.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, comparison.report());
    System.out.print(comparison.report());

    SpecGate.Verdict verdict = SpecGate.check(comparison, Changelog.parse(Files.readString(CHANGELOG)));
    assertTrue(verdict.passes(), verdict::message);
  }

  @Test
  void theChangelogRecordsTheReleasedSpec() throws IOException {
    String version = spec(BASELINE).path("info").path("version").asText();
    assertTrue(changelog().specSection(version).isPresent(),
        "CHANGELOG.md has no '### Spec " + version + "' section for the released baseline (bash openapi/cut-baseline.sh sets it)");
  }

  @Test
  void aBaselineWithAnEnumValueTheCurrentSpecDropsFailsWithABreakingReport() throws IOException {
    JsonNode baseline = spec(CURRENT);
    Map.Entry<String, JsonNode> enumSchema = firstComponentWith(baseline, "enum");
    ((com.fasterxml.jackson.databind.node.ArrayNode) enumSchema.getValue().get("enum")).add("value-only-in-baseline");

    SpecGate.Verdict verdict = gate(baseline);
    System.out.println("[expected failure, shown as a user sees it]\n" + verdict.message());
    assertFalse(verdict.passes(), verdict::message);
    assertTrue(verdict.message().contains("breaking"), verdict::message);
    assertTrue(verdict.message().contains("enum value(s) 'value-only-in-baseline' removed"), verdict::message);
  }

  @Test
  void aBaselineWithAResponseFieldTheCurrentSpecDropsFailsWithABreakingReport() throws IOException {
    JsonNode baseline = spec(CURRENT);
    JsonNode taskEnvelope = followRef(baseline, firstOkResponseSchema(baseline));
    ((ObjectNode) taskEnvelope.get("properties")).putObject("field_only_in_baseline").put("type", "string");

    SpecGate.Verdict verdict = gate(baseline);
    System.out.println("[expected failure, shown as a user sees it]\n" + verdict.message());
    assertFalse(verdict.passes(), verdict::message);
    assertTrue(verdict.message().contains("breaking"), verdict::message);
    assertTrue(verdict.message().contains("field_only_in_baseline: property removed"), verdict::message);
  }

  @Test
  void aBaselineWithoutAnOptionalRequestFieldPassesWhenTheCurrentSpecAddsIt() throws IOException {
    JsonNode baseline = spec(CURRENT);
    ObjectNode request = (ObjectNode) followRef(baseline, firstRequestSchema(baseline));
    String optional = firstOptionalProperty(request);
    ((ObjectNode) request.get("properties")).remove(optional);

    SpecCompatibility comparison = SpecCompatibility.compare(baseline, spec(CURRENT));
    SpecGate.Verdict verdict = SpecGate.check(comparison, changelog());
    assertTrue(verdict.passes(), verdict::message);
    assertTrue(comparison.changes().stream().anyMatch(change -> change.kind().equals("optional-request-field-added")
        && change.where().endsWith(" " + optional)), comparison::report);
    assertEquals(0, comparison.breaking().size(), comparison::report);
  }

  private static SpecGate.Verdict gate(JsonNode baseline) throws IOException {
    return SpecGate.check(SpecCompatibility.compare(baseline, spec(CURRENT)), changelog());
  }

  private static Changelog changelog() throws IOException {
    return Changelog.parse(Files.readString(CHANGELOG));
  }

  private static JsonNode spec(Path file) throws IOException {
    return YAML.readTree(Files.readString(file));
  }

  private static Map.Entry<String, JsonNode> firstComponentWith(JsonNode spec, String keyword) {
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("components").path("schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      if (schema.getValue().has(keyword)) {
        return schema;
      }
    }
    throw new AssertionError("the spec has no component schema with '" + keyword + "'");
  }

  private static JsonNode firstOkResponseSchema(JsonNode spec) {
    for (JsonNode path : spec.path("paths")) {
      JsonNode schema = path.path("get").path("responses").path("200").path("content").path("application/json").path("schema");
      if (!schema.isMissingNode()) {
        return schema;
      }
    }
    throw new AssertionError("the spec has no GET with a JSON 200 response");
  }

  private static JsonNode firstRequestSchema(JsonNode spec) {
    for (JsonNode path : spec.path("paths")) {
      JsonNode schema = path.path("post").path("requestBody").path("content").path("application/json").path("schema");
      if (!schema.isMissingNode()) {
        return schema;
      }
    }
    throw new AssertionError("the spec has no POST with a JSON request body");
  }

  private static JsonNode followRef(JsonNode spec, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
      current = spec.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static String firstOptionalProperty(JsonNode schema) {
    JsonNode required = schema.path("required");
    for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      boolean isRequired = false;
      for (JsonNode r : required) {
        isRequired |= r.asText().equals(name);
      }
      if (!isRequired) {
        return name;
      }
    }
    throw new AssertionError("the request schema has no optional property");
  }
}
