package io.github.klingjava.validation;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;

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

  /** A property this vendor must not be sent ({@code x-vendor-only}): its presence hands over. */
  static final Node REFUSED = new Node() {
    @Override
    boolean read(JsonReader r) {
      return false;
    }

    @Override
    boolean streamed() {
      return true;
    }
  };

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
