package io.github.klingjava.contract.report;

/** The kinds of contract test, one section of the matrix each. */
public enum Section {
  EXAMPLE("Named examples"),
  CONSTRAINT("Declared constraints"),
  ERROR("Error families"),
  LIVE("Live (through prism proxy)"),
  BACKEND("Backend smoke");

  private final String title;

  Section(String title) {
    this.title = title;
  }

  /** @return the section's heading */
  public String title() {
    return title;
  }
}
