package io.github.klingjava.validation;

import static io.github.klingjava.validation.Trees.arr;
import static io.github.klingjava.validation.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void numbersReadAsPeopleWriteThem() {
    assertEquals("12", Violation.display(12.0));
    assertEquals("0.1495", Violation.display(0.1495));
    assertEquals("-10.5", Violation.display(-10.5));
    assertEquals("0", Violation.display(0.0));
    assertEquals("10000000000000000000", Violation.display(1e19));
    assertEquals("3000000000", Violation.display(3_000_000_000L));
    assertEquals("2.5", Violation.display(new BigDecimal("2.50")));
  }

  @Test
  void longStringsAreCutToFortyCodePointsWithTheirLength() {
    String s = "\uD83D\uDE00".repeat(50);
    String shown = Violation.display(s);
    assertEquals("\"" + "\uD83D\uDE00".repeat(40) + "…\" (50 characters)", shown);
    assertEquals("\"short\"", Violation.display("short"));
  }

  @Test
  void objectsAndArraysAreRenderedCompactlyAndCut() {
    assertEquals("{\"x\":1,\"y\":[true,null]}", Violation.display(obj("x", 1, "y", arr(true,
        null))));
    String big = Violation.display(arr(new Object[] {"a".repeat(100), "b".repeat(100),
        "c".repeat(100)}));
    assertTrue(big.length() < 100, big);
  }

  @Test
  void theFactoryWritesTheLibrarysMessageFormat() {
    Violation v = Violation.of("$.n", "12", "maximum", "12 is above the maximum 9");
    assertEquals("$.n: 12 is above the maximum 9 (rule maximum)", v.message());
    assertEquals("$.n", v.path());
    assertEquals("12", v.value());
    assertEquals("maximum", v.rule());
  }

  @Test
  void equalityIsByValue() {
    Violation a = new Violation("$.n", "12", "maximum", "$.n: 12 (rule maximum)");
    assertEquals(a, new Violation("$.n", "12", "maximum", "$.n: 12 (rule maximum)"));
    assertEquals(a.hashCode(), new Violation("$.n", "12", "maximum",
        "$.n: 12 (rule maximum)").hashCode());
    assertNotEquals(a, new Violation("$.n", "13", "maximum", "$.n: 12 (rule maximum)"));
  }

  @Test
  void pathsQuoteNamesThatAreNotIdentifiers() {
    assertEquals("$.subject_image", SchemaValidator.child("$", "subject_image"));
    assertEquals("$['x-y']", SchemaValidator.child("$", "x-y"));
    assertEquals("$['it\\'s']", SchemaValidator.child("$", "it's"));
  }
}
