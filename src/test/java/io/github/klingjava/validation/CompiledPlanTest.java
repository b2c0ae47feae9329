package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.klingjava.json.KlingMoshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The compiled plan against the interpreter it speeds up: over every request example of the spec
 * and thousands of mutations of them (each property dropped, or set to values that break or keep
 * each kind of rule, an unknown property added), for every vendor with limits of its own:
 * <ul>
 *   <li>whenever the plan passes a request, the interpreter finds nothing (no rule dropped);</li>
 *   <li>wherever the plan streams the whole schema, it passes every request the interpreter passes
 *       (the fast path is really taken, not always handed over).</li>
 * </ul>
 */
class CompiledPlanTest {
  private static final SchemaValidator SPEC = SchemaValidator.embedded();
  private static final List<Object> PROBES = probes();

  @Test
  void planAgreesWithTheInterpreterOnEveryMutationOfEveryExample() throws IOException {
    int checked = 0;
    int passedFast = 0;
    for (Map.Entry<String, Map<String, Object>> example : requestExamples().entrySet()) {
      String schema = schemaOf(example.getKey());
      List<String> vendors = new ArrayList<>();
      vendors.add(null);
      Map<String, Object> limits = SchemaValidator.asObject(SPEC.schema(schema).get("x-vendor-constraints"));
      if (limits != null) {
        vendors.addAll(limits.keySet());
      }
      boolean streamed = CompiledPlan.compile(SPEC, schema, null).fullyStreamed();
      for (Map<String, Object> request : mutations(schema, example.getValue())) {
        for (String vendor : vendors) {
          Buffer json = json(request);
          boolean fast = SPEC.accepts(schema, vendor, JsonReader.of(json.peek()));
          List<Violation> found = SPEC.validate(schema, RequestValidator.read(JsonReader.of(json.peek())), vendor);
          checked++;
          if (fast) {
            passedFast++;
            assertEquals(List.of(), found, () -> "the plan passed " + request + " for " + vendor);
          } else if (streamed) {
            assertFalse(found.isEmpty(), () -> "the plan handed over the valid " + request + " for " + vendor);
          }
        }
      }
    }
    assertTrue(checked > 2000, "too few cases: " + checked);
    assertTrue(passedFast > 100, "the fast path was hardly taken: " + passedFast);
  }

  @Test
  void theRequestSchemasWithoutCustomRulesStreamWhole() {
    assertTrue(CompiledPlan.compile(SPEC, RequestValidator.MULTI_IMAGE, "cometapi").fullyStreamed());
    assertTrue(CompiledPlan.compile(SPEC, RequestValidator.MULTI_IMAGE, null).fullyStreamed());
    assertTrue(CompiledPlan.compile(SPEC, "VirtualTryOnRequest", null).fullyStreamed());
    // series_amount (#11) is an integer or "auto", a oneOf of scalars the plan does not stream: that one value
    // is read as a tree and interpreted, the rest of an image-generation request streams
    assertFalse(CompiledPlan.compile(SPEC, RequestValidator.IMAGE_GENERATION, "cometapi").fullyStreamed());
    // the expansion request carries x-kling-rules (the 3x area): it is read as a tree and interpreted
    assertFalse(CompiledPlan.compile(SPEC, RequestValidator.IMAGE_EXPANSION, null).fullyStreamed());
  }

  @Test
  void anOpenSetPassesUnknownValuesAndKeepsTheOtherRules() {
    Map<String, Object> spec = SchemaValidator.parseObject("{\"components\":{\"schemas\":{"
        + "\"Model\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"],\"x-extensible-enum\":[\"a\",\"b\"],\"maxLength\":5},"
        + "\"R\":{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"m\":{\"$ref\":\"#/components/schemas/Model\"}}}}}}");
    SchemaValidator schemas = new SchemaValidator(spec);
    for (String value : List.of("a", "c-new", "toolong")) {
      Buffer json = new Buffer().writeUtf8("{\"m\":\"" + value + "\"}");
      boolean fast = schemas.accepts("R", null, JsonReader.of(json.peek()));
      List<Violation> found = schemas.validate("R", Map.of("m", value), null);
      assertEquals(!value.equals("toolong"), fast, value);
      assertEquals(value.equals("toolong") ? List.of("maxLength") : List.of(),
          found.stream().map(Violation::rule).toList(), value);
    }
  }

  @Test
  void anOpenSetMarkedWithoutAListKeepsItsEnumAsTheKnownValues() {
    Map<String, Object> spec = SchemaValidator.parseObject("{\"components\":{\"schemas\":{"
        + "\"R\":{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"string\",\"enum\":[\"a\"],"
        + "\"x-extensible-enum\":true}}}}}}");
    SchemaValidator schemas = new SchemaValidator(spec);
    assertTrue(CompiledPlan.compile(schemas, "R", null).fullyStreamed());
    assertTrue(schemas.accepts("R", null, JsonReader.of(new Buffer().writeUtf8("{\"m\":\"b\"}"))));
    assertEquals(List.of(), schemas.validate("R", Map.of("m", "b"), null));
  }

  private static List<Map<String, Object>> mutations(String schema, Map<String, Object> example) {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(example);
    Map<String, Object> properties = SchemaValidator.asObject(SPEC.schema(schema).get("properties"));
    for (String p : properties.keySet()) {
      if (example.containsKey(p)) {
        Map<String, Object> without = new LinkedHashMap<>(example);
        without.remove(p);
        out.add(without);
      }
      for (Object probe : PROBES) {
        Map<String, Object> changed = new LinkedHashMap<>(example);
        changed.put(p, probe);
        out.add(changed);
      }
    }
    Map<String, Object> extra = new LinkedHashMap<>(example);
    extra.put("unknown_field", 1);
    out.add(extra);
    return out;
  }

  private static List<Object> probes() {
    List<Object> p = new ArrayList<>(List.of("", "a", "x".repeat(201), "x".repeat(501), "x".repeat(2501),
        0, -1, 1, 0.5, 2, 2.5, 3, 9, 10, 11, -10.5, 1.0, 123456789012L, 3000000000L, true,
        "kling-v1", "kling-v2-1", "new-model-x", "std", "pro", "5", "7", "10", "16:9", "1k", "subject",
        "data:image/png;base64,AAAA", "http://a b", "https://example.com/a.png", "https://x/\n",
        "iVBORw0KGgo=", "iVBORw0KGgo===", "AAAA", "ab$c", "simple", "down_back",
        // long enough to be scanned as they stream by
        "A".repeat(6000), "A".repeat(6000) + "==", "A".repeat(6000) + "===", "A".repeat(6000) + "=A",
        "A".repeat(3000) + "!" + "A".repeat(3000), "A".repeat(5000) + "\n", "https://x/" + "a".repeat(5000),
        "A".repeat(3000) + "\u00e9" + "A".repeat(3000)));
    p.add(List.of());
    p.add(List.of(Map.of("subject_image", "https://example.com/s.png")));
    p.add(List.of(Map.of("subject_image", "https://example.com/s.png"), Map.of("subject_image", "AAAA")));
    p.add(List.of(Map.of("subject_image", "data:x")));
    p.add(List.of(Map.of("element_id", 5)));
    p.add(List.of(Map.of("mask", "AAAA", "trajectories", List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4)))));
    p.add(List.of(Map.of("mask", "AAAA", "trajectories", List.of(Map.of("x", 1, "y", 2)))));
    p.add(Map.of());
    p.add(Map.of("enabled", true));
    p.add(Map.of("enabled", "yes"));
    p.add(Map.of("type", "simple", "config", Map.of("pan", 1)));
    p.add(Map.of("type", "simple", "config", Map.of("pan", 1, "tilt", 2)));
    p.add(Map.of("type", "down_back"));
    p.add(Map.of("type", "down_back", "config", Map.of("zoom", 3)));
    return p;
  }

  private static Buffer json(Map<String, Object> request) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      KlingMoshi.create().adapter(Object.class).toJson(writer, request);
    }
    return buffer;
  }

  private static Map<String, Map<String, Object>> requestExamples() {
    Map<String, Object> examples = SchemaValidator.asObject(SchemaValidator.asObject(
        SPEC.spec().get("components")).get("examples"));
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : examples.entrySet()) {
      Object value = SchemaValidator.asObject(e.getValue()).get("value");
      if (e.getKey().endsWith(".request") && value instanceof Map && schemaOf(e.getKey()) != null) {
        out.put(e.getKey(), SchemaValidator.asObject(value));
      }
    }
    return out;
  }

  /** The request schema of an example by its family prefix (e.g. imageGeneration.x.request). */
  private static String schemaOf(String example) {
    String family = example.substring(0, example.indexOf('.'));
    switch (family) {
      case "imageGeneration": return RequestValidator.IMAGE_GENERATION;
      case "multiImage": return RequestValidator.MULTI_IMAGE;
      case "imageExpansion": return RequestValidator.IMAGE_EXPANSION;
      case "imageToVideo": return RequestValidator.IMAGE_TO_VIDEO;
      default: return null;
    }
  }
}
