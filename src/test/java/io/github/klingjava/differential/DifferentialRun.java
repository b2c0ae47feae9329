package io.github.klingjava.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One seeded run of the differential property: {@code cases} requests from the spec's request
 * schemas in turn, each judged by a reference and a candidate validator, which must both find
 * nothing or both find something. The first disagreement stops the run and is shrunk
 * ({@link Shrinker}) to a small request on which they still disagree. The same seed gives the same
 * requests, so a failure is reproduced with {@code -Dkling.differential.seed=<seed>}.
 */
final class DifferentialRun {

  /** A validator under comparison: what it finds wrong with a request tree (empty: valid). */
  @FunctionalInterface
  interface Judge {
    List<String> findings(String schema, Object tree);
  }

  /** Candidates the shrinker may try; a tree of a few dozen values needs a few hundred. */
  static final int SHRINK_BUDGET = 5_000;

  /** A request the two judges disagree on: as generated and as shrunk. */
  record Disagreement(String schema, int caseNumber, Object generated, Object smallest,
      List<String> reference, List<String> candidate, int shrinkSteps) {
  }

  /** How a run went: verdict counts per schema ([valid, invalid]) and the disagreement if any. */
  record Report(long seed, int cases, Map<String, int[]> verdicts, Disagreement disagreement) {

    String summary() {
      StringBuilder text = new StringBuilder("seed " + seed + ", " + cases + " cases:");
      verdicts.forEach((schema, counts) -> text.append(' ').append(schema).append(' ')
          .append(counts[0]).append(" valid/").append(counts[1]).append(" invalid;"));
      return text.toString();
    }
  }

  private DifferentialRun() {
  }

  static Report run(long seed, int cases, SpecArbitraries spec, Judge reference, Judge candidate) {
    List<String> schemas = spec.requestSchemas();
    Map<String, int[]> verdicts = new LinkedHashMap<>();
    schemas.forEach(s -> verdicts.put(s, new int[2]));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < cases; i++) {
      String schema = schemas.get(i % schemas.size());
      Object tree = spec.request(schema, random.split());
      List<String> theirs = reference.findings(schema, tree);
      List<String> ours = candidate.findings(schema, tree);
      verdicts.get(schema)[theirs.isEmpty() ? 0 : 1]++;
      if (theirs.isEmpty() != ours.isEmpty()) {
        return new Report(seed, i + 1, verdicts, shrink(schema, i + 1, tree, reference, candidate));
      }
    }
    return new Report(seed, cases, verdicts, null);
  }

  private static Disagreement shrink(String schema, int caseNumber, Object tree, Judge reference,
      Judge candidate) {
    Shrinker.Result shrunk = Shrinker.shrink(tree, t -> reference.findings(schema, t).isEmpty()
        != candidate.findings(schema, t).isEmpty(), SHRINK_BUDGET);
    Object smallest = shrunk.smallest();
    return new Disagreement(schema, caseNumber, tree, smallest,
        reference.findings(schema, smallest), candidate.findings(schema, smallest), shrunk.tried());
  }
}
