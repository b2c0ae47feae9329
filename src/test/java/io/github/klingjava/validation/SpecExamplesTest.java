package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request example of the spec ({@code components/examples/*.request}) passes, against the
 * schema of the operation that shows it. The examples are read from the embedded spec, so a new
 * one is covered without touching this test. An example named after a vendor (e.g.
 * {@code cometapi-...}) must also pass that vendor's tighter limits.
 */
class SpecExamplesTest {

  private static final SchemaValidator SPEC = SchemaValidator.embedded();
  private static final RequestValidator VALIDATOR = RequestValidator.create();

  @TestFactory
  Stream<DynamicTest> everyRequestExamplePasses() {
    Map<String, String> schemaOf = requestExampleSchemas();
    Map<String, Object> examples = examples();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, String> e : schemaOf.entrySet()) {
      String name = e.getKey();
      String schema = e.getValue();
      Object value = SchemaValidator.asObject(examples.get(name)).get("value");
      tests.add(DynamicTest.dynamicTest(name + " is a valid " + schema,
          () -> assertEquals(List.of(), VALIDATOR.check(schema, value, null))));
      Map<String, Object> vendors = SchemaValidator.asObject(
          SPEC.schema(schema).get("x-vendor-constraints"));
      if (vendors != null) {
        for (String vendor : vendors.keySet()) {
          if (name.contains(vendor)) {
            tests.add(DynamicTest.dynamicTest(name + " is a valid " + schema + " for " + vendor,
                () -> assertEquals(List.of(), VALIDATOR.check(schema, value, vendor))));
          }
        }
      }
    }
    return tests.stream();
  }

  @Test
  void everyRequestExampleIsShownByAnOperation() {
    Map<String, String> schemaOf = requestExampleSchemas();
    TreeSet<String> requestExamples = new TreeSet<>();
    for (String name : examples().keySet()) {
      if (name.endsWith(".request")) {
        requestExamples.add(name);
      }
    }
    assertTrue(requestExamples.size() >= 12, "too few request examples: " + requestExamples);
    assertEquals(requestExamples, new TreeSet<>(schemaOf.keySet()));
    TreeSet<String> shown = new TreeSet<>(schemaOf.values());
    assertTrue(shown.containsAll(SpecInventory.REQUEST_SCHEMAS), shown::toString);
    shown.removeAll(SpecInventory.REQUEST_SCHEMAS);
    if (!shown.isEmpty()) {
      // issue #10: request schemas of families the facade does not serve yet; their examples pass
      // above and VideoFamilyRequestsTest covers their keywords and rules
      System.out.println("SpecExamplesTest: request schemas outside the constraint inventory: " + shown);
    }
  }

  private static Map<String, Object> examples() {
    return SchemaValidator.asObject(SchemaValidator.asObject(SPEC.spec().get("components"))
        .get("examples"));
  }

  /** Example name to the request schema of the operation whose request body shows it. */
  private static Map<String, String> requestExampleSchemas() {
    Map<String, String> result = new TreeMap<>();
    Map<String, Object> paths = SchemaValidator.asObject(SPEC.spec().get("paths"));
    for (Object item : paths.values()) {
      for (Object op : SchemaValidator.asObject(item).values()) {
        Map<String, Object> operation = SchemaValidator.asObject(op);
        Map<String, Object> body = operation == null ? null
            : SchemaValidator.asObject(operation.get("requestBody"));
        if (body == null) {
          continue;
        }
        Map<String, Object> media = SchemaValidator.asObject(SchemaValidator.asObject(
            body.get("content")).get("application/json"));
        String ref = (String) SchemaValidator.asObject(media.get("schema")).get("$ref");
        String schema = ref.substring(ref.lastIndexOf('/') + 1);
        Map<String, Object> shown = SchemaValidator.asObject(media.get("examples"));
        if (shown == null) {
          continue;
        }
        for (Object example : shown.values()) {
          String exampleRef = (String) SchemaValidator.asObject(example).get("$ref");
          result.put(exampleRef.substring(exampleRef.lastIndexOf('/') + 1), schema);
        }
      }
    }
    return result;
  }
}
