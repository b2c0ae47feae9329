package io.github.klingjava.contract.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Semantic differences between two JSON trees, each named by its JSON path: a missing field, an
 * unexpected field, a different value. An explicit null and an absent field are the same (the
 * client leaves null fields out); numbers compare by value (1 equals 1.0).
 */
public final class JsonDiff {

  private JsonDiff() {
  }

  /**
   * @param expected e.g. the spec's example
   * @param actual e.g. what the client sent or wrote back
   * @return the differences, empty when equal
   */
  public static List<String> diff(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    diff("$", expected, actual, out);
    return out;
  }

  private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
    boolean expectedAbsent = expected == null || expected.isNull() || expected.isMissingNode();
    boolean actualAbsent = actual == null || actual.isNull() || actual.isMissingNode();
    if (expectedAbsent || actualAbsent) {
      if (expectedAbsent && !actualAbsent) {
        out.add("unexpected field " + path + " = " + abbreviate(actual));
      } else if (!expectedAbsent) {
        out.add("missing field " + path + " (expected " + abbreviate(expected) + ")");
      }
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        diff(path + "." + name, expected.get(name), actual.get(name), out);
      }
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": expected " + expected.size() + " items but found " + actual.size());
      }
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext() && a.hasNext(); i++) {
        diff(path + "[" + i + "]", e.next(), a.next(), out);
      }
    } else if (expected.isNumber() && actual.isNumber()) {
      if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": expected " + expected + " but found " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + abbreviate(expected) + " but found " + abbreviate(actual));
    }
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
