package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The capability matrix of the embedded spec ({@code x-kling-capabilities}): every documented unsupported
 * combination is refused, every supported one passes, an unknown model passes. The cases are derived from
 * the matrix itself, so a model or rule added to the spec is tested with no edit here.
 */
final class CapabilityMatrixTest {
  private static final CapabilityMatrix MATRIX = CapabilityMatrix.embedded();
  private static final String SET = "https://cdn.example.test/frame.png";

  @TestFactory
  Stream<DynamicTest> everyDocumentedCombination() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String route : MATRIX.routes()) {
      CapabilityRoute rules = MATRIX.route(route);
      rules.models().forEach((model, m) -> {
        m.unsupported().forEach(p -> tests.add(refused(route, model + " refuses " + p,
            body(rules, model, p, SET), model + " does not support " + p)));
        m.values().forEach((p, allowed) -> {
          allowed.forEach(v -> tests.add(passes(route, model + " takes " + p + " " + v, body(rules, model, p, v))));
          for (String v : rules.knownValues(p)) {
            if (!allowed.contains(v)) {
              tests.add(refused(route, model + " refuses " + p + " " + v, body(rules, model, p, v),
                  model + " does not support " + p + " " + v));
            }
          }
        });
        m.requires().forEach((trigger, conditions) -> requires(tests, route, rules, model, trigger, conditions));
      });
    }
    assertTrue(tests.size() > 100, "derived cases: " + tests.size());
    return tests.stream();
  }

  private static void requires(List<DynamicTest> tests, String route, CapabilityRoute rules, String model,
      String trigger, Map<String, List<String>> conditions) {
    int eq = trigger.indexOf('=');
    String property = eq < 0 ? trigger : trigger.substring(0, eq);
    Object value = eq < 0 ? SET : trigger.substring(eq + 1);
    String shown = eq < 0 ? property : property + " " + value;
    conditions.forEach((other, allowed) -> {
      for (String good : allowed) {
        Map<String, Object> body = body(rules, model, property, value);
        body.put(other, good);
        tests.add(passes(route, model + " takes " + shown + " with " + other + " " + good, body));
      }
      Set<String> bad = new LinkedHashSet<>(rules.models().get(model).values().getOrDefault(other, List.of()));
      bad.addAll(rules.knownValues(other));
      bad.removeAll(allowed);
      for (String wrong : bad) {
        Map<String, Object> body = body(rules, model, property, value);
        body.put(other, wrong);
        tests.add(refused(route, model + " refuses " + shown + " with " + other + " " + wrong, body,
            model + " does not support " + shown + " with " + other + " " + wrong));
      }
    });
  }

  /** The model, the property, and whatever the model's other rules need to be met (so only one is tested). */
  private static Map<String, Object> body(CapabilityRoute rules, String model, String property, Object value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(rules.modelProperty(), model);
    body.put(property, value);
    CapabilityRoute.Model m = rules.models().get(model);
    for (int round = 0; round < 3; round++) {
      m.requires().forEach((trigger, conditions) -> {
        if (triggered(trigger, body)) {
          conditions.forEach((other, allowed) -> body.putIfAbsent(other, allowed.get(0)));
        }
      });
    }
    return body;
  }

  private static boolean triggered(String trigger, Map<String, Object> body) {
    int eq = trigger.indexOf('=');
    Object value = body.get(eq < 0 ? trigger : trigger.substring(0, eq));
    return value != null && (eq < 0 || trigger.substring(eq + 1).equals(value));
  }

  private static DynamicTest passes(String route, String name, Map<String, Object> body) {
    return DynamicTest.dynamicTest(name, () -> {
      Map<String, Object> only = new LinkedHashMap<>(body);
      // a condition filled in for another trigger must not itself be refused by a values rule
      assertEquals(List.of(), MATRIX.check(route, only), "body " + only);
    });
  }

  private static DynamicTest refused(String route, String name, Map<String, Object> body, String message) {
    return DynamicTest.dynamicTest(name, () -> {
      List<Violation> violations = MATRIX.check(route, body);
      assertTrue(violations.stream().anyMatch(v -> v.message().contains(message)
          && v.rule().equals(CapabilityMatrix.RULE)), "expected \"" + message + "\" for " + body + ", got " + violations);
    });
  }

  @Test
  void theIssueExampleReadsAsWritten() {
    Map<String, Object> body = Map.of("model_name", "kling-v2-5-turbo", "image", SET, "image_tail", SET, "mode", "std");
    List<Violation> violations = MATRIX.check("v1/videos/image2video", body);
    assertEquals(1, violations.size(), violations.toString());
    assertEquals("$.image_tail", violations.get(0).path());
    assertTrue(violations.get(0).message().contains("kling-v2-5-turbo does not support image_tail with mode std"),
        violations.get(0).message());
  }

  @Test
  void anAbsentPropertyIsJudgedByItsSchemaDefault() {
    Map<String, Object> body = Map.of("model_name", "kling-v2-5-turbo", "image", SET, "image_tail", SET);
    assertTrue(MATRIX.check("v1/videos/image2video", body).get(0).message()
        .contains("with mode std (the default)"));
  }

  @Test
  void anUnknownModelOrValuePasses() {
    for (String route : MATRIX.routes()) {
      CapabilityRoute rules = MATRIX.route(route);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put(rules.modelProperty(), "kling-v99-not-yet-known");
      rules.models().values().forEach(m -> {
        m.unsupported().forEach(p -> body.put(p, SET));
        m.values().forEach((p, allowed) -> body.put(p, allowed.get(0)));
      });
      assertEquals(List.of(), MATRIX.check(route, body), route);
    }
    String anyModel = MATRIX.route("v1/videos/image2video").models().keySet().iterator().next();
    assertEquals(List.of(), MATRIX.check("v1/videos/image2video",
        Map.of("model_name", anyModel, "mode", "a-mode-from-next-year")));
  }

  @Test
  void aRouteWithoutRulesPasses() {
    assertEquals(List.of(), MATRIX.check("v1/images/generations", Map.of("model_name", "kling-v1", "n", 9)));
  }

  @Test
  void readsTheShapeOfTheFixture() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/capabilities/shape-fixture.yaml")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
      CapabilityMatrix matrix = CapabilityMatrix.fromSpec(spec);
      String route = "v1/videos/text2video";
      assertEquals("std", matrix.route(route).defaultOf("mode"));
      assertEquals("5", matrix.route(route).defaultOf("duration"));
      // no model_name: judged as the default model kling-v1, which does not take sound
      assertFalse(matrix.check(route, Map.of("sound", "on")).isEmpty());
      assertTrue(matrix.check(route, Map.of("model_name", "kling-v1", "camera_control", Map.of("type", "simple"),
          "mode", "pro")).get(0).message().contains("kling-v1 does not support camera_control with mode pro"));
      assertTrue(matrix.check(route, Map.of("model_name", "kling-v3", "sound", "on")).get(0).message()
          .contains("kling-v3 does not support sound on with mode std (the default)"));
      assertEquals(List.of(), matrix.check(route, Map.of("model_name", "kling-v3", "sound", "on", "mode", "4k")));
      assertEquals(List.of(), matrix.check(route, Map.of("model_name", "kling-v3", "duration", 15)));
    }
  }
}
