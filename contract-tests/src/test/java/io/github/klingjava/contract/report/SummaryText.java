package io.github.klingjava.contract.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one-screen summary printed when a run ends. */
final class SummaryText {

  private static final String RULE = "=".repeat(100);
  private static final int MAX_FAILURES = 8;

  private SummaryText() {
  }

  static String render(String currentRun, List<Matrix.RunRecord> runs, List<Row> rows, Path markdown,
      Path html) {
    List<String> out = new ArrayList<>();
    out.add(RULE);
    out.add(" kling-java contract tests - summary after run '" + currentRun + "' (all runs of this build)");
    out.add(RULE);
    for (Matrix.RunRecord run : runs) {
      Matrix.RunInfo info = run.info();
      out.add(String.format(" run %-6s backend %-8s (requested %s): %s, %d tests: %s", info.run(),
          info.backend(), info.requested(), info.description(), run.rows().size(),
          Tally.describe(run.rows())));
    }
    for (Matrix.RunRecord run : runs) {
      if (!run.info().notice().isEmpty()) {
        out.add(" !!! " + run.info().notice());
      }
    }
    Map<Section, List<String>> declared = mergedDeclarations(runs);
    Map<Section, List<Row>> bySection = Tally.bySection(rows);
    for (Section section : Section.values()) {
      List<Row> sectionRows = bySection.getOrDefault(section, List.of());
      List<String> keys = declared.getOrDefault(section, List.of());
      StringBuilder line = new StringBuilder(String.format(" %-27s %4d tests: %s", section.title(),
          sectionRows.size(), Tally.describe(sectionRows)));
      if (!keys.isEmpty()) {
        Set<String> missing = Tally.uncovered(keys, sectionRows);
        line.append(String.format(" | %d declared in the spec, %d covered, min %d test(s) each",
            keys.size(), keys.size() - missing.size(), Tally.minimumPerKey(keys, sectionRows)));
        if (!missing.isEmpty()) {
          line.append(" | NOT COVERED: ").append(String.join(", ", missing));
        }
      }
      out.add(line.toString());
    }
    List<String> allSkipped = new ArrayList<>();
    Tally.byTarget(rows).forEach((target, targetRows) -> {
      if (targetRows.stream().allMatch(r -> r.status() == Status.SKIPPED)) {
        allSkipped.add(target);
      } else {
        out.add(String.format("   %-36s %s", target, Tally.describe(targetRows)));
      }
    });
    if (!allSkipped.isEmpty()) {
      out.add("   all skipped: " + String.join(", ", allSkipped));
    }
    Map<String, Integer> skips = new LinkedHashMap<>();
    rows.stream().filter(r -> r.status() == Status.SKIPPED)
        .forEach(r -> skips.merge(r.detail(), 1, Integer::sum));
    skips.forEach((reason, n) -> out.add(" skipped x" + n + ": " + reason));
    List<Row> failed = rows.stream().filter(r -> r.status() == Status.FAILED).toList();
    failed.stream().limit(MAX_FAILURES).forEach(r -> out.add(" FAILED " + r.operation() + " / "
        + r.name() + " [" + r.target() + "]: " + abbreviate(r.detail())));
    if (failed.size() > MAX_FAILURES) {
      out.add(" ... and " + (failed.size() - MAX_FAILURES) + " more failures (see the matrix)");
    }
    out.add(" TOTAL " + rows.size() + " tests: " + Tally.describe(rows));
    out.add(" matrix: " + markdown + " | " + html.getFileName());
    out.add(RULE);
    return String.join(System.lineSeparator(), out);
  }

  private static Map<Section, List<String>> mergedDeclarations(List<Matrix.RunRecord> runs) {
    Map<Section, Set<String>> merged = new LinkedHashMap<>();
    for (Matrix.RunRecord run : runs) {
      run.declared().forEach((section, keys) ->
          merged.computeIfAbsent(section, s -> new java.util.TreeSet<>()).addAll(keys));
    }
    Map<Section, List<String>> result = new LinkedHashMap<>();
    merged.forEach((section, keys) -> result.put(section, new ArrayList<>(keys)));
    return result;
  }

  private static String abbreviate(String text) {
    return text.length() > 220 ? text.substring(0, 220) + "..." : text;
  }
}
