package io.github.klingjava.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec's {@code x-kling-capabilities}: what each known model accepts on a family route (modes,
 * durations, sound, first/last frame, multi-shot, resolution), checked before a request is sent, so
 * "kling-v2-5-turbo does not support image_tail with mode std" arrives at once instead of after a failed task.
 *
 * <p>The shape it reads (the spec's {@code x-kling-capabilities.description} says the same):
 * <pre>{@code
 * x-kling-capabilities:
 *   description: ...
 *   routes:
 *     v1/videos/image2video:            # a family route, no leading slash
 *       model-property: model_name      # the request property holding the model
 *       default-model: kling-v1         # the model when the property is absent
 *       models:
 *         kling-v2-5-turbo:
 *           values: {mode: [std, pro], duration: ['5', '10']}   # known values this model lacks are refused
 *           unsupported: [voice_list]                         # properties the model does not take
 *           requires:                                         # when the trigger is set ...
 *             image_tail: {mode: [pro]}                        # ... these must hold (schema default if absent)
 *             sound=on: {mode: [pro]}                          # trigger on one value
 * }</pre>
 * Every value is a string as on the wire ({@code '5'}, {@code 'true'}). Open vocabulary: a model the matrix
 * does not list passes, and so does a value no model of the route lists.
 *
 * <pre>{@code
 * List<Violation> problems = CapabilityMatrix.embedded().check("v1/videos/image2video", Map.of(
 *     "model_name", "kling-v2-5-turbo", "image", url, "image_tail", url, "mode", "std"));
 * }</pre>
 */
public final class CapabilityMatrix {
  /** The rule id of every violation this class reports. */
  public static final String RULE = "x-kling-capabilities";

  private static volatile CapabilityMatrix embedded;

  private final Map<String, CapabilityRoute> routes;

  private CapabilityMatrix(Map<String, CapabilityRoute> routes) {
    this.routes = routes;
  }

  /** The matrix of the spec embedded in the jar (read once). */
  public static CapabilityMatrix embedded() {
    CapabilityMatrix matrix = embedded;
    if (matrix == null) {
      matrix = fromSpec(EmbeddedSpec.tree());
      embedded = matrix;
    }
    return matrix;
  }

  /** The matrix of a spec given as a JSON tree (maps, lists, strings, numbers, booleans). */
  public static CapabilityMatrix fromSpec(Map<String, Object> spec) {
    return new CapabilityMatrix(CapabilityRoute.readAll(spec));
  }

  /** The routes the matrix has rules for. */
  public Set<String> routes() {
    return routes.keySet();
  }

  /** The rules of one route, or null when the matrix has none for it. */
  public CapabilityRoute route(String route) {
    return routes.get(route);
  }

  /** Throws {@link KlingValidationException} naming each unsupported combination of {@code body}. */
  public void validate(String route, String subject, Map<String, Object> body) {
    List<Violation> violations = check(route, body);
    if (!violations.isEmpty()) {
      throw new KlingValidationException(subject, violations);
    }
  }

  /** The unsupported combinations of a request body (a JSON tree) on a route; empty when it passes. */
  public List<Violation> check(String route, Map<String, Object> body) {
    CapabilityRoute rules = routes.get(route);
    if (rules == null) {
      return List.of();
    }
    String model = rules.modelOf(body);
    CapabilityRoute.Model known = model == null ? null : rules.models().get(model);
    if (known == null) {
      return List.of(); // open vocabulary: a model newer than the spec is sent unchecked
    }
    List<Violation> out = new ArrayList<>();
    for (String property : known.unsupported()) {
      if (CapabilityRoute.isSet(body.get(property))) {
        out.add(violation(property, body, model + " does not support " + property));
      }
    }
    known.values().forEach((property, allowed) -> {
      String value = CapabilityRoute.wire(body.get(property));
      if (value != null && !allowed.contains(value) && rules.knownValues(property).contains(value)) {
        out.add(violation(property, body, model + " does not support " + property + " " + value
            + " (supported: " + String.join(", ", allowed) + ")"));
      }
    });
    known.requires().forEach((trigger, conditions) -> requires(rules, model, trigger, conditions, body, out));
    return out;
  }

  private static void requires(CapabilityRoute rules, String model, String trigger,
      Map<String, List<String>> conditions, Map<String, Object> body, List<Violation> out) {
    int eq = trigger.indexOf('=');
    String property = eq < 0 ? trigger : trigger.substring(0, eq);
    Object set = body.get(property);
    if (!CapabilityRoute.isSet(set) || (eq >= 0 && !trigger.substring(eq + 1).equals(CapabilityRoute.wire(set)))) {
      return;
    }
    String shown = eq < 0 ? property : property + " " + trigger.substring(eq + 1);
    conditions.forEach((other, allowed) -> {
      String actual = CapabilityRoute.wire(body.get(other));
      String value = actual != null ? actual : rules.defaultOf(other);
      if (value != null && !allowed.contains(value)) {
        out.add(violation(property, body, model + " does not support " + shown + " with " + other + " " + value
            + (actual == null ? " (the default)" : "") + "; it needs " + other + " " + String.join(" or ", allowed)));
      }
    });
  }

  private static Violation violation(String property, Map<String, Object> body, String message) {
    String value = CapabilityRoute.wire(body.get(property));
    String shown = value == null ? null : "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
    return Violation.of("$." + property, shown, RULE, message);
  }
}
