package io.github.klingjava.faults;

import java.util.List;

/** One line of the fault table: the case, what happened, and the invariants it was checked for. */
record FaultRow(FaultCase fault, String actual, long millis, long duplicates, int openCalls,
    String secrets) {
  boolean passed() {
    return fault.expected().equals(actual) && millis <= fault.bound().toMillis() && duplicates == 0
        && openCalls == 0 && secrets.isEmpty();
  }

  static String table(List<FaultRow> rows) {
    StringBuilder out = new StringBuilder(String.format("%-11s | %-55s | %-48s | %-48s | %6s | %s%n",
        "category", "case", "expected", "actual", "ms", "dup/open/secrets"));
    for (FaultRow r : rows) {
      out.append(String.format("%-11s | %-55s | %-48s | %-48s | %6d | %d/%d/%s%s%n",
          r.fault.category(), r.fault.name(), r.fault.expected(), r.actual, r.millis, r.duplicates,
          r.openCalls, r.secrets.isEmpty() ? "none" : r.secrets,
          r.passed() ? "" : "  <-- FAILED (bound " + r.fault.bound().toMillis() + " ms)"));
    }
    long passed = rows.stream().filter(FaultRow::passed).count();
    out.append(String.format("%d/%d cases as expected; duplicates %d, open calls %d, secrets found %d%n",
        passed, rows.size(), rows.stream().mapToLong(FaultRow::duplicates).sum(),
        rows.stream().mapToInt(FaultRow::openCalls).sum(),
        rows.stream().filter(r -> !r.secrets.isEmpty()).count()));
    return out.toString();
  }
}
