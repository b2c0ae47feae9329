package io.github.klingjava.compat;

import java.util.List;

/**
 * The release rule for spec changes: compatible changes pass; breaking ones pass only when the
 * current {@code info.version} bumps the released major version and CHANGELOG.md records every one
 * of them under {@code ### Spec <new version>}.
 */
final class SpecGate {

  private SpecGate() {}

  /**
   * The verdict on one comparison.
   *
   * @param passes whether the build may go on
   * @param message what was found and, when failing, how to release it
   */
  record Verdict(boolean passes, String message) {}

  static Verdict check(SpecCompatibility comparison, Changelog changelog) {
    List<SpecChange> breaking = comparison.breaking();
    if (breaking.isEmpty()) {
      return new Verdict(true, comparison.report());
    }
    String current = comparison.currentVersion();
    boolean majorBumped = major(current) > major(comparison.baselineVersion());
    String target = majorBumped ? current : (major(comparison.baselineVersion()) + 1) + ".0.0";
    List<SpecChange> unrecorded = breaking.stream().filter(change -> !changelog.records(target, change)).toList();
    if (majorBumped && unrecorded.isEmpty()) {
      return new Verdict(true, comparison.report()
          + "Released as a major version: every breaking change is recorded in CHANGELOG.md.\n");
    }
    StringBuilder message = new StringBuilder(comparison.report())
        .append(breaking.size()).append(" breaking change(s) against the released spec.\n");
    if (!majorBumped) {
      message.append("- info.version ").append(current).append(" is not a major bump over ")
          .append(comparison.baselineVersion()).append(": set it to ")
          .append(major(comparison.baselineVersion()) + 1).append(".0.0\n");
    }
    message.append("- record each breaking change under \"### Spec ").append(target)
        .append("\" in CHANGELOG.md; missing:\n");
    unrecorded.forEach(change -> message.append("  - breaking: ").append(change.line()).append('\n'));
    message.append("(Before anything is released from it, the baseline is re-cut instead: bash openapi/cut-baseline.sh)\n");
    return new Verdict(false, message.toString());
  }

  static int major(String version) {
    String digits = version.strip().replaceFirst("^[vV]", "").split("[.\\-+]", 2)[0];
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("info.version '" + version + "' is not a semantic version", e);
    }
  }
}
