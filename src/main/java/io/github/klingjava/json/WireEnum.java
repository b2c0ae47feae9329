package io.github.klingjava.json;

/**
 * A string value from a closed list in the spec that must still survive values the spec does not
 * list yet. Generated "open enum" classes implement it; {@link WireEnumAdapterFactory} reads and
 * writes them through their {@code static of(String)} and {@link #value()}.
 */
public interface WireEnum {

  /**
   * Returns the value exactly as it appears in JSON.
   *
   * @return the wire value, never null
   */
  String value();
}
