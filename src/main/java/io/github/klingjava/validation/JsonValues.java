package io.github.klingjava.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Questions about a value of the JSON tree Moshi's {@code JsonAdapter<Object>} produces (type, number
 * kind, equality as JSON means it), kept apart from the keyword walk so that the walk reads as the
 * schema's keywords and nothing else.
 */
final class JsonValues {

  private JsonValues() {}

  static boolean typeMatches(Object type, Object value) {
    if (type == null) {
      return true;
    }
    switch ((String) type) {
      case "object":
        return value instanceof Map;
      case "array":
        return value instanceof List;
      case "string":
        return value instanceof String;
      case "boolean":
        return value instanceof Boolean;
      case "number":
        return value instanceof Number && isFinite((Number) value);
      case "integer":
        return value instanceof Number && isFinite((Number) value) && isIntegral((Number) value);
      default:
        throw new IllegalStateException("Unsupported type in the spec: " + type);
    }
  }

  static String jsonType(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof Map) {
      return "object";
    } else if (value instanceof List) {
      return "array";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof Number) {
      return isIntegral((Number) value) ? "integer" : "number";
    }
    return value.getClass().getSimpleName();
  }

  private static boolean isFinite(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return Double.isFinite(n.doubleValue());
    }
    return true;
  }

  private static boolean isIntegral(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger) {
      return true;
    }
    if (n instanceof BigDecimal) {
      return ((BigDecimal) n).stripTrailingZeros().scale() <= 0;
    }
    double d = n.doubleValue();
    return Double.isFinite(d) && d == Math.rint(d);
  }

  static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal) {
      return (BigDecimal) n;
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    if (n instanceof BigInteger) {
      return new BigDecimal((BigInteger) n);
    }
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.toString());
  }

  static boolean jsonEquals(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return decimal((Number) a).compareTo(decimal((Number) b)) == 0;
    }
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!jsonEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!jsonEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : null;
  }

  static List<Map<String, Object>> asSchemas(Object list) {
    List<Map<String, Object>> schemas = new ArrayList<>();
    for (Object o : (List<?>) list) {
      Map<String, Object> s = asObject(o);
      if (s == null) {
        throw new IllegalStateException("A combinator lists a non-schema: " + o);
      }
      schemas.add(s);
    }
    return schemas;
  }

}
