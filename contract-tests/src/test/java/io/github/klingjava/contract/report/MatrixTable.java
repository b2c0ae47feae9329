package io.github.klingjava.contract.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of every run pivoted into the matrix: per section, one line per operation x case, one
 * column per target, a status per cell. Shared by the Markdown and HTML writers.
 */
final class MatrixTable {

  /** One line: operation x case, its cells by target, and the notes of its non-passed cells. */
  record Line(String operation, String name, Map<String, Status> cells, List<String> notes) {
  }

  /** One section: its targets (columns), lines, and why whole targets were skipped. */
  record Part(Section section, List<String> targets, List<Line> lines, Map<String, Set<String>> skips) {
  }

  private MatrixTable() {
  }

  static List<Part> build(List<Row> rows) {
    Map<Section, List<Row>> bySection = new EnumMap<>(Section.class);
    for (Row row : rows) {
      bySection.computeIfAbsent(row.section(), s -> new ArrayList<>()).add(row);
    }
    List<Part> parts = new ArrayList<>();
    bySection.forEach((section, sectionRows) -> parts.add(part(section, sectionRows)));
    return parts;
  }

  private static Part part(Section section, List<Row> rows) {
    Set<String> targets = new LinkedHashSet<>();
    rows.stream().map(Row::target).sorted().forEach(targets::add);
    Map<String, Map<String, Status>> cells = new TreeMap<>();
    Map<String, Set<String>> notes = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    Map<String, Set<String>> skips = new TreeMap<>();
    for (Row row : rows) {
      String id = row.operation() + "\u0000" + row.name();
      names.putIfAbsent(id, new String[] {row.operation(), row.name()});
      Map<String, Status> line = cells.computeIfAbsent(id, k -> new LinkedHashMap<>());
      line.merge(row.target(), row.status(), MatrixTable::worse);
      if (row.status() == Status.SKIPPED) {
        skips.computeIfAbsent(row.target(), k -> new LinkedHashSet<>()).add(row.detail());
      } else if (row.status() != Status.PASSED && !row.detail().isEmpty()) {
        notes.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(row.target() + ": " + row.detail());
      }
    }
    List<Line> lines = new ArrayList<>();
    cells.forEach((id, line) -> lines.add(new Line(names.get(id)[0], names.get(id)[1], line,
        new ArrayList<>(notes.getOrDefault(id, Set.of())))));
    return new Part(section, new ArrayList<>(targets), lines, skips);
  }

  /**
   * The same case on the same target in two runs: a failure wins, a skip loses to any outcome, a
   * known deviation beats a pass.
   */
  private static Status worse(Status a, Status b) {
    if (a == Status.FAILED || b == Status.FAILED) {
      return Status.FAILED;
    }
    if (a == Status.SKIPPED) {
      return b;
    }
    if (b == Status.SKIPPED) {
      return a;
    }
    return a == Status.KNOWN_DEVIATION || b == Status.KNOWN_DEVIATION ? Status.KNOWN_DEVIATION : a;
  }
}
