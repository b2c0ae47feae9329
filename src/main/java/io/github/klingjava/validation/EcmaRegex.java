package io.github.klingjava.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The spec's {@code pattern}s, written in ECMAScript's dialect (JSON Schema's, and Prism's), run as
 * Java regexes with the same meaning, each compiled once per validator: Java's dialect differs in
 * ways that would let a mock and the client disagree on the same value.
 */
final class EcmaRegex {

  /** ECMAScript's white space for {@code \s}: wider than Java's, which lacks NBSP, U+FEFF etc. */
  private static final String ECMA_SPACE =
      "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F"
          + "\\u3000\\uFEFF";

  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  /** @return the compiled Java form of a pattern of the spec, cached */
  Pattern compiled(String regex) {
    return patterns.computeIfAbsent(regex, r -> {
      try {
        return Pattern.compile(javaRegex(r));
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException("The spec's pattern " + r + " is not a valid regex", e);
      }
    });
  }

  /**
   * Rewrites an ECMAScript pattern (the dialect of JSON Schema, and of Prism's validator) into a
   * Java regex with the same meaning where the two differ for patterns such as the spec's:
   * {@code \s} and {@code \S} get ECMAScript's white-space set, and an unescaped {@code $} outside
   * a character class becomes {@code \z}, since Java's {@code $} also matches before a final line
   * break ({@code "https://x/\n"} would pass {@code ^\S+$}). Everything else is passed as is.
   */
  static String javaRegex(String ecma) {
    StringBuilder out = new StringBuilder(ecma.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < ecma.length(); i++) {
      char c = ecma.charAt(i);
      if (c == '\\' && i + 1 < ecma.length()) {
        char next = ecma.charAt(++i);
        if (next == 's') {
          out.append('[').append(ECMA_SPACE).append(']');
        } else if (next == 'S') {
          out.append("[^").append(ECMA_SPACE).append(']');
        } else {
          out.append(c).append(next);
        }
      } else if (c == '[' && !inClass) {
        boolean negated = i + 1 < ecma.length() && ecma.charAt(i + 1) == '^';
        int close = i + (negated ? 2 : 1);
        if (close < ecma.length() && ecma.charAt(close) == ']') {
          out.append(negated ? "(?s:.)" : "(?!)"); // ECMAScript's [^] and [], not literal ]
          i = close;
        } else {
          inClass = true;
          out.append(negated ? "[^" : "[");
          i += negated ? 1 : 0;
        }
      } else if (c == ']' && inClass) {
        inClass = false;
        out.append(c);
      } else if ((c == '[' || c == '&') && inClass) {
        out.append('\\').append(c); // literal in ECMAScript; nesting/intersection in Java
      } else if (c == '$' && !inClass) {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
