package io.github.klingjava.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's open sets ({@code x-extensible-enum}: model names, modes, shot types): a value outside
 * the known list is a vocabulary word newer than this client, so it is sent, never refused, and
 * logged once per set and value (among the last {@value #MAX_REMEMBERED} remembered) so the gap is
 * visible. Known values keep every other rule of the
 * spec (per-model rules are written against the known names).
 *
 * <p>The one place that logs for validation, for both the compiled plan and the interpreter.
 */
final class OpenVocabulary {

  /** The spec keyword holding an open set. */
  static final String KEYWORD = "x-extensible-enum";

  private static final Logger LOG = LoggerFactory.getLogger(OpenVocabulary.class);
  private static final int MAX_REMEMBERED = 1024;
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private OpenVocabulary() {
  }

  /**
   * Logs a value outside the schema's open set (once per set and value). Never reports a
   * violation.
   *
   * @param schema the schema, possibly with {@value #KEYWORD}
   * @param name the component name of the schema, or null
   * @param value the value found
   * @param path where the value was found, for the log line when the schema has no name
   * @return true when the schema declares an open set and the value is not in it
   */
  static boolean noteUnknown(Map<String, Object> schema, String name, Object value, String path) {
    Object open = schema.get(KEYWORD);
    if (!(open instanceof List) || !(value instanceof String) || ((List<?>) open).contains(value)) {
      return false;
    }
    log(name == null ? path : name, (String) value, open);
    return true;
  }

  /**
   * Logs an unknown value of an open set the compiled plan found (once per set and value).
   *
   * @param set the schema the open set belongs to (e.g. {@code VideoModel}), or null
   * @param value the value sent
   */
  static void noteUnknown(String set, String value) {
    log(set == null ? "an open set" : set, value, null);
  }

  private static void log(String set, String value, Object known) {
    if (LOGGED.size() >= MAX_REMEMBERED) {
      // Bounded memory without going silent: past the bound the remembered values are forgotten, so a
      // value first seen later is still logged (a value seen before may be logged once more).
      LOGGED.clear();
    }
    if (LOGGED.add(set + '\u0000' + value)) {
      LOG.info("{} {} is not one of the values this client knows{}; sent as given", set,
          Violation.quote(value), known == null ? "" : " (" + known + ")");
    }
  }
}
