package io.github.klingjava.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's {@code x-} vocabulary, which openapi-diff does not read, compared on the raw trees.
 *
 * <ul>
 *   <li>{@code x-extensible-enum}, an open vocabulary: the client keeps values it does not know, so
 *       an added value is compatible; a removed known value is breaking (code that matches on it,
 *       and the named constant, lose their meaning).
 *   <li>{@code x-kling-rules} (by id) and {@code x-rule} markers on {@code anyOf}/{@code not}: the
 *       client refuses requests that break them, so a new or changed rule narrows what is accepted
 *       (breaking) and a removed rule widens it (compatible).
 *   <li>{@code x-vendor-constraints}: a new or tightened limit is breaking, a removed or loosened one
 *       compatible.
 *   <li>{@code x-alias-of}: a changed target is breaking (the wire name means something else).
 *   <li>{@code x-enum-varnames}: a kept value whose Java constant is renamed is breaking.
 *   <li>{@code x-kling-business-codes}: a removed code, or a code mapped to another status, family or
 *       retryability, is breaking (users catch the exception it maps to); an added code compatible.
 * </ul>
 */
final class ExtensionChanges {

  private ExtensionChanges() {}

  static void classify(JsonNode before, JsonNode after, List<SpecChange> out) {
    businessCodes(before.path("x-kling-business-codes"), after.path("x-kling-business-codes"), out);
    JsonNode oldSchemas = before.path("components").path("schemas");
    JsonNode newSchemas = after.path("components").path("schemas");
    for (Iterator<String> names = oldSchemas.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (newSchemas.has(name)) {
        String where = "schema " + name;
        walk(where, "", oldSchemas.get(name), newSchemas.get(name), out);
        markers(where, oldSchemas.get(name), newSchemas.get(name), out);
      }
    }
  }

  private static void walk(String schema, String path, JsonNode before, JsonNode after, List<SpecChange> out) {
    if (!before.isObject() || !after.isObject()) {
      return;
    }
    String where = path.isEmpty() ? schema : schema + " " + path;
    if (before.has("x-extensible-enum")) {
      // An open set closed into an enum keeps its known values there; openapi-diff judges the enum itself.
      JsonNode known = after.has("x-extensible-enum") ? after.get("x-extensible-enum") : after.path("enum");
      extensibleEnum(where, before.get("x-extensible-enum"), known, out);
    }
    rules(where, before.path("x-kling-rules"), after.path("x-kling-rules"), out);
    vendorConstraints(where, before.path("x-vendor-constraints"), after.path("x-vendor-constraints"), out);
    enumVarnames(where, before, after, out);
    if (before.has("x-alias-of") && !before.path("x-alias-of").equals(after.path("x-alias-of"))) {
      out.add(SpecChange.breaking("alias-changed", where, "x-alias-of " + before.get("x-alias-of")
          + " -> " + after.path("x-alias-of")));
    }
    JsonNode oldProperties = before.path("properties");
    for (Iterator<String> names = oldProperties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      walk(schema, path.isEmpty() ? name : path + "." + name, oldProperties.get(name),
          after.path("properties").path(name), out);
    }
    if (before.has("items")) {
      walk(schema, path + "[]", before.get("items"), after.path("items"), out);
    }
  }

  private static void extensibleEnum(String where, JsonNode before, JsonNode after, List<SpecChange> out) {
    List<String> removed = missing(before, after);
    List<String> added = missing(after, before);
    if (!removed.isEmpty()) {
      out.add(SpecChange.breaking("open-vocabulary-value-removed", where,
          "x-extensible-enum known value(s) " + removed + " removed"));
    }
    if (!added.isEmpty()) {
      out.add(SpecChange.compatible("open-vocabulary-value-added", where, "x-extensible-enum value(s) " + added + " added"));
    }
  }

  private static void rules(String where, JsonNode before, JsonNode after, List<SpecChange> out) {
    Map<String, JsonNode> oldRules = byId(before);
    Map<String, JsonNode> newRules = byId(after);
    newRules.forEach((id, rule) -> {
      JsonNode old = oldRules.get(id);
      if (old == null) {
        out.add(SpecChange.breaking("cross-field-rule-added", where, "x-kling-rules '" + id + "' added"));
      } else if (!old.path("expression").equals(rule.path("expression"))) {
        out.add(SpecChange.breaking("cross-field-rule-changed", where, "x-kling-rules '" + id + "' expression changed"));
      }
    });
    oldRules.keySet().stream().filter(id -> !newRules.containsKey(id)).forEach(id ->
        out.add(SpecChange.compatible("cross-field-rule-removed", where, "x-kling-rules '" + id + "' removed")));
  }

  /** {@code x-rule} marks the anyOf/not branches that state one cross-field rule in JSON Schema. */
  private static void markers(String where, JsonNode before, JsonNode after, List<SpecChange> out) {
    Map<String, List<JsonNode>> oldMarked = new TreeMap<>();
    Map<String, List<JsonNode>> newMarked = new TreeMap<>();
    collectMarked(before, oldMarked);
    collectMarked(after, newMarked);
    newMarked.forEach((id, nodes) -> {
      if (!oldMarked.containsKey(id)) {
        out.add(SpecChange.breaking("cross-field-rule-added", where, "x-rule '" + id + "' added"));
      } else if (!oldMarked.get(id).equals(nodes)) {
        out.add(SpecChange.breaking("cross-field-rule-changed", where, "x-rule '" + id + "' changed"));
      }
    });
    oldMarked.keySet().stream().filter(id -> !newMarked.containsKey(id)).forEach(id ->
        out.add(SpecChange.compatible("cross-field-rule-removed", where, "x-rule '" + id + "' removed")));
  }

  private static void collectMarked(JsonNode node, Map<String, List<JsonNode>> marked) {
    if (node.has("x-rule")) {
      marked.computeIfAbsent(node.get("x-rule").asText(), id -> new ArrayList<>()).add(node);
    }
    if (node.isContainerNode()) {
      node.elements().forEachRemaining(child -> collectMarked(child, marked));
    }
  }

  private static void vendorConstraints(String where, JsonNode before, JsonNode after, List<SpecChange> out) {
    Map<String, JsonNode> oldLimits = flatten(before);
    Map<String, JsonNode> newLimits = flatten(after);
    newLimits.forEach((key, value) -> {
      JsonNode old = oldLimits.get(key);
      String detail = "x-vendor-constraints " + key + ": " + (old == null ? "none" : old) + " -> " + value;
      if (old == null || tightened(key, old, value)) {
        out.add(SpecChange.breaking("vendor-constraint-tightened", where, detail));
      } else if (!old.equals(value)) {
        out.add(SpecChange.compatible("vendor-constraint-loosened", where, detail));
      }
    });
    oldLimits.forEach((key, value) -> {
      if (!newLimits.containsKey(key)) {
        out.add(SpecChange.compatible("vendor-constraint-loosened", where,
            "x-vendor-constraints " + key + ": " + value + " -> none"));
      }
    });
  }

  private static boolean tightened(String key, JsonNode before, JsonNode after) {
    String keyword = key.substring(key.lastIndexOf('.') + 1);
    if (keyword.startsWith("max") && before.isNumber() && after.isNumber()) {
      return after.decimalValue().compareTo(before.decimalValue()) < 0;
    }
    if (keyword.startsWith("min") && before.isNumber() && after.isNumber()) {
      return after.decimalValue().compareTo(before.decimalValue()) > 0;
    }
    if (keyword.equals("enum")) {
      return !missing(before, after).isEmpty();
    }
    return !before.equals(after);
  }

  private static void enumVarnames(String where, JsonNode before, JsonNode after, List<SpecChange> out) {
    Map<String, String> oldNames = varnames(before);
    Map<String, String> newNames = varnames(after);
    oldNames.forEach((value, name) -> {
      String renamed = newNames.get(value);
      if (renamed != null && !renamed.equals(name)) {
        out.add(SpecChange.breaking("java-constant-renamed", where,
            "x-enum-varnames for '" + value + "' renamed " + name + " -> " + renamed));
      }
    });
  }

  private static void businessCodes(JsonNode before, JsonNode after, List<SpecChange> out) {
    Map<String, JsonNode> oldCodes = byKey(before, "code");
    Map<String, JsonNode> newCodes = byKey(after, "code");
    oldCodes.forEach((code, entry) -> {
      JsonNode now = newCodes.get(code);
      String where = "x-kling-business-codes " + code;
      if (now == null) {
        out.add(SpecChange.breaking("business-code-removed", where, "business code removed"));
      } else {
        for (String field : List.of("http", "family", "retryable")) {
          if (!entry.path(field).equals(now.path(field))) {
            out.add(SpecChange.breaking("business-code-remapped", where,
                field + " " + entry.path(field) + " -> " + now.path(field)));
          }
        }
      }
    });
    newCodes.keySet().stream().filter(code -> !oldCodes.containsKey(code)).forEach(code ->
        out.add(SpecChange.compatible("business-code-added", "x-kling-business-codes " + code, "business code added")));
  }

  private static Map<String, String> varnames(JsonNode schema) {
    Map<String, String> names = new LinkedHashMap<>();
    JsonNode values = schema.path("enum");
    JsonNode constants = schema.path("x-enum-varnames");
    for (int i = 0; i < values.size() && i < constants.size(); i++) {
      names.put(values.get(i).asText(), constants.get(i).asText());
    }
    return names;
  }

  private static Map<String, JsonNode> flatten(JsonNode constraints) {
    Map<String, JsonNode> flat = new TreeMap<>();
    constraints.fields().forEachRemaining(vendor -> vendor.getValue().fields().forEachRemaining(property ->
        property.getValue().fields().forEachRemaining(keyword -> flat.put(
            vendor.getKey() + "." + property.getKey() + "." + keyword.getKey(), keyword.getValue()))));
    return flat;
  }

  private static Map<String, JsonNode> byId(JsonNode list) {
    return byKey(list, "id");
  }

  private static Map<String, JsonNode> byKey(JsonNode list, String key) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    list.forEach(entry -> map.put(entry.path(key).asText(), entry));
    return map;
  }

  private static List<String> missing(JsonNode from, JsonNode in) {
    List<String> kept = new ArrayList<>();
    in.forEach(value -> kept.add(value.asText()));
    List<String> missing = new ArrayList<>();
    from.forEach(value -> {
      if (!kept.contains(value.asText())) {
        missing.add(value.asText());
      }
    });
    return missing;
  }
}
