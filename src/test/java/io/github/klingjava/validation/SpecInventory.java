package io.github.klingjava.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Reads, independently of the validator, which constraints the spec puts on a request schema and
 * everything it references: the list the tests must cover with a passing and a failing case.
 *
 * <p>A constraint key looks like {@code "ImageGenerationRequest $.n maximum"} (property
 * constraints, {@code [*]} for any array index),
 * {@code "ImageGenerationRequest $ additionalProperties"} (at the object that forbids extra
 * properties), {@code "ImageGenerationRequest prompt-or-subjects"} ({@code x-rule} names and
 * {@code x-kling-rules} ids) or {@code "ImageGenerationRequest $.prompt maxLength@cometapi"}
 * (vendor constraints).
 */
final class SpecInventory {

  static final List<String> REQUEST_SCHEMAS = List.of(RequestValidator.IMAGE_GENERATION,
      RequestValidator.MULTI_IMAGE, RequestValidator.IMAGE_EXPANSION,
      RequestValidator.IMAGE_TO_VIDEO);

  /** Keywords that constrain a single value at a path (each one key). */
  static final Set<String> VALUE_KEYWORDS = Set.of("enum", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems",
      "maxItems");

  private final SchemaValidator validator;

  SpecInventory(SchemaValidator validator) {
    this.validator = validator;
  }

  /** Every constraint key of a request schema, except {@code type} (see {@link #typedPaths}). */
  Set<String> constraintKeys(String schemaName) {
    Set<String> keys = new TreeSet<>();
    walk(schemaName, (path, node) -> {
      for (String k : node.keySet()) {
        if (VALUE_KEYWORDS.contains(k)) {
          keys.add(schemaName + " " + path + " " + k);
        }
      }
      Object format = node.get("format");
      if ("int32".equals(format) || "int64".equals(format)) {
        keys.add(schemaName + " " + path + " format");
      }
      if (node.get("required") instanceof List) {
        for (Object r : (List<?>) node.get("required")) {
          keys.add(schemaName + " " + SchemaValidator.child(path, (String) r) + " required");
        }
      }
      if (Boolean.FALSE.equals(node.get("additionalProperties"))) {
        keys.add(schemaName + " " + path + " additionalProperties");
      }
      for (String combinator : List.of("anyOf", "oneOf", "allOf", "not")) {
        if (node.containsKey(combinator)) {
          for (String rule : xRules(node.get(combinator))) {
            keys.add(schemaName + " " + rule);
          }
        }
      }
      if (node.get("x-kling-rules") instanceof List) {
        for (Object r : (List<?>) node.get("x-kling-rules")) {
          keys.add(schemaName + " " + ((Map<?, ?>) r).get("id"));
        }
      }
      Map<String, Object> vendors = SchemaValidator.asObject(node.get("x-vendor-constraints"));
      if (vendors != null) {
        vendors.forEach((vendor, props) -> SchemaValidator.asObject(props).forEach(
            (prop, constraint) -> SchemaValidator.asObject(constraint).keySet().forEach(
                k -> keys.add(schemaName + " " + SchemaValidator.child(path, prop) + " " + k
                    + "@" + vendor))));
      }
    });
    return keys;
  }

  /** Path template to the JSON type the spec requires there. */
  Map<String, String> typedPaths(String schemaName) {
    Map<String, String> types = new LinkedHashMap<>();
    walk(schemaName, (path, node) -> {
      if (node.get("type") instanceof String) {
        types.put(path, (String) node.get("type"));
      }
    });
    return types;
  }

  /** Every schema node reachable from a request schema, resolved, with its path template. */
  void walk(String schemaName, BiConsumer<String, Map<String, Object>> visitor) {
    walk(validator.schema(schemaName), "$", visitor, 0);
  }

  private void walk(Map<String, Object> node, String path,
      BiConsumer<String, Map<String, Object>> visitor, int depth) {
    if (depth > 64) {
      throw new IllegalStateException("too deep at " + path);
    }
    while (node.get("$ref") != null) {
      String ref = (String) node.get("$ref");
      node = validator.schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    visitor.accept(path, node);
    Map<String, Object> properties = SchemaValidator.asObject(node.get("properties"));
    if (properties != null) {
      for (Map.Entry<String, Object> e : properties.entrySet()) {
        walk(SchemaValidator.asObject(e.getValue()), SchemaValidator.child(path, e.getKey()),
            visitor, depth + 1);
      }
    }
    Map<String, Object> items = SchemaValidator.asObject(node.get("items"));
    if (items != null) {
      walk(items, path + "[*]", visitor, depth + 1);
    }
  }

  /** Every schema node reachable from a request schema, including combinator branches. */
  List<Map<String, Object>> allNodes(String schemaName) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    collect(validator.schema(schemaName), nodes, 0);
    return nodes;
  }

  private void collect(Object o, List<Map<String, Object>> nodes, int depth) {
    Map<String, Object> node = SchemaValidator.asObject(o);
    if (node == null || depth > 64) {
      return;
    }
    nodes.add(node);
    if (node.get("$ref") instanceof String) {
      String ref = (String) node.get("$ref");
      collect(validator.schema(ref.substring(ref.lastIndexOf('/') + 1)), nodes, depth + 1);
    }
    Map<String, Object> properties = SchemaValidator.asObject(node.get("properties"));
    if (properties != null) {
      properties.values().forEach(p -> collect(p, nodes, depth + 1));
    }
    collect(node.get("items"), nodes, depth + 1);
    if (node.get("additionalProperties") instanceof Map) {
      collect(node.get("additionalProperties"), nodes, depth + 1);
    }
    collect(node.get("not"), nodes, depth + 1);
    for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
      if (node.get(combinator) instanceof List) {
        ((List<?>) node.get(combinator)).forEach(b -> collect(b, nodes, depth + 1));
      }
    }
  }

  /** The x-rule names under a combinator's value (following $ref and nested combinators). */
  private Set<String> xRules(Object value) {
    Set<String> rules = new TreeSet<>();
    List<Map<String, Object>> nodes = new ArrayList<>();
    if (value instanceof List) {
      ((List<?>) value).forEach(b -> collect(b, nodes, 0));
    } else {
      collect(value, nodes, 0);
    }
    for (Map<String, Object> n : nodes) {
      if (n.get("x-rule") instanceof String) {
        rules.add((String) n.get("x-rule"));
      }
    }
    return rules;
  }
}
