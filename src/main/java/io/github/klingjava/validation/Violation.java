package io.github.klingjava.validation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * One broken rule of a request (or of a local image file), found before anything leaves the
 * process.
 *
 * <ul>
 *   <li>{@link #path()}: where, as a JSON path such as
 *       {@code $.subject_image_list[3].subject_image} ({@code $} is the request itself), or a file
 *       name for {@code ImageInputs};</li>
 *   <li>{@link #value()}: the offending value as text, abbreviated (a Base64 image is cut to about
 *       40 characters), or {@code null} when the problem is that something is missing;</li>
 *   <li>{@link #rule()}: the id of the rule: a JSON-Schema keyword ({@code maxLength},
 *       {@code enum}, {@code minimum}, {@code pattern}, {@code required},
 *       {@code additionalProperties}, {@code type}, ...), an {@code x-rule} name of the spec
 *       ({@code down-xor-bottom-ratio}), an {@code x-kling-rules} id
 *       ({@code expansion-area-at-most-3x}), or an image-file rule id;</li>
 *   <li>{@link #message()}: one line for people that names the place, the value and the rule, e.g.
 *       {@code $.n: 12 is above the maximum 9 (rule maximum)}.</li>
 * </ul>
 */
public final class Violation {
  private static final java.util.regex.Pattern URL_START =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");


  /** Strings longer than this are cut in {@link #value()} and in messages. */
  static final int MAX_STRING = 40;

  private final String path;
  private final String value;
  private final String rule;
  private final String message;

  /**
   * Creates a violation from its four parts, as given.
   *
   * @param path where the rule is broken (JSON path or file name), not null
   * @param value the offending value as display text, or null when something is missing
   * @param rule the rule id, not null
   * @param message the human message, not null
   */
  public Violation(String path, String value, String rule, String message) {
    this.path = Objects.requireNonNull(path, "path");
    this.value = value;
    this.rule = Objects.requireNonNull(rule, "rule");
    this.message = Objects.requireNonNull(message, "message");
  }

  /**
   * Builds a violation in the library's message format, {@code "<path>: <description> (rule
   * <rule>)"}, e.g. {@code of("$.n", "12", "maximum", "12 is above the maximum 9")}.
   *
   * @param path where the rule is broken
   * @param value the display text of the offending value (abbreviated: strings quoted and cut to
   *     about 40 characters), or null when something is missing
   * @param rule the rule id
   * @param description what is wrong, in words, naming the value
   * @return the violation
   */
  public static Violation of(String path, String value, String rule, String description) {
    return new Violation(path, value, rule, path + ": " + description + " (rule " + rule + ")");
  }

  /** @return the JSON path (or file name) of the offending place */
  public String path() {
    return path;
  }

  /** @return the offending value as abbreviated display text, or null when the value is missing */
  public String value() {
    return value;
  }

  /** @return the rule id */
  public String rule() {
    return rule;
  }

  /** @return the human message naming place, value and rule */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Violation)) {
      return false;
    }
    Violation v = (Violation) o;
    return path.equals(v.path) && Objects.equals(value, v.value) && rule.equals(v.rule)
        && message.equals(v.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, value, rule, message);
  }

  /** @return the message */
  @Override
  public String toString() {
    return message;
  }

  // ---------------------------------------------------------------------------------------------
  // Display of JSON values (shared by the validators)

  /**
   * Renders a JSON tree value for a message: strings quoted and cut to about 40 characters (with
   * their full length), integral numbers without a fraction ({@code 12}, not {@code 12.0}),
   * objects and arrays compactly and cut as well.
   *
   * @param value a JSON tree value (Map, List, String, Number, Boolean or null)
   * @return the display text
   */
  static String display(Object value) {
    if (value instanceof String) {
      return quote((String) value);
    }
    String text = render(value, new StringBuilder()).toString();
    if (text.length() > 2 * MAX_STRING) {
      return text.substring(0, 2 * MAX_STRING) + "…";
    }
    return text;
  }

  /** A quoted string, cut after {@link #MAX_STRING} code points with its length appended. */
  static String quote(String s) {
    int length = s.codePointCount(0, s.length());
    String shown = withoutUrlSecrets(s);
    if (!shown.equals(s)) {
      return '"' + cut(shown) + "\" (" + length + " characters)";
    }
    if (length <= MAX_STRING) {
      return '"' + s + '"';
    }
    return '"' + cut(s) + "\" (" + length + " characters)";
  }

  private static String cut(String s) {
    return s.codePointCount(0, s.length()) <= MAX_STRING ? s : s.substring(0, s.offsetByCodePoints(0, MAX_STRING)) + "…";
  }

  /**
   * A URL's user info, query and fragment are dropped: callers put secret tokens there (e.g. a
   * {@code callback_url} with {@code ?token=}), and messages end up in logs.
   */
  static String withoutUrlSecrets(String s) {
    if (!URL_START.matcher(s).lookingAt()) {
      return s;
    }
    String noUser = USER_INFO.matcher(s).replaceFirst("$1");
    int cutAt = indexOfAny(noUser, '?', '#');
    return cutAt < 0 ? noUser : noUser.substring(0, cutAt + 1) + "…";
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  /** A number as people write it: 12, 0.5, -3.25 (no exponent for ordinary magnitudes). */
  static String number(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return String.valueOf(d);
      }
      BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
      return Math.abs(d) >= 1e-6 && Math.abs(d) < 1e21 || d == 0 ? b.toPlainString() : b.toString();
    }
    if (n instanceof BigDecimal) {
      return ((BigDecimal) n).stripTrailingZeros().toPlainString();
    }
    return n.toString();
  }

  private static StringBuilder render(Object value, StringBuilder out) {
    if (out.length() > 2 * MAX_STRING) {
      return out;
    }
    if (value == null) {
      return out.append("null");
    }
    if (value instanceof String) {
      return out.append(quote((String) value));
    }
    if (value instanceof Number) {
      return out.append(number((Number) value));
    }
    if (value instanceof Map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
      while (it.hasNext() && out.length() <= 2 * MAX_STRING) {
        Map.Entry<?, ?> e = it.next();
        out.append('"').append(e.getKey()).append("\":");
        render(e.getValue(), out);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      return out.append('}');
    }
    if (value instanceof Collection) {
      out.append('[');
      Iterator<?> it = ((Collection<?>) value).iterator();
      while (it.hasNext() && out.length() <= 2 * MAX_STRING) {
        render(it.next(), out);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      return out.append(']');
    }
    return out.append(value);
  }
}
