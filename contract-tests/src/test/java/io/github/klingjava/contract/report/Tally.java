package io.github.klingjava.contract.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts over rows: per status, per section, per target, and catalog coverage. */
final class Tally {

  private Tally() {
  }

  static Map<Status, Integer> byStatus(List<Row> rows) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
    rows.forEach(row -> counts.merge(row.status(), 1, Integer::sum));
    return counts;
  }

  static Map<Section, List<Row>> bySection(List<Row> rows) {
    Map<Section, List<Row>> map = new EnumMap<>(Section.class);
    rows.forEach(row -> map.computeIfAbsent(row.section(), s -> new ArrayList<>()).add(row));
    return map;
  }

  static Map<String, List<Row>> byTarget(List<Row> rows) {
    Map<String, List<Row>> map = new TreeMap<>();
    rows.forEach(row -> map.computeIfAbsent(row.target(), s -> new ArrayList<>()).add(row));
    return map;
  }

  /** @return "12 passed, 1 known deviation" style text (zero counts left out) */
  static String describe(List<Row> rows) {
    List<String> parts = new ArrayList<>();
    byStatus(rows).forEach((status, n) -> {
      if (n > 0) {
        parts.add(n + " " + status.label());
      }
    });
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /**
   * @param declared the catalog keys of a section
   * @param rows the rows
   * @return the declared keys no row covers
   */
  static Set<String> uncovered(List<String> declared, List<Row> rows) {
    Set<String> missing = new LinkedHashSet<>(declared);
    rows.forEach(row -> missing.remove(row.key()));
    return missing;
  }

  /**
   * @param declared the catalog keys of a section
   * @param rows the rows
   * @return the smallest number of rows any declared key has
   */
  static int minimumPerKey(List<String> declared, List<Row> rows) {
    Map<String, Integer> counts = new TreeMap<>();
    declared.forEach(key -> counts.put(key, 0));
    rows.forEach(row -> counts.computeIfPresent(row.key(), (k, n) -> n + 1));
    return counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
  }
}
