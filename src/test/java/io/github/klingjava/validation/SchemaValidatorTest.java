package io.github.klingjava.validation;

import static io.github.klingjava.validation.Trees.arr;
import static io.github.klingjava.validation.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's keywords on a small made-up spec, including those the request schemas do not
 * use today (nullable, allOf, oneOf, exclusive bounds, schema-valued additionalProperties), so
 * that they already work when the spec starts using them.
 */
class SchemaValidatorTest {

  private static final SchemaValidator V = new SchemaValidator(obj("components", obj("schemas",
      obj(
          "Nullable", obj("type", "string", "nullable", true, "enum", arr("a", "b")),
          "Strict", obj("type", "string"),
          "Exclusive", obj("type", "number", "minimum", 0, "exclusiveMinimum", true,
              "maximum", 1, "exclusiveMaximum", true),
          "AllOf", obj("allOf", arr(obj("type", "integer", "minimum", 1),
              obj("maximum", 5))),
          "OneOf", obj("oneOf", arr(obj("type", "integer"), obj("minimum", 3)),
              "x-rule", "ignored-here"),
          "OneOfRule", obj("oneOf", arr(obj("required", arr("a"), "x-rule", "a-xor-b"),
              obj("required", arr("b"), "x-rule", "a-xor-b"))),
          "Map", obj("type", "object", "additionalProperties", obj("type", "integer")),
          "Open", obj("type", "object", "properties", obj("a", obj("type", "string"))),
          "List", obj("type", "array", "items", obj("$ref", "#/components/schemas/Nullable")),
          "Numbers", obj("enum", arr(1, 2.5)),
          "AnyOf", obj("anyOf", arr(obj("type", "string"), obj("type", "integer"))),
          "Not", obj("not", obj("type", "string")),
          "Ecma", obj("type", "string", "pattern", "^(?!data:)\\S+$"),
          "External", obj("$ref", "other.yaml#/Thing"),
          "Loop", obj("$ref", "#/components/schemas/Loop")))));

  @Test
  void nullableAllowsNullButNotOtherValues() {
    assertEquals(List.of(), V.validate("Nullable", null, null));
    assertEquals(List.of("$ enum"), rules("Nullable", "c"));
    assertEquals(List.of("$ type"), rules("Strict", null));
    assertEquals("$: null is not allowed here, expected a string (rule type)",
        V.validate("Strict", null, null).get(0).message());
    assertEquals(List.of("$[1] type", "$[2] enum"), rules("List", arr("a", 3, "z", null)));
  }

  @Test
  void exclusiveBoundsExcludeTheBound() {
    assertEquals(List.of(), V.validate("Exclusive", 0.5, null));
    assertEquals(List.of("$ exclusiveMinimum"), rules("Exclusive", 0));
    assertEquals(List.of("$ exclusiveMaximum"), rules("Exclusive", new BigDecimal("1.0")));
    assertEquals("$: 1 is not below the exclusive maximum 1 (rule exclusiveMaximum)",
        V.validate("Exclusive", 1, null).get(0).message());
  }

  @Test
  void allOfNeedsEveryBranch() {
    assertEquals(List.of(), V.validate("AllOf", 3, null));
    assertEquals(List.of("$ maximum"), rules("AllOf", 6));
    assertEquals(List.of("$ type"), rules("AllOf", "3"));
  }

  @Test
  void oneOfNeedsExactlyOneBranch() {
    assertEquals(List.of(), V.validate("OneOf", 2, null)); // integer, below 3
    assertEquals(List.of(), V.validate("OneOf", 3.5, null)); // not an integer, at least 3
    assertEquals(List.of("$ oneOf"), rules("OneOf", 4)); // both
    assertEquals(List.of("$ oneOf"), rules("OneOf", 2.5)); // neither
    assertEquals("$: 4 matches 2 of the 2 alternatives; exactly one must match (rule oneOf)",
        V.validate("OneOf", 4, null).get(0).message());
    assertEquals(List.of("$ a-xor-b"), rules("OneOfRule", obj("a", 1, "b", 2)));
    assertEquals(List.of(), V.validate("OneOfRule", obj("b", 2), null));
  }

  @Test
  void anyOfAndNotWithoutRuleNames() {
    assertEquals(List.of(), V.validate("AnyOf", 3, null));
    List<Violation> none = V.validate("AnyOf", true, null);
    assertEquals("anyOf", none.get(0).rule());
    assertTrue(none.get(0).message().startsWith("$: true matches none of the 2 alternatives"
        + " (closest: $: true is a boolean, expected a string (rule type))"),
        none.get(0).message());
    assertEquals(List.of(), V.validate("Not", 3, null));
    assertEquals(List.of("$ not"), rules("Not", "text"));
  }

  @Test
  void schemaValuedAdditionalPropertiesValidateEveryExtraProperty() {
    assertEquals(List.of(), V.validate("Map", obj("a", 1, "b", 2), null));
    assertEquals(List.of("$.b type"), rules("Map", obj("a", 1, "b", "2")));
    assertEquals(List.of(), V.validate("Open", obj("a", "x", "anything", List.of()), null));
  }

  @Test
  void numbersCompareByValue() {
    assertEquals(List.of(), V.validate("Numbers", 1.0, null));
    assertEquals(List.of(), V.validate("Numbers", new BigDecimal("2.50"), null));
    assertEquals(List.of(), V.validate("Numbers", 1L, null));
    assertEquals(List.of("$ enum"), rules("Numbers", 2));
  }

  @Test
  void patternsFollowEcmaScriptNotJava() {
    assertEquals(List.of(), V.validate("Ecma", "https://images.example.com/a.png", null));
    // ECMAScript's \s includes NBSP and U+FEFF, and its $ does not match before a final newline
    for (String bad : List.of("https://x.example/a\u00A0b", "\uFEFFiVBOR", "https://x.example/\n",
        "iVBOR\u2028", "data:image/png;base64,iVBOR")) {
      assertEquals(List.of("$ pattern"), rules("Ecma", bad), bad);
    }
    assertEquals("^(?!data:)[^\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029"
        + "\\u202F\\u205F\\u3000\\uFEFF]+\\z", SchemaValidator.javaRegex("^(?!data:)\\S+$"));
    assertEquals("[$]\\z", SchemaValidator.javaRegex("[$]$"));
    assertEquals("\\$\\z", SchemaValidator.javaRegex("\\$$"));
    assertEquals("(?s:.)a(?!)", SchemaValidator.javaRegex("[^]a[]"));
    assertEquals("[a\\&\\&b\\[]", SchemaValidator.javaRegex("[a&&b[]"));
    assertTrue(Pattern.compile(SchemaValidator.javaRegex("^[a&&b]$")).matcher("&").find());
    assertTrue(Pattern.compile(SchemaValidator.javaRegex("^[\\s,]+$")).matcher(" ,\u3000")
        .find());
    assertTrue(Pattern.compile(SchemaValidator.javaRegex("^a|b$")).matcher("b").find());
  }

  @Test
  void brokenSpecsFailLoudly() {
    assertThrows(IllegalStateException.class, () -> V.validate("External", "x", null));
    assertThrows(IllegalStateException.class, () -> V.validate("Loop", "x", null));
    assertThrows(IllegalStateException.class, () -> new SchemaValidator(obj("paths", obj())));
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> SchemaValidator.loadSpec("/io/github/klingjava/openapi/no-such.json"));
    assertTrue(missing.getMessage().contains("not on the classpath"), missing.getMessage());
    assertThrows(IllegalStateException.class, () -> SchemaValidator.parseObject("[1, 2]"));
    assertThrows(IllegalStateException.class, () -> SchemaValidator.parseObject("{"));
    assertThrows(IllegalArgumentException.class, () -> V.validate("Nope", "x", null));
  }

  @Test
  void theEmbeddedSpecIsTheBuildsJsonCopy() {
    Map<String, Object> spec = SchemaValidator.embedded().spec();
    assertEquals("3.0.3", spec.get("openapi"));
    assertTrue(SchemaValidator.embedded().schemaNames().containsAll(
        SpecInventory.REQUEST_SCHEMAS));
  }

  private static List<String> rules(String schema, Object value) {
    return V.validate(schema, value, null).stream().map(v -> v.path() + " " + v.rule())
        .collect(Collectors.toList());
  }
}
