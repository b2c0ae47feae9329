package io.github.klingjava.compat;

/**
 * One difference between the released spec and the current one, classified for the users of a
 * generated client: {@code BREAKING} when code compiled against the old spec, or requests and
 * parsing that worked with it, can fail with the new one.
 *
 * @param compatibility breaking or compatible
 * @param kind a short stable name of the class of change, e.g. {@code enum-value-removed}
 * @param where the operation and place, e.g. {@code GET /v1/things/{id} response 200 data.state}
 * @param detail what changed, e.g. {@code enum value 'archived' removed}
 */
record SpecChange(Compatibility compatibility, String kind, String where, String detail) {

  enum Compatibility { BREAKING, COMPATIBLE }

  static SpecChange breaking(String kind, String where, String detail) {
    return new SpecChange(Compatibility.BREAKING, kind, where, detail);
  }

  static SpecChange compatible(String kind, String where, String detail) {
    return new SpecChange(Compatibility.COMPATIBLE, kind, where, detail);
  }

  boolean isBreaking() {
    return compatibility == Compatibility.BREAKING;
  }

  /** The text a CHANGELOG entry must contain to record this change. */
  String line() {
    return where + ": " + detail;
  }

  @Override
  public String toString() {
    return (isBreaking() ? "breaking   " : "compatible ") + "[" + kind + "] " + line();
  }
}
