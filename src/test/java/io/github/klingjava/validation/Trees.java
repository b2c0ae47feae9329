package io.github.klingjava.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and edits JSON trees (Map/List) for tests; every edit works on a deep copy. */
final class Trees {

  /** Value for {@link #with} that removes the property instead of setting it. */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "<absent>";
    }
  };

  private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

  private Trees() {
  }

  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static List<Object> arr(Object... items) {
    List<Object> l = new ArrayList<>();
    for (Object o : items) {
      l.add(o);
    }
    return l;
  }

  /** n copies of item (deep copies). */
  static List<Object> times(int n, Object item) {
    List<Object> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(copy(item));
    }
    return l;
  }

  @SuppressWarnings("unchecked")
  static <T> T copy(T tree) {
    if (tree instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      ((Map<String, Object>) tree).forEach((k, v) -> m.put(k, copy(v)));
      return (T) m;
    }
    if (tree instanceof List) {
      List<Object> l = new ArrayList<>();
      ((List<Object>) tree).forEach(v -> l.add(copy(v)));
      return (T) l;
    }
    return tree;
  }

  /** A copy of base with the value at path ("$.a[1].b") set, or removed for {@link #ABSENT}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> with(Map<String, Object> base, String path, Object value) {
    Map<String, Object> root = copy(base);
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException(path);
    }
    List<Object> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    int at = 1;
    while (at < path.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("bad path " + path);
      }
      segments.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
      at = m.end();
    }
    Object node = root;
    for (int i = 0; i < segments.size() - 1; i++) {
      Object s = segments.get(i);
      node = s instanceof String ? ((Map<String, Object>) node).get(s)
          : ((List<Object>) node).get((Integer) s);
      if (node == null) {
        throw new IllegalArgumentException("no " + s + " in " + path);
      }
    }
    Object last = segments.get(segments.size() - 1);
    Object v = copy(value);
    if (last instanceof String) {
      if (value == ABSENT) {
        ((Map<String, Object>) node).remove(last);
      } else {
        ((Map<String, Object>) node).put((String) last, v);
      }
    } else {
      List<Object> list = (List<Object>) node;
      if (value == ABSENT) {
        list.remove((int) (Integer) last);
      } else {
        list.set((Integer) last, v);
      }
    }
    return root;
  }

  /** The value at path ("$.a[0].b"), or null when any part of it is missing. */
  static Object at(Map<String, Object> base, String path) {
    Object node = base;
    Matcher m = SEGMENT.matcher(path);
    int from = 1;
    while (from < path.length() && node != null) {
      if (!m.find(from) || m.start() != from) {
        throw new IllegalArgumentException("bad path " + path);
      }
      if (m.group(1) != null) {
        node = node instanceof Map ? ((Map<?, ?>) node).get(m.group(1)) : null;
      } else {
        int i = Integer.parseInt(m.group(2));
        node = node instanceof List && ((List<?>) node).size() > i ? ((List<?>) node).get(i) : null;
      }
      from = m.end();
    }
    return node;
  }

  static Map<String, Object> without(Map<String, Object> base, String path) {
    return with(base, path, ABSENT);
  }

  /** A string of exactly n code points, ending in a character outside the BMP (two chars). */
  static String codePoints(int n) {
    if (n == 0) {
      return "";
    }
    return "a".repeat(n - 1) + "\uD83D\uDE00";
  }
}
