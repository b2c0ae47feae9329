package io.github.klingjava.validation;

import com.squareup.moshi.JsonReader;
import io.github.klingjava.image.ImageFiles;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a {@link CompiledPlan} is made of. Each node reads exactly one JSON value and answers
 * true when it is valid for sure, false when the interpreter must look (it then stops reading).
 */
final class PlanNodes {

  /** A required list naming a property the closed object cannot have: never satisfied. */
  static final long NEVER = 1L << 63;

  private PlanNodes() {
  }

  abstract static class Node {
    abstract boolean read(JsonReader r) throws IOException;

    /** Whether this node and everything under it checks while streaming (no tree fallback). */
    abstract boolean streamed();
  }

  /** A string, number or boolean schema (or a type-less one with only such keywords). */
  static final class Scalar extends Node {
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
    private final Scalar also;

    Scalar(String type, boolean nullable, Set<String> values, Set<String> known, String name,
        long minLength, long maxLength, Pattern pattern, boolean image, Double minimum,
        Double maximum, boolean exclusiveMinimum, boolean exclusiveMaximum, boolean int32) {
      this(type, nullable, values, known, name, minLength, maxLength, pattern, image, minimum,
          maximum, exclusiveMinimum, exclusiveMaximum, int32, null);
    }

    private Scalar(String type, boolean nullable, Set<String> values, Set<String> known,
        String name, long minLength, long maxLength, Pattern pattern, boolean image,
        Double minimum, Double maximum, boolean exclusiveMinimum, boolean exclusiveMaximum,
        boolean int32, Scalar also) {
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
    }

    /** This check and another on the same value (a vendor's tighter limit). */
    Scalar and(Scalar other) {
      return new Scalar(type, nullable, values, known, name, minLength, maxLength, pattern, image,
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
          return string(r.nextString());
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

  static final class ArrayNode extends Node {
    private final boolean nullable;
    private final long minItems;
    private final long maxItems;
    private final Node items;

    ArrayNode(boolean nullable, long minItems, long maxItems, Node items) {
      this.nullable = nullable;
      this.minItems = minItems;
      this.maxItems = maxItems;
      this.items = items;
    }

    @Override
    boolean streamed() {
      return items == null || items.streamed();
    }

    @Override
    boolean read(JsonReader r) throws IOException {
      JsonReader.Token token = r.peek();
      if (token == JsonReader.Token.NULL && nullable) {
        r.nextNull();
        return true;
      }
      if (token != JsonReader.Token.BEGIN_ARRAY) {
        return false;
      }
      r.beginArray();
      long count = 0;
      while (r.hasNext()) {
        count++;
        if (items == null) {
          r.skipValue();
        } else if (!items.read(r)) {
          return false;
        }
      }
      r.endArray();
      return (minItems < 0 || count >= minItems) && (maxItems < 0 || count <= maxItems);
    }
  }

  static final class ObjectNode extends Node {
    private final boolean nullable;
    private final JsonReader.Options names;
    private final Node[] properties;
    private final boolean closed;
    private final Node additional;
    private final long required;
    private final MaskTest[] tests;

    ObjectNode(boolean nullable, String[] names, Node[] properties, boolean closed,
        Node additional, long required, MaskTest[] tests) {
      this.nullable = nullable;
      this.names = JsonReader.Options.of(names);
      this.properties = properties;
      this.closed = closed;
      this.additional = additional;
      this.required = required;
      this.tests = tests;
    }

    @Override
    boolean streamed() {
      for (Node p : properties) {
        if (!p.streamed()) {
          return false;
        }
      }
      return additional == null || additional.streamed();
    }

    @Override
    boolean read(JsonReader r) throws IOException {
      JsonReader.Token token = r.peek();
      if (token == JsonReader.Token.NULL && nullable) {
        r.nextNull();
        return true;
      }
      if (token != JsonReader.Token.BEGIN_OBJECT) {
        return false;
      }
      r.beginObject();
      long sent = 0;
      while (r.hasNext()) {
        int i = r.selectName(names);
        if (i >= 0) {
          sent |= 1L << i;
          if (!properties[i].read(r)) {
            return false;
          }
        } else if (closed) {
          return false;
        } else {
          r.skipName();
          if (additional == null) {
            r.skipValue();
          } else if (!additional.read(r)) {
            return false;
          }
        }
      }
      r.endObject();
      if ((sent & required) != required) {
        return false;
      }
      for (MaskTest t : tests) {
        if (!t.test(sent)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A part the streaming form does not cover: read as a tree and judged by the interpreter. */
  static final class TreeNode extends Node {
    private final SchemaValidator schemas;
    private final Map<String, Object> schema;
    private final String name;
    private final String vendor;

    TreeNode(SchemaValidator schemas, Map<String, Object> schema, String name, String vendor) {
      this.schemas = schemas;
      this.schema = schema;
      this.name = name;
      this.vendor = vendor;
    }

    @Override
    boolean streamed() {
      return false;
    }

    @Override
    boolean read(JsonReader r) throws IOException {
      Object tree = RequestValidator.read(r);
      return schemas.validate(schema, name, tree, vendor).isEmpty();
    }
  }

  /** A test on which properties were sent (bit i: property i of the object). */
  @FunctionalInterface
  interface MaskTest {
    boolean test(long sent);

    static MaskTest has(long bits) {
      return sent -> (sent & bits) == bits;
    }

    static MaskTest not(MaskTest t) {
      return sent -> !t.test(sent);
    }

    static MaskTest all(List<MaskTest> tests) {
      MaskTest[] a = tests.toArray(new MaskTest[0]);
      return sent -> {
        for (MaskTest t : a) {
          if (!t.test(sent)) {
            return false;
          }
        }
        return true;
      };
    }

    static MaskTest any(List<MaskTest> tests) {
      MaskTest[] a = tests.toArray(new MaskTest[0]);
      return sent -> {
        for (MaskTest t : a) {
          if (t.test(sent)) {
            return true;
          }
        }
        return false;
      };
    }

    static MaskTest one(List<MaskTest> tests) {
      MaskTest[] a = tests.toArray(new MaskTest[0]);
      return sent -> {
        int n = 0;
        for (MaskTest t : a) {
          n += t.test(sent) ? 1 : 0;
        }
        return n == 1;
      };
    }
  }
}
