package io.github.klingjava.contract.report;

/** The outcome of one matrix row. */
public enum Status {
  PASSED("passed"),
  FAILED("failed"),
  KNOWN_DEVIATION("known deviation"),
  SKIPPED("skipped");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  /** @return the label shown in the matrix */
  public String label() {
    return label;
  }
}
