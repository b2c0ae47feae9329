package io.github.klingjava.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The wording of violation messages (articles, counts, lists, JSON paths, "did you mean"), in one
 * place so that every check words things the same way; the tests pin these texts byte for byte.
 */
final class ViolationWording {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ViolationWording() {}

  static Violation qualify(Violation v, String qualifier) {
    String m = v.message();
    String tail = " (rule " + v.rule() + ")";
    String body = m.endsWith(tail) ? m.substring(0, m.length() - tail.length()) : m;
    return new Violation(v.path(), v.value(), v.rule(), body + ", " + qualifier + tail);
  }

  static String explained(String what, String rule) {
    String text = RuleExplanations.explain(rule);
    return text == null ? what : what + "; " + text;
  }

  static String items(long n) {
    return n + (n == 1 ? " item" : " items");
  }

  static String article(String type) {
    if (type == null) {
      return "a value";
    }
    return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ")
        + type;
  }

  static String joinAnd(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(
        list.size() - 1);
  }

  static String child(String path, String key) {
    if (IDENTIFIER.matcher(key).matches()) {
      return path + "." + key;
    }
    return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** " (did you mean x?)" for a near miss among the allowed properties, else "". */
  static String suggestion(String key, Map<String, Object> properties) {
    if (properties == null) {
      return "";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : properties.keySet()) {
      int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(1, Math.min(3, key.length() / 4));
    return best != null && bestDistance <= allowed ? " (did you mean " + best + "?)" : "";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
