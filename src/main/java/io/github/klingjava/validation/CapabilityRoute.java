package io.github.klingjava.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capability rules of one family route, read from the spec's {@code x-kling-capabilities.routes}
 * (see {@link CapabilityMatrix} for the shape), with the request schema's defaults for the checked
 * properties.
 */
public final class CapabilityRoute {
  private final String modelProperty;
  private final String defaultModel;
  private final Map<String, Model> models;
  private final Map<String, String> defaults;

  private CapabilityRoute(String modelProperty, String defaultModel, Map<String, Model> models,
      Map<String, String> defaults) {
    this.modelProperty = modelProperty;
    this.defaultModel = defaultModel;
    this.models = models;
    this.defaults = defaults;
  }

  /** One model's rules: allowed values, properties it does not take, and conditional requirements. */
  public record Model(Map<String, List<String>> values, List<String> unsupported,
      Map<String, Map<String, List<String>>> requires) {
  }

  /** The request property holding the model, e.g. {@code model_name}. */
  public String modelProperty() {
    return modelProperty;
  }

  /** The known models and their rules. */
  public Map<String, Model> models() {
    return models;
  }

  /** Every value some model of this route lists for a property (in values or in requires). */
  public Set<String> knownValues(String property) {
    Set<String> known = new LinkedHashSet<>();
    for (Model model : models.values()) {
      known.addAll(model.values().getOrDefault(property, List.of()));
      model.requires().values().forEach(c -> known.addAll(c.getOrDefault(property, List.of())));
    }
    return known;
  }

  /** The request schema's default of a property as wire text, or null. */
  public String defaultOf(String property) {
    return defaults.get(property);
  }

  String modelOf(Map<String, Object> body) {
    String model = wire(body.get(modelProperty));
    return model != null ? model : defaultModel;
  }

  /** Set means present and not empty: Kling's examples send {@code ""} for a field they leave out. */
  static boolean isSet(Object value) {
    return value != null && !"".equals(value) && !(value instanceof List<?> list && list.isEmpty());
  }

  /** A scalar as it is written on the wire ({@code 5.0} read from JSON is {@code 5}); null for the rest. */
  static String wire(Object value) {
    if (value instanceof String text) {
      return text.isEmpty() ? null : text;
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : number.toString();
    }
    return null;
  }

  static Map<String, CapabilityRoute> readAll(Map<String, Object> spec) {
    Map<String, Object> routes = map(map(spec.get(CapabilityMatrix.RULE)).get("routes"));
    Map<String, CapabilityRoute> out = new LinkedHashMap<>();
    routes.forEach((route, value) -> out.put(route, read(spec, route, map(value))));
    return Collections.unmodifiableMap(out);
  }

  private static CapabilityRoute read(Map<String, Object> spec, String route, Map<String, Object> node) {
    String modelProperty = require(node, "model-property", route);
    Map<String, Model> models = new LinkedHashMap<>();
    map(node.get("models")).forEach((name, value) -> {
      Map<String, Object> rules = map(value);
      Map<String, Map<String, List<String>>> requires = new LinkedHashMap<>();
      map(rules.get("requires")).forEach((trigger, c) -> requires.put(trigger, lists(map(c))));
      models.put(name, new Model(lists(map(rules.get("values"))), strings(rules.get("unsupported")), requires));
    });
    Object defaultModel = node.get("default-model");
    return new CapabilityRoute(modelProperty, defaultModel == null ? null : defaultModel.toString(),
        Collections.unmodifiableMap(models), defaults(spec, route));
  }

  /** The defaults of the request schema of {@code POST /route}, following one $ref per property. */
  private static Map<String, String> defaults(Map<String, Object> spec, String route) {
    Map<String, Object> schemas = map(map(spec.get("components")).get("schemas"));
    Map<String, Object> post = map(map(map(spec.get("paths")).get("/" + route)).get("post"));
    Map<String, Object> schema = resolve(schemas,
        map(map(map(map(post.get("requestBody")).get("content")).get("application/json")).get("schema")));
    Map<String, String> out = new LinkedHashMap<>();
    map(schema.get("properties")).forEach((name, value) -> {
      String def = wire(resolve(schemas, map(value)).get("default"));
      if (def != null) {
        out.put(name, def);
      }
    });
    return out;
  }

  private static Map<String, Object> resolve(Map<String, Object> schemas, Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (ref instanceof String pointer && pointer.startsWith("#/components/schemas/")) {
      return map(schemas.get(pointer.substring("#/components/schemas/".length())));
    }
    return schema;
  }

  private static String require(Map<String, Object> node, String key, String route) {
    Object value = node.get(key);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw new IllegalStateException(CapabilityMatrix.RULE + ".routes." + route + "." + key + ": required");
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, List<String>> lists(Map<String, Object> node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    node.forEach((key, value) -> out.put(key, strings(value)));
    return Collections.unmodifiableMap(out);
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(v -> wire(v) != null ? wire(v) : String.valueOf(v)).toList();
  }
}
