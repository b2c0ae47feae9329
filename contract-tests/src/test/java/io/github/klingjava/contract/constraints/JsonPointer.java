package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in a request body: object fields and array indexes, written {@code $.a[0].b} as the
 * client's violations write it and {@code ["a","0","b"]} as Prism's locations do.
 *
 * @param segments field names (String) and indexes (Integer)
 */
public record JsonPointer(List<Object> segments) {

  /** The request itself. */
  public static final JsonPointer ROOT = new JsonPointer(List.of());

  public JsonPointer {
    segments = List.copyOf(segments);
  }

  /**
   * @param field a property name
   * @return this place's property
   */
  public JsonPointer field(String field) {
    List<Object> next = new ArrayList<>(segments);
    next.add(field);
    return new JsonPointer(next);
  }

  /**
   * @param index an array index
   * @return this place's item
   */
  public JsonPointer index(int index) {
    List<Object> next = new ArrayList<>(segments);
    next.add(index);
    return new JsonPointer(next);
  }

  /** @return the containing place (ROOT stays ROOT) */
  public JsonPointer parent() {
    return segments.isEmpty() ? this : new JsonPointer(segments.subList(0, segments.size() - 1));
  }

  /** @return the last segment, or null at ROOT */
  public Object last() {
    return segments.isEmpty() ? null : segments.get(segments.size() - 1);
  }

  /** @return the client's notation, e.g. {@code $.subject_image_list[0].subject_image} */
  public String jsonPath() {
    StringBuilder path = new StringBuilder("$");
    for (Object segment : segments) {
      path.append(segment instanceof Integer ? "[" + segment + "]" : "." + segment);
    }
    return path.toString();
  }

  /** @return Prism's location segments after {@code request, body} */
  public List<String> prismSegments() {
    return segments.stream().map(String::valueOf).toList();
  }

  /**
   * @param tree a JSON tree
   * @return the node here, or null when absent
   */
  public JsonNode find(JsonNode tree) {
    JsonNode node = tree;
    for (Object segment : segments) {
      if (node == null) {
        return null;
      }
      node = segment instanceof Integer i ? (node.isArray() ? node.get(i) : null) : node.get((String) segment);
    }
    return node;
  }

  /**
   * Sets the value here; the containing object or array must exist.
   *
   * @param tree the tree to change
   * @param value the new value
   */
  public void set(JsonNode tree, JsonNode value) {
    JsonNode parent = parent().find(tree);
    if (last() instanceof Integer i) {
      ArrayNode array = (ArrayNode) parent;
      while (array.size() <= i) {
        array.addNull();
      }
      array.set(i, value);
    } else {
      ((ObjectNode) parent).set((String) last(), value);
    }
  }

  /** @param tree the tree to change: the field here is removed */
  public void remove(JsonNode tree) {
    JsonNode parent = parent().find(tree);
    if (parent instanceof ObjectNode object) {
      object.remove((String) last());
    } else if (parent instanceof ArrayNode array) {
      array.remove((Integer) last());
    }
  }

  @Override
  public String toString() {
    return jsonPath();
  }
}
