package io.github.klingjava.validation;

import static io.github.klingjava.validation.JsonValues.asObject;
import static io.github.klingjava.validation.JsonValues.asSchemas;
import static io.github.klingjava.validation.SchemaWalk.report;
import static io.github.klingjava.validation.ViolationWording.explained;
import static io.github.klingjava.validation.ViolationWording.joinAnd;

import io.github.klingjava.validation.SchemaWalk.Ctx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The combinators ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}) of the keyword walk. They
 * live apart because the spec writes its cross-field rules with them ({@code x-rule}: "send a or b",
 * "never a with b"), and turning a failed branch search into one message that names the fields and
 * the rule is a job of its own.
 */
final class Composition {

  private final SchemaWalk walk;
  private final SchemaValidator schemas;

  Composition(SchemaWalk walk, SchemaValidator schemas) {
    this.walk = walk;
    this.schemas = schemas;
  }

  /** Runs allOf, anyOf, oneOf and not of the schema, in that order. */
  void check(Map<String, Object> schema, Object value, String path, Ctx ctx,
      List<Violation> out) {
    Object allOf = schema.get("allOf");
    if (allOf instanceof List) {
      for (Object sub : (List<?>) allOf) {
        walk.check(asObject(sub), null, value, path, ctx, out);
      }
    }
    Object anyOf = schema.get("anyOf");
    if (anyOf instanceof List) {
      checkAnyOf(schema, asSchemas(anyOf), value, path, ctx, out);
    }
    Object oneOf = schema.get("oneOf");
    if (oneOf instanceof List) {
      checkOneOf(asSchemas(oneOf), value, path, ctx, out);
    }
    Object not = schema.get("not");
    if (not instanceof Map) {
      checkNot(schema, asObject(not), value, path, ctx, out);
    }
  }

  private void checkAnyOf(Map<String, Object> schema, List<Map<String, Object>> branches,
      Object value, String path, Ctx ctx, List<Violation> out) {
    List<Violation> closest = null;
    for (Map<String, Object> branch : branches) {
      List<Violation> found = new ArrayList<>();
      walk.check(branch, null, value, path, ctx, found);
      if (found.isEmpty()) {
        return;
      }
      if (closest == null || found.size() < closest.size()) {
        closest = found;
      }
    }
    String rule = commonRule(branches);
    Set<String> fields = inPropertyOrder(requiredFields(branches), schema);
    String what;
    if (fields != null && value instanceof Map) {
      what = (fields.size() == 1 ? fields.iterator().next() + " was not sent"
          : "none of " + String.join(", ", fields) + " was sent");
    } else {
      what = Violation.display(value) + " matches none of the " + branches.size()
          + " alternatives" + (closest == null || closest.isEmpty() ? ""
          : " (closest: " + closest.get(0).message() + ")");
    }
    report(out, ctx, path, null, rule == null ? "anyOf" : rule, explained(what, rule));
  }

  private void checkOneOf(List<Map<String, Object>> branches, Object value, String path, Ctx ctx,
      List<Violation> out) {
    int matches = 0;
    for (Map<String, Object> branch : branches) {
      List<Violation> found = new ArrayList<>();
      walk.check(branch, null, value, path, ctx, found);
      if (found.isEmpty()) {
        matches++;
      }
    }
    if (matches == 1) {
      return;
    }
    String rule = commonRule(branches);
    String what = Violation.display(value) + " matches " + (matches == 0 ? "none" : matches)
        + " of the " + branches.size() + " alternatives; exactly one must match";
    report(out, ctx, path, Violation.display(value), rule == null ? "oneOf" : rule,
        explained(what, rule));
  }

  /**
   * A {@code not} whose schema is a plain {@code anyOf} of rules (as the spec writes forbidden
   * combinations) reports each forbidden combination that matched, under its own {@code x-rule};
   * any other {@code not} reports once, under its {@code x-rule} or as {@code not}.
   */
  private void checkNot(Map<String, Object> schema, Map<String, Object> notSchema, Object value,
      String path, Ctx ctx, List<Violation> out) {
    Map<String, Object> resolved = notSchema;
    while (resolved.get("$ref") != null) {
      resolved = schemas.resolve(resolved.get("$ref"));
    }
    String ownRule = (String) resolved.get("x-rule");
    List<Map<String, Object>> branches = null;
    if (resolved.get("anyOf") instanceof List && onlyKeywords(resolved, "anyOf", "x-rule")) {
      branches = asSchemas(resolved.get("anyOf"));
    } else {
      branches = List.of(resolved);
    }
    Map<String, Set<String>> sentByRule = new LinkedHashMap<>();
    Map<String, Map<String, Object>> firstBranch = new LinkedHashMap<>();
    for (Map<String, Object> branch : branches) {
      List<Violation> found = new ArrayList<>();
      walk.check(branch, null, value, path, ctx, found);
      if (!found.isEmpty()) {
        continue; // the forbidden shape does not match: fine
      }
      Object branchRule = branch.get("x-rule");
      String rule = branchRule instanceof String ? (String) branchRule
          : ownRule != null ? ownRule : "not";
      sentByRule.computeIfAbsent(rule, r -> new LinkedHashSet<>()).addAll(
          presentRequired(branch, value));
      firstBranch.putIfAbsent(rule, branch);
    }
    for (Map.Entry<String, Set<String>> e : sentByRule.entrySet()) {
      String rule = e.getKey();
      Set<String> sent = inPropertyOrder(e.getValue(), schema);
      Set<String> without = inPropertyOrder(absentForbidden(firstBranch.get(rule), value), schema);
      String what;
      if (sent.isEmpty()) {
        what = Violation.display(value) + " matches a forbidden shape";
      } else if (sent.size() == 1) {
        what = sent.iterator().next() + " was sent"
            + (without.isEmpty() ? "" : " without " + String.join(" or ", without));
      } else {
        what = joinAnd(sent) + " were sent together";
      }
      report(out, ctx, path, sent.isEmpty() ? Violation.display(value) : String.join(", ", sent),
          "not".equals(rule) ? "not" : rule, explained(what, "not".equals(rule) ? null : rule));
    }
  }

  /**
   * The names in the order of the schema's properties (as the spec lists them; unknown names
   * last), so that messages do not depend on how the spec's required lists are ordered.
   */
  private static Set<String> inPropertyOrder(Set<String> names, Map<String, Object> schema) {
    if (names == null) {
      return null;
    }
    Map<String, Object> properties = asObject(schema.get("properties"));
    if (properties == null) {
      return names;
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String p : properties.keySet()) {
      if (names.contains(p)) {
        ordered.add(p);
      }
    }
    ordered.addAll(names);
    return ordered;
  }

  /** The x-rule all branches share, or null. */
  private static String commonRule(List<Map<String, Object>> branches) {
    String rule = null;
    for (Map<String, Object> b : branches) {
      Object r = b.get("x-rule");
      if (!(r instanceof String) || rule != null && !rule.equals(r)) {
        return null;
      }
      rule = (String) r;
    }
    return rule;
  }

  /** Union of the branches' required lists when every branch is only a required list, else null. */
  private static Set<String> requiredFields(List<Map<String, Object>> branches) {
    Set<String> fields = new LinkedHashSet<>();
    for (Map<String, Object> b : branches) {
      if (!(b.get("required") instanceof List) || !onlyKeywords(b, "required", "x-rule")) {
        return null;
      }
      for (Object f : (List<?>) b.get("required")) {
        fields.add(String.valueOf(f));
      }
    }
    return fields;
  }

  /** The fields of the branch's required list that the object has. */
  private static Set<String> presentRequired(Map<String, Object> branch, Object value) {
    Set<String> present = new LinkedHashSet<>();
    if (value instanceof Map && branch.get("required") instanceof List) {
      for (Object f : (List<?>) branch.get("required")) {
        if (((Map<?, ?>) value).containsKey(String.valueOf(f))) {
          present.add(String.valueOf(f));
        }
      }
    }
    return present;
  }

  /** For a branch {required: [a], not: {required: [b]}}: the fields b the object lacks. */
  private Set<String> absentForbidden(Map<String, Object> branch, Object value) {
    Set<String> absent = new LinkedHashSet<>();
    Map<String, Object> inner = branch == null ? null : asObject(branch.get("not"));
    while (inner != null && inner.get("$ref") != null) {
      inner = schemas.resolve(inner.get("$ref"));
    }
    if (inner != null && value instanceof Map && inner.get("required") instanceof List) {
      for (Object f : (List<?>) inner.get("required")) {
        if (!((Map<?, ?>) value).containsKey(String.valueOf(f))) {
          absent.add(String.valueOf(f));
        }
      }
    }
    return absent;
  }

  private static boolean onlyKeywords(Map<String, Object> schema, String... keywords) {
    Set<String> allowed = new LinkedHashSet<>(List.of(keywords));
    for (String k : schema.keySet()) {
      if (!allowed.contains(k) && !SchemaValidator.ANNOTATIONS.contains(k)) {
        return false;
      }
    }
    return true;
  }
}
