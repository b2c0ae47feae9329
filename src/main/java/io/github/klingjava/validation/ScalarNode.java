package io.github.klingjava.validation;

import com.squareup.moshi.JsonReader;
import io.github.klingjava.image.ImageFiles;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import okio.BufferedSource;
import okio.ByteString;

/** A string, number or boolean schema (or a type-less one with only such keywords). */
final class ScalarNode extends PlanNodes.Node {
  private final String type;
  private final boolean nullable;
  private final Set<String> values;
  private final Set<String> known;
  private final String name;
  private final long minLength;
  private final long maxLength;
  private final Pattern pattern;
  private final boolean image;
  private final Double minimum;
  private final Double maximum;
  private final boolean exclusiveMinimum;
  private final boolean exclusiveMaximum;
  private final boolean int32;
  private final ScalarNode also;
  /** The enum's (or open set's) values as JSON strings, so a listed value is matched without reading it. */
  private final JsonReader.Options listed;
  private final String[] listedValues;
  private static final long SHORT = 4096;
  private static final ByteString HTTP = ByteString.encodeUtf8("http");

  ScalarNode(String type, boolean nullable, Set<String> values, Set<String> known, String name,
      long minLength, long maxLength, Pattern pattern, boolean image, Double minimum,
      Double maximum, boolean exclusiveMinimum, boolean exclusiveMaximum, boolean int32) {
    this(type, nullable, values, known, name, minLength, maxLength, pattern, image, minimum,
        maximum, exclusiveMinimum, exclusiveMaximum, int32, null);
  }

  private ScalarNode(String type, boolean nullable, Set<String> values, Set<String> known,
      String name, long minLength, long maxLength, Pattern pattern, boolean image,
      Double minimum, Double maximum, boolean exclusiveMinimum, boolean exclusiveMaximum,
      boolean int32, ScalarNode also) {
    this.type = type;
    this.nullable = nullable;
    this.values = values;
    this.known = known;
    this.name = name;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.pattern = pattern;
    this.image = image;
    this.minimum = minimum;
    this.maximum = maximum;
    this.exclusiveMinimum = exclusiveMinimum;
    this.exclusiveMaximum = exclusiveMaximum;
    this.int32 = int32;
    this.also = also;
    Set<String> list = values != null ? values : known;
    boolean none = list == null || list.isEmpty();
    this.listedValues = none ? null : list.toArray(new String[0]);
    this.listed = none ? null : JsonReader.Options.of(listedValues);
  }

  /** This check and another on the same value (a vendor's tighter limit). */
  ScalarNode and(ScalarNode other) {
    return new ScalarNode(type, nullable, values, known, name, minLength, maxLength, pattern, image,
        minimum, maximum, exclusiveMinimum, exclusiveMaximum, int32,
        also == null ? other : also.and(other));
  }

  @Override
  boolean streamed() {
    return true;
  }

  @Override
  boolean read(JsonReader r) throws IOException {
    switch (r.peek()) {
      case STRING:
        if (streamsImages()) {
          return imageValue(r);
        }
        int index = listed == null ? -1 : r.selectString(listed);
        return string(index >= 0 ? listedValues[index] : r.nextString());
      case NUMBER:
        return number(r.nextString());
      case BOOLEAN:
        r.nextBoolean();
        return bool();
      case NULL:
        r.nextNull();
        return nul();
      default:
        return false;
    }
  }

  /** An image field without other string rules: a long value is scanned as it streams by. */
  private boolean streamsImages() {
    return image && values == null && known == null && maxLength < 0 && also == null
        && (type == null || "string".equals(type));
  }

  /**
   * Reads an image value from its JSON text: a short one (a URL, a file reference) as a string, a
   * long one byte by byte as Base64, without building a string of it (an inline 10 MB image would
   * otherwise be copied once more, as 13 million characters). Escapes or a long non-Base64 value
   * are left to the interpreter.
   */
  private boolean imageValue(JsonReader r) throws IOException {
    try (BufferedSource source = r.nextSource()) {
      if (source.readByte() != '"') {
        return false;
      }
      long quote = source.indexOf((byte) '"', 0, SHORT);
      if (quote < 0 && source.rangeEquals(0, HTTP)) {
        quote = source.indexOf((byte) '"'); // a (rare) long URL: judged as a string after all
      }
      if (quote >= 0) {
        return source.indexOf((byte) '\\', 0, quote) < 0 && string(source.readUtf8(quote));
      }
      byte[] chunk = new byte[8192];
      long count = 0;
      int pad = 0;
      for (int n; (n = source.read(chunk)) > 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = chunk[i];
          if (b == '"') {
            return count > 0 && count + pad >= minLength;
          } else if (b == '=') {
            if (++pad > 2) {
              return false;
            }
          } else if (pad > 0 || b < 0 || !ImageScan.isBase64((char) b)) {
            return false;
          } else {
            count++;
          }
        }
      }
      return false;
    }
  }

  private boolean string(String s) {
    if (type != null && !"string".equals(type) || values != null && !values.contains(s)) {
      return false;
    }
    if (known != null && !known.contains(s)) {
      OpenVocabulary.noteUnknown(name, s);
    }
    boolean file = image && ImageFiles.isCheckedReference(s);
    if (!file && !(lengthOk(s) && patternOk(s))) {
      return false;
    }
    return also == null || also.string(s);
  }

  private boolean lengthOk(String s) {
    int n = s.length();
    if (maxLength >= 0 && n > maxLength && s.codePointCount(0, n) > maxLength) {
      return false;
    }
    return minLength < 0 || n >= minLength && (n / 2 >= minLength
        || s.codePointCount(0, n) >= minLength);
  }

  private boolean patternOk(String s) {
    if (image) {
      return ImageScan.matches(s);
    }
    return pattern == null || pattern.matcher(s).find();
  }

  /** A number by its literal; long literals are left to the interpreter's exact arithmetic. */
  private boolean number(String literal) {
    boolean integer = "integer".equals(type);
    if (type != null && !integer && !"number".equals(type) || values != null
        || literal.length() > 15) {
      return false;
    }
    if (integer && !isPlainInteger(literal)) {
      return false; // 1.0 and 1e2 are integers to JSON Schema: the interpreter decides
    }
    double v = Double.parseDouble(literal);
    if (minimum != null && (v < minimum || exclusiveMinimum && v == minimum)
        || maximum != null && (v > maximum || exclusiveMaximum && v == maximum)) {
      return false;
    }
    if (int32 && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      return false;
    }
    return also == null || also.number(literal);
  }

  private boolean bool() {
    return (type == null || "boolean".equals(type)) && values == null
        && (also == null || also.bool());
  }

  private boolean nul() {
    return nullable || type == null && values == null && (also == null || also.nul());
  }

  /** Digits, optionally signed, optionally with a fraction of zeros only ("1", "-3", "2.0"). */
  private static boolean isPlainInteger(String literal) {
    int start = literal.startsWith("-") ? 1 : 0;
    if (start == literal.length()) {
      return false;
    }
    boolean fraction = false;
    for (int i = start; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '.' && !fraction && i > start && i + 1 < literal.length()) {
        fraction = true;
      } else if (c < '0' || c > '9' || fraction && c != '0') {
        return false;
      }
    }
    return true;
  }
}
