package io.github.klingjava.validation;

import static io.github.klingjava.validation.Trees.codePoints;
import static io.github.klingjava.validation.Trees.times;
import static io.github.klingjava.validation.Trees.with;
import static io.github.klingjava.validation.Trees.without;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Boundary cases derived from the spec itself, so no test retypes a limit: for every value
 * constraint ({@code maxLength}, {@code minLength}, {@code minimum}, {@code maximum},
 * {@code minItems}, {@code maxItems}, {@code enum}, the int32/int64 {@code format} range, and the
 * same under
 * {@code x-vendor-constraints}) of every request schema, the limit passes and one step beyond it
 * fails. A property no base request uses gets a value made from its own schema, so a property
 * added to the spec is covered with no Java edit.
 *
 * <p>A derived case judges only its own constraint (the path and keyword it covers): a boundary
 * value may well break a cross-field rule (an expansion ratio of 2 breaks the 3x area), which the
 * hand-written cases of {@link RequestConstraintsTest} cover.
 */
final class SpecDerivedCases {

  /** One derived case: a request, and whether the constraint must report at path. */
  record Derived(String schema, String vendor, Map<String, Object> request, String path,
      String keyword, boolean fails, String covers) {

    String name() {
      return covers + (fails ? " fails beyond the limit" : " passes at the limit") + " (derived)";
    }

    /** @return null when the validator agrees, else what went wrong */
    String problem(SchemaValidator validator) {
      List<Violation> found = validator.validate(schema, request, vendor);
      boolean reported = found.stream().anyMatch(v -> v.path().equals(path)
          && v.rule().equals(keyword));
      if (fails == reported) {
        return null;
      }
      return (fails ? "expected " : "did not expect ") + path + " " + keyword + " in " + found
          + " for " + request;
    }
  }

  private static final Set<String> DERIVED = Set.of("maxLength", "minLength", "minimum",
      "maximum", "minItems", "maxItems", "enum");

  private SpecDerivedCases() {
  }

  static List<Derived> derive(SchemaValidator spec,
      Map<String, List<Map<String, Object>>> bases) {
    SpecInventory inventory = new SpecInventory(spec);
    List<Derived> out = new ArrayList<>();
    for (String schema : SpecInventory.REQUEST_SCHEMAS) {
      List<Map<String, Object>> own = bases.getOrDefault(schema, List.of());
      inventory.walk(schema, (template, node) -> {
        for (String keyword : DERIVED) {
          if (node.containsKey(keyword)) {
            add(out, schema, null, template, node, keyword, node.get(keyword), own);
          }
        }
        Object format = node.get("format");
        if ("int32".equals(format) || "int64".equals(format)) {
          add(out, schema, null, template, node, "format", format, own);
        }
        Map<String, Object> vendors = SchemaValidator.asObject(node.get("x-vendor-constraints"));
        if (vendors != null) {
          Map<String, Object> properties = SchemaValidator.asObject(node.get("properties"));
          vendors.forEach((vendor, props) -> SchemaValidator.asObject(props).forEach(
              (prop, constraint) -> SchemaValidator.asObject(constraint).forEach((k, v) -> {
                if (DERIVED.contains(k)) {
                  Map<String, Object> propertySchema = resolve(spec,
                      properties == null ? null : properties.get(prop));
                  add(out, schema, vendor, SchemaValidator.child(template, prop),
                      propertySchema, k, v, own);
                }
              })));
        }
      });
    }
    return out;
  }

  private static void add(List<Derived> out, String schema, String vendor, String template,
      Map<String, Object> node, String keyword, Object limit, List<Map<String, Object>> bases) {
    String path = template.replace("[*]", "[0]");
    Map<String, Object> base = RequestConstraintsTest.baseHaving(bases, path);
    if (base == null && path.matches("\\$\\.[a-z_0-9]+") && !bases.isEmpty()) {
      base = with(bases.get(0), path, sample(node)); // a property no base uses yet
    }
    if (base == null) {
      return; // the coverage test names what no case covers
    }
    String covers = schema + " " + template + " " + keyword + (vendor == null ? "" : "@" + vendor);
    for (Object[] value : values(keyword, limit, node, base, path)) {
      Map<String, Object> request = value[0] == Trees.ABSENT ? without(base, path)
          : with(base, path, value[0]);
      out.add(new Derived(schema, vendor, request, path, keyword, (Boolean) value[1], covers));
    }
  }

  /** Pairs of {value, fails}: at the limit (passes) and one step beyond (fails). */
  private static List<Object[]> values(String keyword, Object limit, Map<String, Object> node,
      Map<String, Object> base, String path) {
    List<Object[]> v = new ArrayList<>();
    boolean integer = "integer".equals(node.get("type"));
    switch (keyword) {
      case "maxLength" -> {
        int n = ((Number) limit).intValue();
        v.add(new Object[] {codePoints(n), false});
        v.add(new Object[] {codePoints(n + 1), true});
      }
      case "minLength" -> {
        int n = ((Number) limit).intValue();
        v.add(new Object[] {codePoints(Math.max(n, 1)), false});
        if (n > 0) {
          v.add(new Object[] {codePoints(n - 1), true});
        }
      }
      case "minimum", "maximum" -> {
        BigDecimal parsed = new BigDecimal(limit.toString()); // the spec's 1 may read as 1.0
        BigDecimal at = integer ? parsed.setScale(0, java.math.RoundingMode.UNNECESSARY) : parsed;
        BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.01");
        v.add(new Object[] {at, false});
        v.add(new Object[] {"minimum".equals(keyword) ? at.subtract(step) : at.add(step), true});
      }
      case "minItems", "maxItems" -> {
        int n = ((Number) limit).intValue();
        Object item = item(base, path, node);
        v.add(new Object[] {times(Math.max(n, "minItems".equals(keyword) ? 0 : n), item), false});
        if ("maxItems".equals(keyword)) {
          v.add(new Object[] {times(n + 1, item), true});
        } else if (n > 0) {
          v.add(new Object[] {times(n - 1, item), true});
        }
      }
      case "format" -> {
        BigDecimal max = BigDecimal.valueOf("int32".equals(limit) ? Integer.MAX_VALUE
            : Long.MAX_VALUE);
        v.add(new Object[] {max, false});
        v.add(new Object[] {max.add(BigDecimal.ONE), true});
      }
      case "enum" -> {
        for (Object allowed : (List<?>) limit) {
          v.add(new Object[] {allowed, false});
        }
        v.add(new Object[] {"not-a-value-" + ((List<?>) limit).size(), true});
      }
      default -> throw new IllegalArgumentException(keyword);
    }
    return v;
  }

  /** The base's first array item at path, else one made from the items schema. */
  private static Object item(Map<String, Object> base, String path, Map<String, Object> node) {
    Object current = Trees.at(base, path);
    if (current instanceof List && !((List<?>) current).isEmpty()) {
      return ((List<?>) current).get(0);
    }
    return sample(SchemaValidator.asObject(node.get("items")));
  }

  /** A value of the schema's type: its example, default, first known value, or a plain one. */
  static Object sample(Map<String, Object> schema) {
    if (schema == null) {
      return "x";
    }
    for (String key : List.of("example", "default")) {
      if (schema.containsKey(key)) {
        return schema.get(key);
      }
    }
    for (String key : List.of("enum", OpenVocabulary.KEYWORD)) {
      if (schema.get(key) instanceof List && !((List<?>) schema.get(key)).isEmpty()) {
        return ((List<?>) schema.get(key)).get(0);
      }
    }
    Object type = schema.get("type");
    if ("integer".equals(type) || "number".equals(type)) {
      return schema.get("minimum") instanceof Number ? schema.get("minimum") : 0;
    }
    if ("boolean".equals(type)) {
      return false;
    }
    if ("array".equals(type)) {
      return List.of();
    }
    if ("object".equals(type)) {
      return Map.of();
    }
    int min = schema.get("minLength") instanceof Number ? ((Number) schema.get("minLength")).intValue() : 1;
    return codePoints(Math.max(min, 1));
  }

  private static Map<String, Object> resolve(SchemaValidator spec, Object schema) {
    Map<String, Object> node = SchemaValidator.asObject(schema);
    while (node != null && node.get("$ref") instanceof String) {
      String ref = (String) node.get("$ref");
      node = spec.schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return node;
  }
}
