package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The request schemas of the video, audio and lip-sync families (issue #10) hold their documented
 * limits and cross-field rules in the client's validator: the cases are data
 * ({@code video-rule-cases.yaml}), each a named spec example changed in one place. The schemas of
 * every operation of the spec (not only the four of {@link SpecInventory#REQUEST_SCHEMAS}) use only
 * keywords the validator enforces.
 */
class VideoFamilyRequestsTest {

  private static final RequestValidator VALIDATOR = RequestValidator.create();
  private static final Pattern CHARS = Pattern.compile("\\{\\{(\\d+) chars}}");

  @TestFactory
  Stream<DynamicTest> everyCaseIsJudgedAsWritten() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, Object> c : cases()) {
      String schema = (String) c.get("schema");
      String name = schema + " " + c.get("base") + " " + (c.containsKey("set") ? "set " + c.get("set")
          : "") + (c.containsKey("remove") ? " remove " + c.get("remove") : "")
          + (c.containsKey("vendor") ? " @" + c.get("vendor") : "");
      tests.add(DynamicTest.dynamicTest(name, () -> judge(c)));
    }
    assertTrue(tests.size() >= 50, "cases: " + tests.size());
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void judge(Map<String, Object> c) {
    Map<String, Object> examples = SchemaValidator.asObject(SchemaValidator.asObject(
        SchemaValidator.embedded().spec().get("components")).get("examples"));
    Map<String, Object> example = SchemaValidator.asObject(examples.get((String) c.get("base")));
    assertTrue(example != null, "no example " + c.get("base"));
    Map<String, Object> request = Trees.copy((Map<String, Object>) example.get("value"));
    for (Object path : (List<Object>) c.getOrDefault("remove", List.of())) {
      request = Trees.without(request, (String) path);
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) c.getOrDefault("set", Map.of()))
        .entrySet()) {
      request = Trees.with(request, e.getKey(), expand(e.getValue()));
    }
    List<Violation> found = VALIDATOR.check((String) c.get("schema"), request,
        (String) c.get("vendor"));
    if (Boolean.TRUE.equals(c.get("valid"))) {
      assertEquals(List.of(), found, request.toString());
    } else {
      assertTrue(found.stream().anyMatch(v -> v.rule().equals(c.get("rule"))
          && v.path().equals(c.get("path"))), "expected " + c.get("rule") + " at " + c.get("path")
          + " for " + request + ", got " + found);
    }
  }

  @Test
  void everyRequestSchemaOfTheSpecUsesOnlyEnforcedKeywords() {
    SpecInventory inventory = new SpecInventory(SchemaValidator.embedded());
    Set<String> schemas = requestSchemasOfEveryOperation();
    assertTrue(schemas.containsAll(SpecInventory.REQUEST_SCHEMAS) && schemas.size() >= 20,
        schemas::toString);
    Set<String> problems = new TreeSet<>();
    for (String schema : schemas) {
      problems.addAll(SpecKeywordSupportTest.unsupported(inventory, schema));
    }
    assertEquals(Set.of(), problems);
  }

  @Test
  void everyCrossFieldRuleOfTheNewSchemasHasACase() {
    SpecInventory inventory = new SpecInventory(SchemaValidator.embedded());
    Set<String> rules = new TreeSet<>();
    for (String schema : requestSchemasOfEveryOperation()) {
      if (!SpecInventory.REQUEST_SCHEMAS.contains(schema)) {
        for (Map<String, Object> node : inventory.allNodes(schema)) {
          if (node.get("x-rule") instanceof String) {
            rules.add((String) node.get("x-rule"));
          }
        }
      }
    }
    Set<String> covered = new TreeSet<>();
    for (Map<String, Object> c : cases()) {
      if (c.get("rule") != null) {
        covered.add((String) c.get("rule"));
      }
    }
    rules.removeAll(covered);
    assertEquals(Set.of(), rules, "x-rule names without a failing case in video-rule-cases.yaml");
  }

  /** The request schemas of every operation of the spec, read from its paths. */
  static Set<String> requestSchemasOfEveryOperation() {
    Set<String> result = new TreeSet<>();
    Map<String, Object> paths = SchemaValidator.asObject(SchemaValidator.embedded().spec()
        .get("paths"));
    for (Object item : paths.values()) {
      for (Object op : SchemaValidator.asObject(item).values()) {
        Map<String, Object> body = SchemaValidator.asObject(op) == null ? null
            : SchemaValidator.asObject(SchemaValidator.asObject(op).get("requestBody"));
        if (body != null) {
          Map<String, Object> media = SchemaValidator.asObject(SchemaValidator.asObject(
              body.get("content")).get("application/json"));
          String ref = (String) SchemaValidator.asObject(media.get("schema")).get("$ref");
          result.add(ref.substring(ref.lastIndexOf('/') + 1));
        }
      }
    }
    return result;
  }

  private static Object expand(Object value) {
    if (value instanceof String s) {
      Matcher m = CHARS.matcher(s);
      if (m.matches()) {
        return "x".repeat(Integer.parseInt(m.group(1)));
      }
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    try (InputStream in = VideoFamilyRequestsTest.class.getResourceAsStream("video-rule-cases.yaml")) {
      Map<String, Object> doc = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
      return (List<Map<String, Object>>) doc.get("cases");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
