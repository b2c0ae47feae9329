package io.github.klingjava.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Generates request trees (Map, List, String, Integer, Double, Boolean) from the embedded spec's
 * schemas, from a seeded random source (same seed, same trees): every property, bound, enum,
 * required list and item rule is read from the spec, and strings are drawn from the spec's own
 * examples or built at the lengths its bounds name. Most values respect their schema; a few break
 * it (one past a bound, a wrong type, a missing required property, an extra property), so a run
 * holds both valid and invalid requests.
 */
final class SpecArbitraries {

  private static final ObjectMapper JACKSON = new ObjectMapper();
  /** Percent of values that are deliberately out of their schema. */
  private static final int BREAK_PERCENT = 2;
  private static final String ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final JsonNode spec;
  private final List<String> exampleStrings;
  private final List<String> requestSchemas;
  private final Set<String> customRuleIds = new TreeSet<>();
  private final Map<JsonNode, List<String>> fittingCache = new java.util.IdentityHashMap<>();

  private SpecArbitraries(JsonNode spec) {
    this.spec = spec;
    Set<String> strings = new TreeSet<>();
    collect(spec, strings);
    this.exampleStrings = List.copyOf(strings);
    this.requestSchemas = requestBodySchemas(spec);
    spec.path("components").path("schemas").forEach(s ->
        s.path("x-kling-rules").forEach(rule -> customRuleIds.add(rule.path("id").asText())));
  }

  static SpecArbitraries embedded() {
    try (InputStream in = SpecArbitraries.class.getResourceAsStream(
        "/io/github/klingjava/openapi/kling-api.json")) {
      return new SpecArbitraries(JACKSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the schema of every JSON request body of the spec's operations, in path order */
  List<String> requestSchemas() {
    return requestSchemas;
  }

  /** @return the ids of the spec's {@code x-kling-rules}, which no JSON Schema validator knows */
  Set<String> customRuleIds() {
    return customRuleIds;
  }

  /** @return the names the schema lists as {@code required} */
  Set<String> required(String schemaName) {
    Set<String> required = new TreeSet<>();
    schemaNode(schemaName).path("required").forEach(r -> required.add(r.asText()));
    return required;
  }

  /**
   * @param schemaName a component schema
   * @param random the case's random source
   * @return one request tree for it, usually valid
   */
  Object request(String schemaName, SplittableRandom random) {
    return of(schemaNode(schemaName), 0, random);
  }

  private static List<String> requestBodySchemas(JsonNode spec) {
    Set<String> names = new java.util.LinkedHashSet<>();
    spec.path("paths").forEach(path -> path.forEach(operation -> {
      String ref = operation.path("requestBody").path("content").path("application/json")
          .path("schema").path("$ref").asText("");
      if (!ref.isEmpty()) {
        names.add(ref.substring(ref.lastIndexOf('/') + 1));
      }
    }));
    return List.copyOf(names);
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

  private Object of(JsonNode raw, int depth, SplittableRandom random) {
    JsonNode s = resolve(raw);
    return random.nextInt(100) < BREAK_PERCENT ? broken(s, random) : valid(s, depth, random);
  }

  private Object valid(JsonNode s, int depth, SplittableRandom random) {
    if (s.has("enum")) {
      return scalar(s.get("enum").get(random.nextInt(s.get("enum").size())));
    }
    switch (s.path("type").asText("object")) {
      case "string":
        return string(s, random);
      case "integer":
        return (Object) (int) between(s.path("minimum").asLong(-1000),
            s.path("maximum").asLong(1000), random);
      case "number":
        return number(s.path("minimum").asDouble(-1000), s.path("maximum").asDouble(1000), random);
      case "boolean":
        return random.nextBoolean();
      case "array":
        return array(s, depth, random);
      default:
        return object(s, depth, random);
    }
  }

  /** Uniform in [min, max], with each bound itself drawn one time in ten. */
  private static long between(long min, long max, SplittableRandom random) {
    int edge = random.nextInt(20);
    return edge == 0 ? min : edge == 1 ? max : min + random.nextLong(max - min + 1);
  }

  private static Object number(double min, double max, SplittableRandom random) {
    int edge = random.nextInt(20);
    double value = edge == 0 ? min : edge == 1 ? max : min + random.nextDouble() * (max - min);
    double scaled = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    return Math.min(max, Math.max(min, scaled));
  }

  private Object string(JsonNode s, SplittableRandom random) {
    int min = s.path("minLength").asInt(0);
    int max = Math.min(s.path("maxLength").asInt(64), 4096);
    int pick = random.nextInt(11);
    List<String> fitting = fitting(s);
    if (pick < 6 && !fitting.isEmpty()) {
      return fitting.get(random.nextInt(fitting.size()));
    }
    if (pick == 6) {
      return exampleStrings.get(random.nextInt(exampleStrings.size()));
    }
    if (pick == 7) {
      return "a".repeat(random.nextBoolean() ? min : max);
    }
    int lower = Math.max(min, 1);
    int length = (int) between(lower, Math.max(lower, Math.min(max, 40)), random);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return text.toString();
  }

  /** The spec's example strings that fit this schema's pattern and lengths (Java regex dialect). */
  private synchronized List<String> fitting(JsonNode s) {
    return fittingCache.computeIfAbsent(s, schema -> {
      Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asText())
          : null;
      int min = schema.path("minLength").asInt(0);
      int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
      return exampleStrings.stream()
          .filter(t -> t.length() >= min && t.length() <= max)
          .filter(t -> pattern == null || pattern.matcher(t).find())
          .collect(Collectors.toList());
    });
  }

  private Object array(JsonNode s, int depth, SplittableRandom random) {
    int min = s.path("minItems").asInt(0);
    int max = Math.min(s.path("maxItems").asInt(4), min + 3);
    int size = (int) between(min, Math.max(min, max), random);
    List<Object> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add(of(s.path("items"), depth + 1, random));
    }
    return items;
  }

  private Object object(JsonNode s, int depth, SplittableRandom random) {
    Set<String> required = new TreeSet<>();
    s.path("required").forEach(r -> required.add(r.asText()));
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      int presentPercent = required.contains(property.getKey()) ? 97 : 35;
      if (random.nextInt(100) < presentPercent) {
        tree.put(property.getKey(),
            depth > 4 ? "deep" : of(property.getValue(), depth + 1, random));
      }
    }
    return tree;
  }

  /** A value just outside the schema: past a bound, off the enum, or of another type. */
  private static Object broken(JsonNode s, SplittableRandom random) {
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
    return candidates.get(random.nextInt(candidates.size()));
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
