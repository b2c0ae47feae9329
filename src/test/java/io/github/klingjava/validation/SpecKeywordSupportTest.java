package io.github.klingjava.validation;

import static io.github.klingjava.validation.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Guards the interpreter against the spec growing past it: every keyword used by a request schema
 * or anything it references must be one the validator enforces or a pure annotation. A future
 * spec edit that adds, say, {@code uniqueItems} or {@code multipleOf} fails here instead of being
 * silently skipped by the validator.
 */
class SpecKeywordSupportTest {

  @Test
  void requestSchemasUseOnlyKeywordsTheInterpreterSupports() {
    SpecInventory inventory = new SpecInventory(SchemaValidator.embedded());
    Set<String> problems = new TreeSet<>();
    for (String schema : SpecInventory.REQUEST_SCHEMAS) {
      problems.addAll(unsupported(inventory, schema));
    }
    assertEquals(Set.of(), problems);
  }

  @Test
  void theGuardNoticesUnsupportedKeywords() {
    Map<String, Object> spec = obj("components", obj("schemas", obj(
        "R", obj("type", "object", "properties", obj(
            "tags", obj("type", "array", "uniqueItems", true, "items", obj("$ref",
                "#/components/schemas/Tag")),
            "when", obj("type", "string", "format", "date-time"),
            "kind", obj("type", "null")),
            "x-vendor-constraints", obj("acme", obj("tags", obj("maxItems", 2, "contains",
                obj()))),
            "discriminator", obj("propertyName", "kind")),
        "Tag", obj("type", "string", "multipleOf", 2))));
    SpecInventory inventory = new SpecInventory(new SchemaValidator(spec));
    assertEquals(new TreeSet<>(List.of("R: keyword discriminator", "R: keyword uniqueItems",
        "R: keyword multipleOf", "R: format date-time", "R: type null",
        "R: vendor acme keyword contains")), unsupported(inventory, "R"));
  }

  @Test
  void everyXRuleOfTheSpecIsExplainedInWords() {
    SpecInventory inventory = new SpecInventory(SchemaValidator.embedded());
    Set<String> rules = new TreeSet<>();
    for (String schema : SpecInventory.REQUEST_SCHEMAS) {
      for (Map<String, Object> node : inventory.allNodes(schema)) {
        if (node.get("x-rule") instanceof String) {
          rules.add((String) node.get("x-rule"));
        }
      }
    }
    // read from the spec, not retyped: a sample proves the inventory finds them
    assertTrue(rules.containsAll(Set.of("prompt-or-subjects", "image-or-tail")), rules::toString);
    for (String rule : rules) {
      assertNotNull(RuleExplanations.explain(rule), "no explanation for x-rule " + rule);
    }
  }

  /** What the interpreter would not enforce under the named schema. */
  static Set<String> unsupported(SpecInventory inventory, String schema) {
    Set<String> problems = new TreeSet<>();
    for (Map<String, Object> node : inventory.allNodes(schema)) {
      checkNode(schema, node, "", problems);
      Map<String, Object> vendors = SchemaValidator.asObject(node.get("x-vendor-constraints"));
      if (vendors != null) {
        vendors.forEach((vendor, props) -> SchemaValidator.asObject(props).values().forEach(
            c -> checkNode(schema, SchemaValidator.asObject(c), "vendor " + vendor + " ",
                problems)));
      }
      Object ref = node.get("$ref");
      if (ref != null && !String.valueOf(ref).startsWith("#/components/schemas/")) {
        problems.add(schema + ": $ref " + ref);
      }
    }
    return problems;
  }

  private static void checkNode(String schema, Map<String, Object> node, String where,
      Set<String> problems) {
    for (String keyword : node.keySet()) {
      if (!SchemaValidator.CHECKED_KEYWORDS.contains(keyword)
          && !SchemaValidator.ANNOTATIONS.contains(keyword)) {
        problems.add(schema + ": " + where + "keyword " + keyword);
      }
    }
    Object type = node.get("type");
    if (type != null && !SchemaValidator.TYPES.contains(type)) {
      problems.add(schema + ": " + where + "type " + type);
    }
    Object format = node.get("format");
    if (format != null && !SchemaValidator.FORMATS.contains(format)) {
      problems.add(schema + ": " + where + "format " + format);
    }
    Object additional = node.get("additionalProperties");
    if (additional != null && !(additional instanceof Boolean) && !(additional instanceof Map)) {
      problems.add(schema + ": " + where + "additionalProperties " + additional);
    }
    Object items = node.get("items");
    if (items != null && !(items instanceof Map)) {
      problems.add(schema + ": " + where + "tuple items");
    }
  }
}
