package io.github.klingjava.validation;

import static io.github.klingjava.validation.Trees.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Regenerating is a spec edit: a copy of the embedded spec gains optional properties (a string
 * with a length limit, an integer range, a closed enum and an open set) on the image-to-video
 * request, and everything the unit tests derive from the spec follows with no Java edit: the
 * valid bases stay valid, the new limits get passing and failing cases that hold against a
 * validator over the copy, and the coverage check finds nothing uncovered.
 */
class NewOptionalPropertyTest {

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  @Test
  void newOptionalPropertiesPassWithNoJavaEdit() throws Exception {
    Map<String, Object> spec = copyOfEmbeddedSpec();
    Map<String, Object> properties = properties(spec, RequestValidator.IMAGE_TO_VIDEO);
    properties.put("future_note", Map.of("type", "string", "maxLength", 40,
        "description", "A property newer than this client."));
    properties.put("future_level", Map.of("type", "integer", "format", "int32", "minimum", 1,
        "maximum", 3, "description", "Another."));
    properties.put("future_tier", Map.of("type", "string", "enum", List.of("basic", "plus"),
        "description", "A closed set."));
    properties.put("future_style", Map.of("type", "string", OpenVocabulary.KEYWORD,
        List.of("calm"), "description", "An open set."));
    SchemaValidator edited = new SchemaValidator(spec);

    // the valid base requests stay valid
    for (Map.Entry<String, List<Map<String, Object>>> e : RequestConstraintsTest.bases()
        .entrySet()) {
      for (Map<String, Object> base : e.getValue()) {
        assertEquals(List.of(), edited.validate(e.getKey(), base, null), e.getKey() + " " + base);
      }
    }
    // a request using the new properties passes the edited spec (and only it)
    Map<String, Object> newer = with(with(with(with(RequestConstraintsTest.IV_BASE,
        "$.future_note", "n"), "$.future_level", 2), "$.future_tier", "plus"),
        "$.future_style", "bold");
    assertEquals(List.of(), edited.validate(RequestValidator.IMAGE_TO_VIDEO, newer, null));
    assertFalse(SchemaValidator.embedded().validate(RequestValidator.IMAGE_TO_VIDEO, newer, null)
        .isEmpty(), "the embedded spec does not know them: the edit is what makes them valid");

    // the derived cases cover the new limits on both sides, and hold against the edited spec
    List<SpecDerivedCases.Derived> derived = SpecDerivedCases.derive(edited,
        RequestConstraintsTest.bases());
    Set<String> fresh = Set.of("ImageToVideoRequest $.future_note maxLength",
        "ImageToVideoRequest $.future_level minimum", "ImageToVideoRequest $.future_level maximum",
        "ImageToVideoRequest $.future_tier enum");
    for (String key : fresh) {
      assertTrue(derived.stream().anyMatch(d -> d.covers().equals(key) && d.fails()), key);
      assertTrue(derived.stream().anyMatch(d -> d.covers().equals(key) && !d.fails()), key);
    }
    for (SpecDerivedCases.Derived d : derived) {
      assertNull(d.problem(edited), d.name());
    }
    // the wrong-type cases find a base for each new path (made from the property's schema)
    for (String template : List.of("$.future_note", "$.future_level", "$.future_tier",
        "$.future_style")) {
      Map<String, Object> base = RequestConstraintsTest.baseFor(edited,
          RequestValidator.IMAGE_TO_VIDEO, template);
      assertEquals(List.of(), edited.validate(RequestValidator.IMAGE_TO_VIDEO, base, null),
          template);
      assertTrue(base.containsKey(template.substring(2)), template);
    }
    // and the coverage check (hand cases + derived cases) leaves nothing of the edit uncovered
    Set<String> covered = new TreeSet<>();
    RequestConstraintsTest.CASES.forEach(c -> covered.addAll(c.covers()));
    derived.forEach(d -> covered.add(d.covers()));
    Set<String> uncovered = new SpecInventory(edited).constraintKeys(
        RequestValidator.IMAGE_TO_VIDEO).stream().filter(k -> k.contains("future_"))
        .filter(k -> !covered.contains(k)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), uncovered);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copyOfEmbeddedSpec() throws Exception {
    return (Map<String, Object>) JSON.fromJson(JSON.toJson(SchemaValidator.embedded().spec()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> spec, String schema) {
    Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec
        .get("components")).get("schemas");
    Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) schemas.get(schema));
    Map<String, Object> properties = new LinkedHashMap<>(
        (Map<String, Object>) request.get("properties"));
    request.put("properties", properties);
    schemas.put(schema, request);
    return properties;
  }
}
