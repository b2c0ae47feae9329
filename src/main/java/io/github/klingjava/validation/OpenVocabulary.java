package io.github.klingjava.validation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values of an open set ({@code x-extensible-enum}: models, modes) that the spec does not list yet.
 * They are sent, never refused; each one is logged once per process, so a newer model shows up in
 * the log without flooding it.
 */
final class OpenVocabulary {
  private static final int MAX_REMEMBERED = 1024;
  private static final System.Logger LOG = System.getLogger(OpenVocabulary.class.getName());
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private OpenVocabulary() {
  }

  /**
   * Logs an unknown value the first time it is seen.
   *
   * @param set the schema the open set belongs to (e.g. {@code VideoModel}), or null
   * @param value the value sent
   */
  static void noteUnknown(String set, String value) {
    String key = set + "\u0000" + value;
    if (SEEN.size() < MAX_REMEMBERED && SEEN.add(key)) {
      LOG.log(System.Logger.Level.INFO, () -> Violation.quote(value) + " is not among the known values"
          + " of " + (set == null ? "an open set" : set) + "; sent as is (the set is open)");
    }
  }
}
