package io.github.klingjava.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields of a JSON value that its schema does not declare, by JSON path. Response schemas stay
 * open on the wire (vendors add fields, clients ignore them), so neither Prism nor a lenient parser
 * notices an example that uses a name the schema no longer has: a field renamed in a schema but not
 * in its examples. The spec's own examples are held to the declared names.
 */
public final class DeclaredFields {

  private final SpecDocument spec;

  /** @param spec the spec */
  public DeclaredFields(SpecDocument spec) {
    this.spec = spec;
  }

  /**
   * @param schemaName a schema of components/schemas
   * @param value a JSON value
   * @return the JSON paths of fields no schema on the way declares
   */
  public List<String> undeclared(String schemaName, JsonNode value) {
    List<String> out = new ArrayList<>();
    walk(spec.schema(schemaName), value, "$", out);
    return out;
  }

  private void walk(JsonNode schemaNode, JsonNode value, String path, List<String> out) {
    JsonNode schema = spec.resolve(schemaNode);
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        walk(schema.get("items"), value.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode property = property(schema, field.getKey());
      if (property != null) {
        walk(property, field.getValue(), path + "." + field.getKey(), out);
      } else if (schema.path("additionalProperties").isObject()) {
        walk(schema.get("additionalProperties"), field.getValue(), path + "." + field.getKey(), out);
      } else {
        out.add(path + "." + field.getKey());
      }
    }
  }

  /** The property's schema, looking into allOf/anyOf/oneOf branches too. */
  private JsonNode property(JsonNode schema, String name) {
    if (schema.path("properties").has(name)) {
      return schema.get("properties").get(name);
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode branch : schema.path(combinator)) {
        JsonNode found = property(spec.resolve(branch), name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
