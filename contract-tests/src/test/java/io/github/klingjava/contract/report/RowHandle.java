package io.github.klingjava.contract.report;

/**
 * The row of a running test. A test that passes is recorded as passed unless it called
 * {@link #knownDeviation(String)}; see {@link Rows#run}.
 */
public final class RowHandle {

  private String deviation;
  private String note = "";

  /**
   * Marks the row as a known, documented deviation: the test passes, the matrix says why.
   *
   * @param reason one line naming the documented difference
   */
  public void knownDeviation(String reason) {
    this.deviation = reason;
  }

  /** @param text extra detail for a passed row (e.g. what was checked) */
  public void note(String text) {
    this.note = text;
  }

  String deviation() {
    return deviation;
  }

  String note() {
    return note;
  }
}
