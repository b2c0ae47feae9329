package io.github.klingjava.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec's {@code x-kling-rules} (cross-field rules JSON Schema cannot state) in code, each keyed
 * by the id the spec gives it. {@link SchemaValidator} runs a rule wherever the schema that lists
 * it is validated, and refuses to load a spec naming an id that has no implementation here.
 */
final class CustomRules {

  /** Rounding slack for the 3x area rule: Kling's own calculator values land at 2.9999. */
  static final double AREA_EPSILON = 1e-9;

  /** One rule: checks {@code object} (validated against {@code schema}) found at {@code path}. */
  @FunctionalInterface
  interface Rule {
    void check(Map<String, Object> schema, Map<String, Object> object, String path,
        List<Violation> out);
  }

  static final String EXPANSION_AREA = "expansion-area-at-most-3x";
  static final String CAMERA_CONFIG_ONLY_FOR_SIMPLE = "camera-config-only-for-simple";
  static final String CAMERA_CONFIG_SINGLE_AXIS = "camera-config-single-axis";

  private static final Map<String, Rule> RULES = Map.of(
      EXPANSION_AREA, CustomRules::expansionArea,
      CAMERA_CONFIG_ONLY_FOR_SIMPLE, CustomRules::cameraConfigOnlyForSimple,
      CAMERA_CONFIG_SINGLE_AXIS, CustomRules::cameraConfigSingleAxis);

  private CustomRules() {
  }

  /** @return the ids of every implemented rule */
  static Set<String> ids() {
    return new TreeSet<>(RULES.keySet());
  }

  /**
   * Fails unless every id has an implementation.
   *
   * @param ids the {@code x-kling-rules} ids a spec uses
   * @throws IllegalStateException naming the ids without an implementation
   */
  static void requireImplemented(Collection<String> ids) {
    Set<String> missing = new TreeSet<>(ids);
    missing.removeAll(RULES.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The spec declares x-kling-rules that the client does not"
          + " implement: " + missing + " (implemented: " + ids() + "). Add them to "
          + CustomRules.class.getName() + " before shipping this spec.");
    }
  }

  /**
   * Runs one rule.
   *
   * @throws IllegalStateException for an unknown id
   */
  static void check(String id, Map<String, Object> schema, Map<String, Object> object, String path,
      List<Violation> out) {
    Rule rule = RULES.get(id);
    if (rule == null) {
      throw new IllegalStateException("x-kling-rules id without implementation: " + id);
    }
    rule.check(schema, object, path, out);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * (1 + up + down) * (1 + left + right) <= 3; {@code bottom_expansion_ratio} stands in for
   * {@code down_expansion_ratio} when that is absent; a missing ratio counts as 0. A ratio that is
   * not a number is left to the type check.
   */
  private static void expansionArea(Map<String, Object> schema, Map<String, Object> object,
      String path, List<Violation> out) {
    String downName = object.containsKey("down_expansion_ratio") || !object.containsKey(
        "bottom_expansion_ratio") ? "down_expansion_ratio" : "bottom_expansion_ratio";
    Double up = ratio(object, "up_expansion_ratio");
    Double down = ratio(object, downName);
    Double left = ratio(object, "left_expansion_ratio");
    Double right = ratio(object, "right_expansion_ratio");
    if (up == null || down == null || left == null || right == null) {
      return;
    }
    double area = (1 + up + down) * (1 + left + right);
    if (area <= 3 + AREA_EPSILON) {
      return;
    }
    String shown = new BigDecimal(area).round(new MathContext(4)).stripTrailingZeros()
        .toPlainString();
    String down2 = downName.startsWith("bottom") ? "bottom" : "down";
    out.add(Violation.of(path, shown, EXPANSION_AREA,
        "the expanded image would be " + shown + " times the original area"
            + " ((1 + up " + Violation.number(up) + " + " + down2 + " " + Violation.number(down)
            + ") x (1 + left " + Violation.number(left) + " + right " + Violation.number(right)
            + ")); it may be at most 3 times"));
  }

  /** The ratio's value, 0 when absent, null when present but not a number. */
  private static Double ratio(Map<String, Object> object, String name) {
    if (!object.containsKey(name) || object.get(name) == null) {
      return 0.0;
    }
    Object v = object.get(name);
    return v instanceof Number ? ((Number) v).doubleValue() : null;
  }

  /** {@code config} is required for type {@code simple} and must be absent for the other types. */
  private static void cameraConfigOnlyForSimple(Map<String, Object> schema,
      Map<String, Object> object, String path, List<Violation> out) {
    Object type = object.get("type");
    if (!(type instanceof String)) {
      return; // missing or mistyped: reported by required/type
    }
    boolean hasConfig = object.get("config") != null;
    String configPath = path + ".config";
    if ("simple".equals(type) && !hasConfig) {
      out.add(Violation.of(configPath, null, CAMERA_CONFIG_ONLY_FOR_SIMPLE,
          "config is required when type is \"simple\""));
    } else if (!"simple".equals(type) && hasConfig) {
      out.add(Violation.of(configPath, Violation.display(object.get("config")),
          CAMERA_CONFIG_ONLY_FOR_SIMPLE, Violation.display(object.get("config"))
              + " must be absent when type is " + Violation.quote((String) type)
              + ": config applies only to type \"simple\""));
    }
  }

  /** Exactly one axis of a simple camera's config is non-zero (axes: the schema's properties). */
  @SuppressWarnings("unchecked")
  private static void cameraConfigSingleAxis(Map<String, Object> schema,
      Map<String, Object> object, String path, List<Violation> out) {
    Object props = schema.get("properties");
    if (!(props instanceof Map)) {
      throw new IllegalStateException(CAMERA_CONFIG_SINGLE_AXIS
          + " needs a schema with properties (the axes)");
    }
    Set<String> axes = ((Map<String, Object>) props).keySet();
    List<String> moving = new ArrayList<>();
    for (String axis : axes) {
      Object v = object.get(axis);
      if (v != null && !(v instanceof Number)) {
        return; // a mistyped axis: reported by the type check, the count would mislead
      }
      if (v instanceof Number && ((Number) v).doubleValue() != 0) {
        moving.add(axis + " " + Violation.number((Number) v));
      }
    }
    if (moving.size() == 1) {
      return;
    }
    String value = Violation.display(object);
    String description = moving.isEmpty()
        ? value + " moves along no axis (every axis is 0 or absent)"
        : value + " moves along " + moving.size() + " axes (" + String.join(", ", moving) + ")";
    out.add(Violation.of(path, value, CAMERA_CONFIG_SINGLE_AXIS, description
        + "; a simple camera moves along exactly one of " + String.join(", ", axes)));
  }
}
