package io.github.klingjava.validation;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spec's open sets ({@code x-extensible-enum}: model names, modes, shot types): a value outside
 * the known list is a vocabulary word newer than this client, so it is sent, never refused, and
 * logged once per schema and value so the gap is visible. Known values keep every other rule of
 * the spec (per-model rules are written against the known names).
 *
 * <p>The one place that logs for validation; the logging backend can change here alone.
 */
final class OpenVocabulary {

  /** The spec keyword holding an open set. */
  static final String KEYWORD = "x-extensible-enum";

  private static final Logger LOG = System.getLogger(OpenVocabulary.class.getName());
  private static final int MAX_REMEMBERED = 1024;
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private OpenVocabulary() {
  }

  /**
   * Logs a value outside the schema's open set (once per schema and value). Never reports a
   * violation.
   *
   * @param schema the schema, possibly with {@value #KEYWORD}
   * @param name the component name of the schema, or null
   * @param value the value found
   * @param path where the value was found, for the log line
   * @return true when the schema declares an open set and the value is not in it
   */
  static boolean noteUnknown(Map<String, Object> schema, String name, Object value, String path) {
    Object open = schema.get(KEYWORD);
    if (!(open instanceof List) || !(value instanceof String) || ((List<?>) open).contains(value)) {
      return false;
    }
    String key = (name == null ? path : name) + '\u0000' + value;
    if (LOGGED.size() < MAX_REMEMBERED && LOGGED.add(key)) {
      LOG.log(Level.INFO, "{0} {1} is not one of the values this client knows ({2}); sent as"
          + " given", name == null ? path : name, Violation.quote((String) value), open);
    }
    return true;
  }
}
