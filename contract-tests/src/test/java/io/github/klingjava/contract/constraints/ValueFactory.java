package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values from schemas: a minimal valid instance (to add structure a mutation needs), and for each
 * keyword a value that breaks only that keyword.
 */
final class ValueFactory {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String URL = "https://images.example.com/contract-test.png";
  private static final List<String> PATTERN_BREAKERS = List.of(
      "data:image/png;base64,iVBORw0KGgo=", "not a url", " ");
  static final String UNEXPECTED_PROPERTY = "contract_unexpected_property";

  private final SpecDocument spec;

  ValueFactory(SpecDocument spec) {
    this.spec = spec;
  }

  /** @return a minimal instance that satisfies the schema */
  JsonNode valid(JsonNode schemaNode) {
    JsonNode s = spec.resolve(schemaNode);
    if (s.has("enum")) {
      return s.get("enum").get(0).deepCopy();
    }
    String type = s.path("type").asText("object");
    switch (type) {
      case "string" -> {
        String candidate = s.has("pattern") && !matches(s.get("pattern").asText(), URL) ? "x" : URL;
        return NODES.textNode(candidate);
      }
      case "integer" -> {
        return NODES.numberNode(inRange(s, 1));
      }
      case "number" -> {
        return NODES.numberNode((double) inRange(s, 0));
      }
      case "boolean" -> {
        return NODES.booleanNode(false);
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int count = Math.max(1, s.path("minItems").asInt(1));
        for (int i = 0; i < count; i++) {
          array.add(valid(s.path("items")));
        }
        return array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (JsonNode required : s.path("required")) {
          object.set(required.asText(), valid(s.path("properties").path(required.asText())));
        }
        return object;
      }
    }
  }

  private static long inRange(JsonNode s, long preferred) {
    if (s.has("minimum") && preferred < s.get("minimum").asDouble()) {
      return (long) Math.ceil(s.get("minimum").asDouble());
    }
    if (s.has("maximum") && preferred > s.get("maximum").asDouble()) {
      return (long) Math.floor(s.get("maximum").asDouble());
    }
    return preferred;
  }

  /**
   * @param schemaNode the schema of the place
   * @param keyword the keyword to break
   * @param current the valid value there now (or null)
   * @return a value breaking the keyword
   */
  JsonNode breaking(JsonNode schemaNode, String keyword, JsonNode current) {
    JsonNode s = spec.resolve(schemaNode);
    JsonNode seed = current != null && !current.isNull() ? current : valid(s);
    boolean integer = "integer".equals(s.path("type").asText());
    return switch (keyword) {
      case "maxLength" -> NODES.textNode(pad(seed.asText(), s.get("maxLength").asInt() + 1));
      case "minLength" -> NODES.textNode(seed.asText().substring(0,
          Math.min(seed.asText().length(), s.get("minLength").asInt() - 1)));
      case "pattern" -> NODES.textNode(patternBreaker(s));
      case "enum" -> NODES.textNode(notIn(s.get("enum"), "contract-not-in-enum"));
      case "minimum" -> integer ? NODES.numberNode(s.get("minimum").asLong() - 1)
          // exact decimal arithmetic: 0.8 - 1 in double is -0.19999999999999996, which no float model can hold
          : NODES.numberNode(s.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE));
      case "maximum" -> integer ? NODES.numberNode(s.get("maximum").asLong() + 1)
          : NODES.numberNode(s.get("maximum").decimalValue().add(java.math.BigDecimal.ONE));
      case "minItems" -> resized(seed, s, s.get("minItems").asInt() - 1);
      case "maxItems" -> resized(seed, s, s.get("maxItems").asInt() + 1);
      default -> throw new IllegalArgumentException("no breaker for keyword " + keyword);
    };
  }

  /** @return the text padded with 'x' to the length (URLs and ids stay well-formed) */
  static String pad(String text, int length) {
    StringBuilder padded = new StringBuilder(text.isEmpty() ? "x" : text);
    while (padded.length() < length) {
      padded.append('x');
    }
    return padded.toString();
  }

  private ArrayNode resized(JsonNode seed, JsonNode s, int size) {
    ArrayNode array = NODES.arrayNode();
    JsonNode item = seed.isArray() && seed.size() > 0 ? seed.get(0) : valid(s.path("items"));
    for (int i = 0; i < size; i++) {
      array.add(seed.isArray() && i < seed.size() ? seed.get(i).deepCopy() : item.deepCopy());
    }
    return array;
  }

  private static String patternBreaker(JsonNode s) {
    String pattern = s.get("pattern").asText();
    int min = s.path("minLength").asInt(0);
    int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
    for (String candidate : PATTERN_BREAKERS) {
      if (!matches(pattern, candidate) && candidate.length() >= min && candidate.length() <= max) {
        return candidate;
      }
    }
    throw new IllegalStateException("no value breaks only the pattern " + pattern + ": add one to"
        + " ValueFactory.PATTERN_BREAKERS");
  }

  static boolean matches(String pattern, String value) {
    return Pattern.compile(pattern).matcher(value).find();
  }

  static String notIn(JsonNode values, String preferred) {
    Set<String> taken = new HashSet<>();
    for (Iterator<JsonNode> it = values.elements(); it.hasNext();) {
      taken.add(it.next().asText());
    }
    String candidate = preferred;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = preferred + "-" + i;
    }
    return candidate;
  }
}
