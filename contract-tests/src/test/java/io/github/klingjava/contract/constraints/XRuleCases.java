package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema-level cross-field rules written as {@code anyOf} / {@code not} of {@code required}
 * lists, each named by {@code x-rule}: one invalid request per rule of an {@code anyOf} (none of
 * its alternatives sent) and one per forbidden branch of a {@code not} (that combination sent).
 */
final class XRuleCases {

  /**
   * @param rule the x-rule name (or the keyword when unnamed)
   * @param detail which branch
   * @param body the request breaking it
   * @param prismCode what Prism reports: anyOf or not
   */
  record Case(String rule, String detail, JsonNode body, String prismCode) {
  }

  private final Mutator mutator;

  XRuleCases(Mutator mutator) {
    this.mutator = mutator;
  }

  List<Case> of(JsonNode schema, JsonPointer at) {
    List<Case> cases = new ArrayList<>();
    if (schema.has("anyOf")) {
      cases.add(noneOf(schema.get("anyOf"), at));
    }
    JsonNode not = schema.path("not");
    if (not.has("anyOf") && !not.has("required")) {
      for (JsonNode branch : not.get("anyOf")) {
        cases.add(forbidden(branch, at, ruleOf(branch, not)));
      }
    } else if (not.isObject()) {
      cases.add(forbidden(not, at, ruleOf(not, not)));
    }
    return cases;
  }

  private Case noneOf(JsonNode branches, JsonPointer at) {
    Set<String> fields = new LinkedHashSet<>();
    String rule = null;
    for (JsonNode branch : branches) {
      branch.path("required").forEach(f -> fields.add(f.asText()));
      rule = rule == null ? branch.path("x-rule").asText(null) : rule;
    }
    JsonNode tree = mutator.baseWithMost(fields);
    JsonNode object = at.find(tree);
    fields.forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) object).remove(f));
    return new Case(rule == null ? "anyOf" : rule, "none of " + String.join(", ", fields), tree, "anyOf");
  }

  private Case forbidden(JsonNode branch, JsonPointer at, String rule) {
    List<String> present = new ArrayList<>();
    branch.path("required").forEach(f -> present.add(f.asText()));
    List<String> absent = new ArrayList<>();
    branch.path("not").path("required").forEach(f -> absent.add(f.asText()));
    JsonNode tree = mutator.baseWithMost(present);
    for (String field : present) {
      JsonPointer place = at.field(field);
      if (place.find(tree) == null) {
        place.set(tree, mutator.harvest(place));
      }
    }
    // a value-dependent branch (mode "4k" with an older model_name): the first value it names
    List<String> named = new ArrayList<>(present);
    branch.path("properties").fields().forEachRemaining(p -> {
      JsonNode values = p.getValue().path("enum");
      if (values.isArray() && !values.isEmpty() && present.contains(p.getKey())) {
        at.field(p.getKey()).set(tree, values.get(0).deepCopy());
        // the value names the case: two branches of one rule differ by it (edit_mode addition / swap)
        named.set(named.indexOf(p.getKey()), p.getKey() + "=" + values.get(0).asText());
      }
    });
    absent.forEach(field -> at.field(field).remove(tree));
    String detail = String.join("+", named) + (absent.isEmpty() ? "" : " without " + String.join("+", absent));
    return new Case(rule, detail, tree, "not");
  }

  private static String ruleOf(JsonNode branch, JsonNode not) {
    return branch.path("x-rule").asText(not.path("x-rule").asText("not"));
  }
}
