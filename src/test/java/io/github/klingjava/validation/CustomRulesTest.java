package io.github.klingjava.validation;

import static io.github.klingjava.validation.Trees.arr;
import static io.github.klingjava.validation.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The x-kling-rules: implemented for every id of the spec, and their edge cases. */
class CustomRulesTest {

  private static final Map<String, Object> EXPANSION_SCHEMA = SchemaValidator.embedded()
      .schema(RequestValidator.IMAGE_EXPANSION);

  @Test
  void everyRuleIdOfTheSpecIsImplemented() {
    Set<String> inSpec = SchemaValidator.klingRuleIds(SchemaValidator.embedded().spec());
    assertEquals(Set.of("expansion-area-at-most-3x", "camera-config-only-for-simple",
        "camera-config-single-axis"), inSpec);
    assertTrue(CustomRules.ids().containsAll(inSpec));
    assertEquals(inSpec, CustomRules.ids(), "an implemented rule the spec no longer names");
  }

  @Test
  void aSpecNamingAnUnimplementedRuleFailsToLoad() {
    Map<String, Object> spec = obj("components", obj("schemas", obj("R", obj("type", "object",
        "x-kling-rules", arr(obj("id", "expansion-area-at-most-3x"),
            obj("id", "duration-fits-model", "expression", "..."))))));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new SchemaValidator(spec));
    assertTrue(e.getMessage().contains("[duration-fits-model]"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> CustomRules.requireImplemented(List.of("no-such-rule")));
    CustomRules.requireImplemented(List.of("camera-config-single-axis")); // fine
  }

  @Test
  void aRuleWithoutIdFailsToLoad() {
    Map<String, Object> spec = obj("components", obj("schemas", obj("R", obj(
        "x-kling-rules", arr(obj("expression", "x"))))));
    assertThrows(IllegalStateException.class, () -> new SchemaValidator(spec));
  }

  @Test
  void missingRatiosCountAsZero() {
    assertEquals(List.of(), area(obj("up_expansion_ratio", 1, "left_expansion_ratio", 0.5)));
    List<Violation> over = area(obj("up_expansion_ratio", 1, "left_expansion_ratio", 0.6));
    assertEquals(1, over.size());
    assertEquals("3.2", over.get(0).value());
    assertEquals(List.of(), area(obj()));
  }

  @Test
  void bottomStandsInForDownOnlyWhenDownIsAbsent() {
    List<Violation> bottom = area(obj("bottom_expansion_ratio", 2, "left_expansion_ratio", 0.1));
    assertEquals(1, bottom.size());
    assertTrue(bottom.get(0).message().contains("+ bottom 2)"), bottom.get(0).message());
    // both present (itself a down-xor-bottom-ratio violation): down is the one used
    assertEquals(List.of(), area(obj("down_expansion_ratio", 0, "bottom_expansion_ratio", 2,
        "left_expansion_ratio", 0.1)));
  }

  @Test
  void roundingAtExactlyThreeIsAccepted() {
    assertEquals(List.of(), area(obj("up_expansion_ratio", 0.1, "down_expansion_ratio", 0.2,
        "left_expansion_ratio", 1.3076923076923077)));
    assertEquals(List.of(), area(obj("up_expansion_ratio", 0.1495, "down_expansion_ratio",
        0.1495, "left_expansion_ratio", 0.6547, "right_expansion_ratio", 0.6547)));
    assertEquals(1, area(obj("up_expansion_ratio", 0.1, "down_expansion_ratio", 0.2,
        "left_expansion_ratio", 1.308)).size());
  }

  @Test
  void aRatioThatIsNotANumberIsLeftToTheTypeCheck() {
    assertEquals(List.of(), area(obj("up_expansion_ratio", "2", "left_expansion_ratio", 2)));
  }

  @Test
  void cameraRulesSkipWhatTheSchemaReportsAnyway() {
    Map<String, Object> control = SchemaValidator.embedded().schema("CameraControl");
    List<Violation> out = new ArrayList<>();
    CustomRules.check(CustomRules.CAMERA_CONFIG_ONLY_FOR_SIMPLE, control, obj("type", 3), "$",
        out);
    CustomRules.check(CustomRules.CAMERA_CONFIG_ONLY_FOR_SIMPLE, control, obj(), "$", out);
    assertEquals(List.of(), out);
    CustomRules.check(CustomRules.CAMERA_CONFIG_ONLY_FOR_SIMPLE, control,
        obj("type", "forward_up", "config", obj("zoom", 1)), "$.camera_control", out);
    assertEquals("$.camera_control.config: {\"zoom\":1} must be absent when type is"
        + " \"forward_up\": config applies only to type \"simple\""
        + " (rule camera-config-only-for-simple)", out.get(0).message());
  }

  @Test
  void anUnknownRuleIdIsAnError() {
    assertThrows(IllegalStateException.class, () -> CustomRules.check("nope", Map.of(), Map.of(),
        "$", new ArrayList<>()));
  }

  private static List<Violation> area(Map<String, Object> ratios) {
    List<Violation> out = new ArrayList<>();
    CustomRules.check(CustomRules.EXPANSION_AREA, EXPANSION_SCHEMA, ratios, "$", out);
    return out;
  }
}
