package io.github.klingjava.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the TSV samples of every harness JVM into Markdown tables: min / median / max over all
 * rounds, and every ratio taken inside one round (contestant and floor measured side by side).
 *
 * <pre>java -cp ... io.github.klingjava.bench.Report out.md samples1.tsv samples2.tsv ...</pre>
 */
public final class Report {
  private static final String FLOOR = "raw OkHttp";
  private static final String UPLOAD_FLOOR = "raw streaming body";

  private Report() {
  }

  public static void main(String[] args) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      for (String line : Files.readAllLines(Path.of(args[i]))) {
        rows.add(line.split("\t"));
      }
    }
    StringBuilder md = new StringBuilder();
    perCall(rows, md);
    upload(rows, md);
    targets(rows, md);
    Files.writeString(Path.of(args[0]), md.toString());
  }

  /** call, section, contestant, round, wall, cpu, alloc */
  private static void perCall(List<String[]> rows, StringBuilder md) {
    Map<String, Map<String, Map<String, double[]>>> bySection = new LinkedHashMap<>();
    for (String[] r : rows) {
      if (r[0].equals("call")) {
        bySection.computeIfAbsent(r[1], k -> new LinkedHashMap<>())
            .computeIfAbsent(r[2], k -> new LinkedHashMap<>())
            .put(r[3], new double[] {d(r[4]), d(r[5]), d(r[6])});
      }
    }
    for (Map.Entry<String, Map<String, Map<String, double[]>>> section
        : new java.util.TreeMap<>(bySection).descendingMap().entrySet()) { // POST, then GET
      Map<String, double[]> floor = section.getValue().get(FLOOR);
      md.append("\n### Per call, ").append(section.getKey()).append(" (").append(floor.size())
          .append(" rounds; min / median / max)\n\n")
          .append("| contestant | wall µs | client CPU µs | CPU ratio to floor | allocated KB | allocation ratio to floor |\n")
          .append("|---|---|---|---|---|---|\n");
      for (Map.Entry<String, Map<String, double[]>> c : ordered(section.getValue()).entrySet()) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> alloc = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        List<Double> allocRatio = new ArrayList<>();
        for (Map.Entry<String, double[]> round : c.getValue().entrySet()) {
          double[] v = round.getValue();
          double[] f = floor.get(round.getKey());
          wall.add(v[0] / 1e3);
          cpu.add(v[1] / 1e3);
          alloc.add(v[2] / 1024);
          cpuRatio.add(v[1] / f[1]);
          allocRatio.add(v[2] / f[2]);
        }
        md.append("| ").append(c.getKey()).append(" | ").append(mmm(wall, "%.1f")).append(" | ")
            .append(mmm(cpu, "%.1f")).append(" | ").append(mmm(cpuRatio, "%.2f")).append(" | ")
            .append(mmm(alloc, "%.1f")).append(" | ").append(mmm(allocRatio, "%.2f")).append(" |\n");
      }
      overhead(section.getValue(), md);
    }
  }

  /** What validation adds: CPU of "this client" over "validation off", per round. */
  private static void overhead(Map<String, Map<String, double[]>> section, StringBuilder md) {
    Map<String, double[]> on = section.get("this client");
    Map<String, double[]> off = section.get("this client, validation off");
    if (on == null || off == null) {
      return;
    }
    List<Double> cpu = new ArrayList<>();
    List<Double> alloc = new ArrayList<>();
    for (Map.Entry<String, double[]> round : on.entrySet()) {
      double[] o = off.get(round.getKey());
      cpu.add((round.getValue()[1] / o[1] - 1) * 100);
      alloc.add((round.getValue()[2] / o[2] - 1) * 100);
    }
    md.append("\nValidation on over validation off, per round: CPU ").append(mmm(cpu, "%+.1f"))
        .append(" %, allocation ").append(mmm(alloc, "%+.1f")).append(" %.\n");
  }

  /** upload, 10MB, contestant, round, wall, cpu, alloc, heap growth, file size */
  private static void upload(List<String[]> rows, StringBuilder md) {
    Map<String, Map<String, double[]>> byContestant = new LinkedHashMap<>();
    double size = 0;
    for (String[] r : rows) {
      if (r[0].equals("upload")) {
        byContestant.computeIfAbsent(r[2], k -> new LinkedHashMap<>())
            .put(r[3], new double[] {d(r[4]), d(r[5]), d(r[6]), d(r[7])});
        size = d(r[8]);
      }
    }
    if (byContestant.isEmpty()) {
      return;
    }
    Map<String, double[]> floor = byContestant.get(UPLOAD_FLOOR);
    md.append(String.format(Locale.ROOT, "%n### Upload of a %.1f MB PNG as Base64 (%d rounds; min / median / max)%n%n",
        size / 1e6, floor.size()))
        .append("| contestant | time ms | time ratio to the raw streaming body | heap growth, x file | allocated, x file |\n")
        .append("|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, double[]>> c : ordered(byContestant).entrySet()) {
      List<Double> ms = new ArrayList<>();
      List<Double> ratio = new ArrayList<>();
      List<Double> heap = new ArrayList<>();
      List<Double> alloc = new ArrayList<>();
      for (Map.Entry<String, double[]> round : c.getValue().entrySet()) {
        double[] v = round.getValue();
        ms.add(v[0] / 1e6);
        ratio.add(v[0] / floor.get(round.getKey())[0]);
        heap.add(v[3] / size);
        alloc.add(v[2] / size);
      }
      md.append("| ").append(c.getKey()).append(" | ").append(mmm(ms, "%.1f")).append(" | ")
          .append(mmm(ratio, "%.2f")).append(" | ").append(mmm(heap, "%.2f")).append(" | ")
          .append(mmm(alloc, "%.2f")).append(" |\n");
    }
  }

  /**
   * Issue #9's acceptance targets, read from this run's medians (so the verdict can never describe another
   * run than the tables above it): per-call CPU and allocation of POST with validation on, what validation
   * adds, and the streaming upload's heap growth and time.
   */
  private static void targets(List<String[]> rows, StringBuilder md) {
    Map<String, Map<String, double[]>> post = section(rows, "POST");
    Map<String, Map<String, double[]>> upload = new LinkedHashMap<>();
    double size = 0;
    for (String[] r : rows) {
      if (r[0].equals("upload")) {
        upload.computeIfAbsent(r[2], k -> new LinkedHashMap<>()).put(r[3], new double[] {d(r[4]), d(r[7])});
        size = d(r[8]);
      }
    }
    if (post.get(FLOOR) == null || post.get("this client") == null) {
      return;
    }
    md.append("\n### Issue #9 targets, read from this run's medians\n\n| target | limit | this run | holds? |\n|---|---|---|---|\n");
    target(md, "POST, validation on: client CPU, ratio to the floor", 1.25,
        medianRatio(post.get("this client"), post.get(FLOOR), 1), "%.2fx");
    target(md, "POST, validation on: allocation, ratio to the floor", 1.6,
        medianRatio(post.get("this client"), post.get(FLOOR), 2), "%.2fx");
    if (post.get("this client, validation off") != null) {
      target(md, "POST: CPU validation adds over validation off, %", 5.0,
          (medianRatio(post.get("this client"), post.get("this client, validation off"), 1) - 1) * 100, "%+.1f %%");
    }
    Map<String, double[]> streaming = upload.get("this client, ImageInputs.file (streaming)");
    if (streaming != null && upload.get(UPLOAD_FLOOR) != null) {
      double fileSize = size;
      List<Double> heap = new ArrayList<>();
      streaming.values().forEach(v -> heap.add(v[1] / fileSize));
      target(md, "10 MB streaming upload: heap growth, x the file", 0.1, median(heap), "%.2fx");
      target(md, "10 MB streaming upload: time, ratio to the raw streaming body", 1.1,
          medianRatio(streaming, upload.get(UPLOAD_FLOOR), 0), "%.2fx");
    }
  }

  private static Map<String, Map<String, double[]>> section(List<String[]> rows, String name) {
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    for (String[] r : rows) {
      if (r[0].equals("call") && r[1].equals(name)) {
        out.computeIfAbsent(r[2], k -> new LinkedHashMap<>()).put(r[3], new double[] {d(r[4]), d(r[5]), d(r[6])});
      }
    }
    return out;
  }

  /** The median over rounds of contestant / baseline for one measure, both taken in the same round. */
  private static double medianRatio(Map<String, double[]> contestant, Map<String, double[]> baseline, int measure) {
    List<Double> ratios = new ArrayList<>();
    contestant.forEach((round, v) -> ratios.add(v[measure] / baseline.get(round)[measure]));
    return median(ratios);
  }

  private static void target(StringBuilder md, String what, double limit, double value, String format) {
    md.append("| ").append(what).append(" | <= ").append(String.format(Locale.ROOT, format, limit)).append(" | ")
        .append(String.format(Locale.ROOT, format, value)).append(" | ").append(value <= limit ? "yes" : "no")
        .append(" |\n");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
  }

  /** Floor first, then the others by name: the same order in every run. */
  private static <V> Map<String, V> ordered(Map<String, V> byName) {
    Map<String, V> out = new LinkedHashMap<>();
    for (String floor : List.of(FLOOR, UPLOAD_FLOOR)) {
      if (byName.containsKey(floor)) {
        out.put(floor, byName.get(floor));
      }
    }
    new java.util.TreeMap<>(byName).forEach(out::putIfAbsent);
    return out;
  }

  private static String mmm(List<Double> values, String format) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double median = median(sorted);
    return String.format(Locale.ROOT, format + " / <b>" + format + "</b> / " + format,
        sorted.get(0), median, sorted.get(sorted.size() - 1));
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }
}
