package io.github.klingjava.validation;

import static io.github.klingjava.validation.JsonValues.asObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec's {@code x-kling-rules} entries: which rule ids the spec names (so that a spec naming a
 * rule the client lacks fails at load, not on a request), and running an object's entries through
 * {@link CustomRules}, worded like the walk's own violations.
 */
final class KlingRules {

  private KlingRules() {}

  /** Runs the object schema's x-kling-rules, adding the walk's qualifier (a vendor's limit) if any. */
  static void check(Map<String, Object> schema, Map<String, Object> value, String path,
      String qualifier, List<Violation> out) {
    Object rules = schema.get("x-kling-rules");
    if (rules instanceof List) {
      for (Object rule : (List<?>) rules) {
        List<Violation> found = new ArrayList<>();
        CustomRules.check(klingRuleId(rule), schema, value, path, found);
        for (Violation v : found) {
          out.add(qualifier == null ? v : ViolationWording.qualify(v, qualifier));
        }
      }
    }
  }

  private static String klingRuleId(Object rule) {
    Map<String, Object> r = asObject(rule);
    if (r == null || !(r.get("id") instanceof String)) {
      throw new IllegalStateException("An x-kling-rules entry has no id: " + rule);
    }
    return (String) r.get("id");
  }

  /** Every x-kling-rules id anywhere under the given schemas. */
  static Set<String> klingRuleIds(Object node) {
    Set<String> ids = new TreeSet<>();
    collectKlingRuleIds(node, ids);
    return ids;
  }

  private static void collectKlingRuleIds(Object node, Set<String> ids) {
    if (node instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
        if ("x-kling-rules".equals(e.getKey())) {
          if (!(e.getValue() instanceof List)) {
            throw new IllegalStateException("x-kling-rules must be a list: " + e.getValue());
          }
          for (Object rule : (List<?>) e.getValue()) {
            ids.add(klingRuleId(rule));
          }
        } else {
          collectKlingRuleIds(e.getValue(), ids);
        }
      }
    } else if (node instanceof List) {
      for (Object o : (List<?>) node) {
        collectKlingRuleIds(o, ids);
      }
    }
  }
}
