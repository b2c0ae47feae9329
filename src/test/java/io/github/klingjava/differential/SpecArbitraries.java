package io.github.klingjava.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates request trees (Map, List, String, Integer, Double, Boolean) from the embedded spec's
 * schemas: every property, bound, enum, required list and item rule is read from the spec, and
 * strings are drawn from the spec's own examples or built at the lengths its bounds name. Most
 * values respect their schema; a few break it (one past a bound, a wrong type, a missing required
 * property, an extra property), so a run holds both valid and invalid requests.
 */
final class SpecArbitraries {

  private static final ObjectMapper JACKSON = new ObjectMapper();
  /** Percent of values that are deliberately out of their schema. */
  private static final int BREAK_PERCENT = 2;

  private final JsonNode spec;
  private final List<String> exampleStrings;
  private final Set<String> customRuleIds = new TreeSet<>();

  private SpecArbitraries(JsonNode spec) {
    this.spec = spec;
    Set<String> strings = new TreeSet<>();
    collect(spec, strings);
    this.exampleStrings = List.copyOf(strings);
  }

  static SpecArbitraries embedded() {
    try (InputStream in = SpecArbitraries.class.getResourceAsStream(
        "/io/github/klingjava/openapi/kling-api.json")) {
      return new SpecArbitraries(JACKSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the ids of the spec's {@code x-kling-rules}, which no JSON Schema validator knows */
  Set<String> customRuleIds() {
    return customRuleIds;
  }

  /** @return every string the spec gives as an example, default or enum value */
  List<String> exampleStrings() {
    return exampleStrings;
  }

  Arbitrary<Object> request(String schemaName) {
    return of(schemaNode(schemaName), 0);
  }

  private JsonNode schemaNode(String name) {
    return spec.path("components").path("schemas").path(name);
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = schemaNode(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return s;
  }

  private Arbitrary<Object> of(JsonNode raw, int depth) {
    JsonNode s = resolve(raw);
    Arbitrary<Object> valid = valid(s, depth);
    return Arbitraries.frequencyOf(
        Tuple.of(100 - BREAK_PERCENT, valid),
        Tuple.of(BREAK_PERCENT, broken(s)));
  }

  private Arbitrary<Object> valid(JsonNode s, int depth) {
    if (s.has("enum")) {
      List<Object> values = new ArrayList<>();
      s.get("enum").forEach(v -> values.add(scalar(v)));
      return Arbitraries.of(values);
    }
    switch (s.path("type").asText("object")) {
      case "string":
        return strings(s);
      case "integer":
        return Arbitraries.integers().between(s.path("minimum").asInt(-1000),
            s.path("maximum").asInt(1000)).map(i -> (Object) i);
      case "number":
        return Arbitraries.doubles().between(s.path("minimum").asDouble(-1000),
            s.path("maximum").asDouble(1000)).ofScale(4).map(d -> (Object) d);
      case "boolean":
        return Arbitraries.of(true, false).map(b -> (Object) b);
      case "array":
        return arrays(s, depth);
      default:
        return objects(s, depth);
    }
  }

  private Arbitrary<Object> strings(JsonNode s) {
    int min = s.path("minLength").asInt(0);
    int max = Math.min(s.path("maxLength").asInt(64), 4096);
    Arbitrary<Object> random = Arbitraries.strings().alpha().numeric()
        .ofMinLength(Math.max(min, 1)).ofMaxLength(Math.min(max, 40)).map(t -> (Object) t);
    Arbitrary<Object> examples = Arbitraries.of(exampleStrings).map(t -> (Object) t);
    Arbitrary<Object> atBound = Arbitraries.of(min, max).map(n -> (Object) "a".repeat(n));
    List<String> fitting = fitting(s);
    Arbitrary<Object> fit = fitting.isEmpty() ? random : Arbitraries.of(fitting).map(t -> (Object) t);
    return Arbitraries.frequencyOf(Tuple.of(6, fit), Tuple.of(1, examples), Tuple.of(3, random),
        Tuple.of(1, atBound));
  }

  /** The spec's example strings that fit this schema's pattern and lengths (Java regex dialect). */
  private List<String> fitting(JsonNode s) {
    java.util.regex.Pattern pattern = s.has("pattern")
        ? java.util.regex.Pattern.compile(s.get("pattern").asText()) : null;
    int min = s.path("minLength").asInt(0);
    int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
    return exampleStrings.stream()
        .filter(t -> t.length() >= min && t.length() <= max)
        .filter(t -> pattern == null || pattern.matcher(t).find())
        .collect(java.util.stream.Collectors.toList());
  }

  private Arbitrary<Object> arrays(JsonNode s, int depth) {
    int min = s.path("minItems").asInt(0);
    int max = Math.min(s.path("maxItems").asInt(4), min + 3);
    return of(s.path("items"), depth + 1).list().ofMinSize(min).ofMaxSize(max)
        .map(l -> (Object) new ArrayList<>(l));
  }

  private Arbitrary<Object> objects(JsonNode s, int depth) {
    s.path("x-kling-rules").forEach(rule -> customRuleIds.add(rule.path("id").asText()));
    Set<String> required = new TreeSet<>();
    s.path("required").forEach(r -> required.add(r.asText()));
    List<Arbitrary<Optional<Map.Entry<String, Object>>>> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String name = property.getKey();
      Arbitrary<Object> value = depth > 4
          ? Arbitraries.just("deep") : of(property.getValue(), depth + 1);
      int presentPercent = required.contains(name) ? 97 : 35;
      parts.add(Arbitraries.frequencyOf(
          Tuple.of(presentPercent, value.map(v -> Optional.of(Map.entry(name, v)))),
          Tuple.of(100 - presentPercent, Arbitraries.just(Optional.empty()))));
    }
    return Combinators.combine(parts).as(entries -> {
      Map<String, Object> tree = new LinkedHashMap<>();
      entries.forEach(e -> e.ifPresent(entry -> tree.put(entry.getKey(), entry.getValue())));
      return (Object) tree;
    });
  }

  /** A value just outside the schema: past a bound, off the enum, or of another type. */
  private Arbitrary<Object> broken(JsonNode s) {
    List<Object> candidates = new ArrayList<>();
    String type = s.path("type").asText("object");
    candidates.add("string".equals(type) ? (Object) 7 : "not-a-" + type);
    if (s.has("minimum")) {
      candidates.add(s.get("minimum").isIntegralNumber()
          ? (Object) (s.get("minimum").asInt() - 1) : s.get("minimum").asDouble() - 0.01);
    }
    if (s.has("maximum")) {
      candidates.add(s.get("maximum").isIntegralNumber()
          ? (Object) (s.get("maximum").asInt() + 1) : s.get("maximum").asDouble() + 0.01);
    }
    if (s.has("maxLength") && s.get("maxLength").asInt() < 5000) {
      candidates.add("b".repeat(s.get("maxLength").asInt() + 1));
    }
    if (s.has("minLength") && s.get("minLength").asInt() > 0) {
      candidates.add("c".repeat(s.get("minLength").asInt() - 1));
    }
    if (s.has("enum")) {
      candidates.add("not-in-the-enum");
    }
    if ("integer".equals(type)) {
      candidates.add(1.5);
    }
    if ("object".equals(type)) {
      candidates.add(new LinkedHashMap<>(Map.of("property_the_spec_lacks", 1)));
    }
    if ("array".equals(type) && s.has("maxItems")) {
      candidates.add(new ArrayList<>());
    }
    return Arbitraries.of(candidates);
  }

  private static Object scalar(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.asInt();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return v.asText();
  }

  /** Every short string value in the spec's examples, defaults and enums, x-keys excluded. */
  private static void collect(JsonNode node, Set<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.startsWith("x-") || key.equals("description") || key.equals("summary")) {
        continue;
      }
      JsonNode value = field.getValue();
      if (value.isTextual() && (key.equals("default") || key.equals("example")
          || inExamples(key))) {
        addShort(value.asText(), out);
      } else if (value.isContainerNode()) {
        if (key.equals("enum") || key.equals("examples") || key.equals("example")
            || key.equals("value")) {
          strings(value, out);
        } else {
          collect(value, out);
        }
      }
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  private static boolean inExamples(String key) {
    return key.endsWith("_url") || key.equals("image") || key.equals("value");
  }

  private static void strings(JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      addShort(node.asText(), out);
    }
    node.forEach(n -> strings(n, out));
  }

  private static void addShort(String s, Set<String> out) {
    if (s.length() <= 300) {
      out.add(s);
    }
  }
}
