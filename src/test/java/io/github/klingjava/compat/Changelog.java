package io.github.klingjava.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CHANGELOG.md as the gate reads it: one {@code ## <release>} section per release, each with a
 * {@code ### Spec <info.version>} and a {@code ### Java API} subsection, so spec changes stand apart
 * from Java changes.
 */
final class Changelog {

  private final Map<String, Map<String, String>> releases;

  private Changelog(Map<String, Map<String, String>> releases) {
    this.releases = releases;
  }

  static Changelog parse(String markdown) {
    Map<String, Map<String, String>> releases = new LinkedHashMap<>();
    Map<String, String> release = null;
    String subsection = null;
    StringBuilder body = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ") || line.startsWith("### ")) {
        if (release != null && subsection != null) {
          release.put(subsection, body.toString());
        }
        body.setLength(0);
        if (line.startsWith("## ")) {
          release = new LinkedHashMap<>();
          releases.put(line.substring(3).trim(), release);
          subsection = null;
        } else {
          subsection = line.substring(4).trim();
        }
      } else {
        body.append(line).append('\n');
      }
    }
    if (release != null && subsection != null) {
      release.put(subsection, body.toString());
    }
    return new Changelog(releases);
  }

  /** Release headings, newest first, as written. */
  List<String> releases() {
    return new ArrayList<>(releases.keySet());
  }

  /** Subsection headings of one release, e.g. {@code Spec 1.0.0} and {@code Java API}. */
  List<String> subsections(String release) {
    return new ArrayList<>(releases.getOrDefault(release, Map.of()).keySet());
  }

  /** The text of the {@code ### Spec <version>} subsection, in whichever release holds it. */
  Optional<String> specSection(String version) {
    return releases.values().stream()
        .map(subsections -> subsections.get("Spec " + version))
        .filter(text -> text != null)
        .findFirst();
  }

  /** Whether the spec section of {@code version} records {@code change} (spacing and backticks aside). */
  boolean records(String version, SpecChange change) {
    return specSection(version).map(text -> normalise(text).contains(normalise(change.line()))).orElse(false);
  }

  private static String normalise(String text) {
    return text.replace("`", "").replaceAll("\\s+", " ");
  }
}
