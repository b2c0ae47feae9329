package io.github.klingjava.compat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Applies the JSON-pointer edits of the fixture cases ({@code set}, {@code remove}, {@code append}) to a spec tree. */
final class SpecEdits {

  private SpecEdits() {}

  /** Returns an edited deep copy of {@code spec}. */
  static JsonNode apply(JsonNode spec, JsonNode edits) {
    JsonNode copy = spec.deepCopy();
    for (JsonNode edit : edits) {
      if (edit.has("set")) {
        set(copy, edit.get("set").asText(), edit.get("value"));
      } else if (edit.has("remove")) {
        remove(copy, edit.get("remove").asText());
      } else if (edit.has("append")) {
        ((ArrayNode) existing(copy, JsonPointer.compile(edit.get("append").asText()))).add(edit.get("value").deepCopy());
      } else {
        throw new IllegalArgumentException("unknown edit " + edit + ": use set, remove or append");
      }
    }
    return copy;
  }

  static void set(JsonNode spec, String pointer, JsonNode value) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = existing(spec, at.head());
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(at.last().getMatchingProperty()), value.deepCopy());
    } else {
      ((ObjectNode) parent).set(at.last().getMatchingProperty(), value.deepCopy());
    }
  }

  static void remove(JsonNode spec, String pointer) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = existing(spec, at.head());
    existing(spec, at);
    if (parent instanceof ArrayNode array) {
      array.remove(at.last().getMatchingIndex());
    } else {
      ((ObjectNode) parent).remove(at.last().getMatchingProperty());
    }
  }

  private static JsonNode existing(JsonNode spec, JsonPointer pointer) {
    JsonNode node = spec.at(pointer);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("no node at " + pointer + ": the fixture and its edit disagree");
    }
    return node;
  }
}
