package io.github.klingjava.validation;

import static io.github.klingjava.validation.Trees.arr;
import static io.github.klingjava.validation.Trees.codePoints;
import static io.github.klingjava.validation.Trees.obj;
import static io.github.klingjava.validation.Trees.times;
import static io.github.klingjava.validation.Trees.with;
import static io.github.klingjava.validation.Trees.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One passing and one failing case for every constraint of the four request schemas: each
 * property's limit, enum, pattern and type, each required field, each additionalProperties, each
 * x-rule, each x-kling-rules id and each vendor constraint.
 * {@link #everyConstraintOfTheSpecIsCovered()} reads the constraints from the spec and fails for
 * any that has no passing or no failing case here, so a constraint added to the spec must get its
 * cases.
 */
class RequestConstraintsTest {

  private static final RequestValidator VALIDATOR = RequestValidator.create();

  static final String IG = RequestValidator.IMAGE_GENERATION;
  static final String MI = RequestValidator.MULTI_IMAGE;
  static final String EX = RequestValidator.IMAGE_EXPANSION;
  static final String IV = RequestValidator.IMAGE_TO_VIDEO;
  static final String COMET = "cometapi";

  static final String URL = "https://images.example.com/cat.jpg";
  /** The 5x5 PNG of the spec's reseller example, as raw Base64. */
  static final String B64 = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4//8/w38G"
      + "IAXDIBKE0DHxgljNBAAO9TXL0Y4OHwAAAABJRU5ErkJggg==";

  // Valid requests that together use every property of every request schema.
  static final Map<String, Object> IG_TEXT = obj("model_name", "kling-v2-1",
      "prompt", "A red fox in fresh snow", "negative_prompt", "blurry", "resolution", "1k", "n", 1,
      "aspect_ratio", "16:9", "watermark_info", obj("enabled", false),
      "callback_url", "https://hooks.example.com/kling?token=t", "external_task_id", "order-1",
      "element_list", arr(obj("element_id", 123)), "model", "kling-v1");
  static final Map<String, Object> IG_I2I = obj("model_name", "kling-v1-5", "prompt", "A red fox",
      "image", URL, "image_reference", "subject", "image_fidelity", 0.5, "human_fidelity", 0.45);
  static final Map<String, Object> IG_MULTI = obj("subject_image_list",
      arr(obj("subject_image", URL), obj("subject_image", B64)), "scence_image", URL,
      "style_image", URL);
  static final Map<String, Object> MI_FULL = obj("model_name", "kling-v2", "prompt", "A picnic",
      "negative_prompt", "rain", "subject_image_list", arr(obj("subject_image", URL)),
      "scene_image", URL, "style_image", B64, "n", 1, "aspect_ratio", "3:2",
      "watermark_info", obj("enabled", true), "callback_url", "https://hooks.example.com/k",
      "external_task_id", "order-2");
  static final Map<String, Object> EX_DOWN = obj("image", URL, "up_expansion_ratio", 0.1,
      "down_expansion_ratio", 0.1, "left_expansion_ratio", 0.1, "right_expansion_ratio", 0.1,
      "prompt", "centre", "n", 1, "watermark_info", obj("enabled", false), "callback_url", "",
      "external_task_id", "");
  static final Map<String, Object> EX_BOTTOM = with(without(EX_DOWN, "$.down_expansion_ratio"),
      "$.bottom_expansion_ratio", 0.1);
  /** All ratios 0: room to test each ratio's own range without breaking the 3x area rule. */
  static final Map<String, Object> EX_ZERO = obj("image", URL, "up_expansion_ratio", 0,
      "down_expansion_ratio", 0, "left_expansion_ratio", 0, "right_expansion_ratio", 0);
  static final Map<String, Object> EX_ZERO_BOTTOM = with(without(EX_ZERO,
      "$.down_expansion_ratio"), "$.bottom_expansion_ratio", 0);
  static final Map<String, Object> IV_BASE = obj("model_name", "kling-v1", "image", URL,
      "prompt", "The cat walks", "negative_prompt", "flicker", "cfg_scale", 0.5, "mode", "std",
      "duration", "5", "watermark_info", obj("enabled", false),
      "callback_url", "https://hooks.example.com/v", "external_task_id", "order-3");
  static final Map<String, Object> IV_TAIL = with(IV_BASE, "$.image_tail", B64);
  /** Tail-only ("end frame") request: official since 2026 (R27). */
  static final Map<String, Object> IV_TAIL_ONLY = without(IV_TAIL, "$.image");
  static final Map<String, Object> SHOT = obj("index", 1, "prompt", "The cat wakes", "duration",
      "5");
  /** The 2026 fields: kling-v3, 4k, sound, a customize multi-shot, elements, the legacy alias. */
  static final Map<String, Object> IV_2026 = obj("model_name", "kling-v3", "model", "kling-v1",
      "image", URL, "mode", "4k", "duration", "15", "sound", "on", "multi_shot", true,
      "shot_type", "customize", "multi_prompt", arr(SHOT, with(SHOT, "$.index", 2)),
      "element_list", arr(obj("element_id", 160)));
  static final Map<String, Object> IV_VOICE = obj("model_name", "kling-v2-6", "image", URL,
      "prompt", "<<<voice_1>>> says welcome", "sound", "on", "voice_list",
      arr(obj("voice_id", "voice-1")), "duration", "5", "mode", "pro");
  static final Map<String, Object> POINT = obj("x", 279, "y", 219);
  static final Map<String, Object> IV_MASKS = with(with(IV_BASE, "$.static_mask", URL),
      "$.dynamic_masks", arr(obj("mask", URL, "trajectories", arr(POINT, obj("x", 417, "y", 65)))));
  static final Map<String, Object> ZERO_AXES = obj("horizontal", 0, "vertical", 0, "pan", 0,
      "tilt", 0, "roll", 0, "zoom", 0);
  static final Map<String, Object> IV_CAMERA = with(IV_BASE, "$.camera_control",
      obj("type", "simple", "config", with(ZERO_AXES, "$.zoom", 5)));
  static final Map<String, Object> IV_PRESET = with(IV_BASE, "$.camera_control",
      obj("type", "down_back"));

  /** A test case: a request, and either no violation or the one expected (plus tolerated ones). */
  record Case(String schema, String vendor, Map<String, Object> request, String path,
      String rule, Set<String> alsoTolerated, Set<String> covers) {

    boolean passing() {
      return rule == null;
    }

    String name() {
      String v = vendor == null ? "" : " [" + vendor + "]";
      return passing()
          ? schema + v + " passes " + String.join(", ", covers)
          : schema + v + " " + path + " fails " + rule;
    }
  }

  static final List<Case> CASES = build();
  /** The spec's value limits, each at its boundary, read from the spec (no limit retyped here). */
  static final List<SpecDerivedCases.Derived> DERIVED =
      SpecDerivedCases.derive(SchemaValidator.embedded(), bases());

  // ---------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyCase() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  @TestFactory
  Stream<DynamicTest> everyDerivedCase() {
    assertTrue(DERIVED.size() > 100, "derived cases: " + DERIVED.size());
    return DERIVED.stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> {
      String problem = d.problem(SchemaValidator.embedded());
      if (problem != null) {
        fail(problem);
      }
    }));
  }

  static void run(Case c) {
    List<Violation> found = VALIDATOR.check(c.schema(), c.request(), c.vendor());
    if (c.passing()) {
      assertEquals(List.of(), found, "expected no violation for " + c.request());
      return;
    }
    Violation hit = found.stream().filter(v -> v.path().equals(c.path())
        && v.rule().equals(c.rule())).findFirst().orElse(null);
    if (hit == null) {
      fail("expected " + c.path() + " " + c.rule() + ", found " + found);
    }
    assertTrue(hit.message().startsWith(c.path() + ": "), hit.message());
    assertTrue(hit.message().endsWith("(rule " + c.rule() + ")"), hit.message());
    for (Violation v : found) {
      if (v != hit && !c.alsoTolerated().contains(v.rule())) {
        fail("unexpected extra violation " + v + " besides " + hit);
      }
    }
  }

  /**
   * The spec's constraints (read from the spec, not from the validator) against the cases: each
   * needs at least one failing and one passing case. {@code type} is covered for every typed path
   * by {@link #wrongTypes()} (failing) and by the valid base requests, which use every path.
   */
  @Test
  void everyConstraintOfTheSpecIsCovered() {
    SpecInventory inventory = new SpecInventory(SchemaValidator.embedded());
    Set<String> failing = new TreeSet<>();
    Set<String> passing = new TreeSet<>();
    for (Case c : CASES) {
      (c.passing() ? passing : failing).addAll(c.covers());
    }
    for (SpecDerivedCases.Derived d : DERIVED) {
      (d.fails() ? failing : passing).add(d.covers());
    }
    Set<String> all = new TreeSet<>();
    for (String schema : SpecInventory.REQUEST_SCHEMAS) {
      all.addAll(inventory.constraintKeys(schema));
    }
    // the inventory itself works: a sample of what the spec says today
    for (String known : List.of("ImageGenerationRequest $.n maximum",
        "ImageGenerationRequest $.subject_image_list[*].subject_image pattern",
        "ImageGenerationRequest prompt-or-subjects",
        "ImageGenerationRequest $ additionalProperties",
        "ImageExpansionRequest expansion-area-at-most-3x",
        "ImageExpansionRequest down-xor-bottom-ratio",
        "ImageToVideoRequest $.dynamic_masks[*].trajectories[*].x required",
        "ImageToVideoRequest $.duration enum@cometapi",
        "ImageToVideoRequest camera-config-single-axis",
        "MultiImageRequest $.subject_image_list required")) {
      assertTrue(all.contains(known), "inventory lacks " + known + ": " + all);
    }
    List<String> missing = new ArrayList<>();
    for (String schema : SpecInventory.REQUEST_SCHEMAS) {
      for (String key : inventory.constraintKeys(schema)) {
        if (!failing.contains(key)) {
          missing.add("no failing case: " + key);
        }
        if (!passing.contains(key)) {
          missing.add("no passing case: " + key);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  /** A value of the wrong JSON type at every typed path of every request schema. */
  @TestFactory
  Stream<DynamicTest> wrongTypes() {
    SpecInventory inventory = new SpecInventory(SchemaValidator.embedded());
    List<DynamicTest> tests = new ArrayList<>();
    for (String schema : SpecInventory.REQUEST_SCHEMAS) {
      inventory.typedPaths(schema).forEach((template, type) -> {
        String path = template.replace("[*]", "[0]");
        Map<String, Object> base = baseFor(SchemaValidator.embedded(), schema, template);
        tests.add(DynamicTest.dynamicTest(schema + " " + template + " fails type (" + type + ")",
            () -> {
              if (base == null) {
                fail("no valid base request uses " + template + ": add one to bases()");
              }
              Object wrong = wrongValue(type);
              Object request = path.equals("$") ? List.of(base) : with(base, path, wrong);
              List<Violation> found = VALIDATOR.check(schema, request, null);
              assertEquals(1, found.size(), found::toString);
              assertEquals(path, found.get(0).path());
              assertEquals("type", found.get(0).rule());
              assertTrue(found.get(0).message().contains("expected " + (type.matches("[aeiou].*")
                  ? "an " : "a ") + type) || type.equals("integer"), found.get(0).message());
            }));
        tests.add(DynamicTest.dynamicTest(schema + " " + template + " passes type (" + type + ")",
            () -> {
              if (base == null) {
                fail("no valid base request uses " + template);
              }
              assertEquals(List.of(), VALIDATOR.check(schema, base, null));
            }));
      });
    }
    return tests.stream();
  }

  static Object wrongValue(String type) {
    switch (type) {
      case "string":
        return 12345;
      case "integer":
        return 1.5;
      case "number":
        return "0.5";
      case "boolean":
        return "true";
      case "object":
        return "an object";
      case "array":
        return obj("not", "an array");
      default:
        throw new IllegalArgumentException(type);
    }
  }

  /**
   * A valid base request with a value at the path template: one of {@link #bases()}, or for a
   * top-level property none of them uses (one newer than these tests), the first base with a
   * value made from the property's own schema. Null when neither exists.
   */
  static Map<String, Object> baseFor(SchemaValidator spec, String schema, String template) {
    String path = template.replace("[*]", "[0]");
    Map<String, Object> base = baseHaving(schema, path);
    List<Map<String, Object>> own = bases().getOrDefault(schema, List.of());
    if (base != null || !path.matches("\\$\\.[a-z_0-9]+") || own.isEmpty()) {
      return base;
    }
    Map<String, Object>[] node = new Map[1];
    new SpecInventory(spec).walk(schema, (t, n) -> {
      if (t.equals(template)) {
        node[0] = n;
      }
    });
    return node[0] == null ? null : with(own.get(0), path, SpecDerivedCases.sample(node[0]));
  }

  /** The first valid base request of the schema that has a value at path, or null. */
  static Map<String, Object> baseHaving(String schema, String path) {
    return baseHaving(bases().getOrDefault(schema, List.of()), path);
  }

  /** The first of the bases that has a value at path, or null. */
  static Map<String, Object> baseHaving(List<Map<String, Object>> bases, String path) {
    for (Map<String, Object> base : bases) {
      if (path.equals("$")) {
        return base;
      }
      try {
        if (!without(base, path).equals(base)) { // removing it changes something: it is there
          return base;
        }
      } catch (RuntimeException e) {
        // a parent of path is missing in this base
      }
    }
    return null;
  }

  static Map<String, List<Map<String, Object>>> bases() {
    return Map.of(IG, List.of(IG_TEXT, IG_I2I, IG_MULTI), MI, List.of(MI_FULL),
        EX, List.of(EX_DOWN, EX_BOTTOM), IV, List.of(IV_BASE, IV_TAIL, IV_MASKS, IV_CAMERA,
            IV_PRESET, IV_2026, IV_VOICE));
  }

  // ---------------------------------------------------------------------------------------------
  // The cases

  private static List<Case> build() {
    List<Case> c = new ArrayList<>();
    imageGeneration(c);
    multiImage(c);
    imageExpansion(c);
    imageToVideo(c);
    return c;
  }

  private static void imageGeneration(List<Case> c) {
    for (Map<String, Object> base : List.of(IG_TEXT, IG_I2I, IG_MULTI)) {
      passing(c, IG, base, "$ additionalProperties");
    }
    failing(c, IG, with(IG_TEXT, "$.scene_image", URL), "$.scene_image", "additionalProperties");
    openSet(c, IG, IG_TEXT, "$.model_name", "ImageModel");
    passing(c, IG, with(IG_TEXT, "$.model", "kling-v1"), "$.model type");
    imageInput(c, IG, IG_I2I, "$.image");
    enumeration(c, IG, IG_I2I, "$.image_reference", "ImageReference", "body");
    // element_list and its items
    Map<String, Object> element = obj("element_id", 7);
    passing(c, IG, IG_TEXT, "$.element_list[*] additionalProperties",
        "$.element_list[*].element_id required");
    failing(c, IG, with(IG_TEXT, "$.element_list[0].name", "hero"), "$.element_list[0].name",
        "additionalProperties");
    failing(c, IG, with(IG_TEXT, "$.element_list[0]", obj()), "$.element_list[0].element_id",
        "required");
    passing(c, IG, with(IG_TEXT, "$.element_list[0].element_id", Long.MAX_VALUE),
        "$.element_list[*].element_id format"); // exact: not rounded through a double
    passing(c, IG, with(IG_TEXT, "$.element_list[0].element_id", Long.MIN_VALUE),
        "$.element_list[*].element_id format");
    failing(c, IG, with(IG_TEXT, "$.element_list[0].element_id",
        new BigDecimal("9223372036854775808")), "$.element_list[0].element_id", "format");
    // the multi-subject variant
    passing(c, IG, IG_MULTI, "$.subject_image_list[*] additionalProperties",
        "$.subject_image_list[*].subject_image required");
    failing(c, IG, with(IG_MULTI, "$.subject_image_list[1].subject", URL),
        "$.subject_image_list[1].subject", "additionalProperties");
    failing(c, IG, with(IG_MULTI, "$.subject_image_list[1]", obj()),
        "$.subject_image_list[1].subject_image", "required");
    imageInput(c, IG, IG_MULTI, "$.subject_image_list[1].subject_image");
    imageInput(c, IG, IG_MULTI, "$.scence_image");
    imageInput(c, IG, IG_MULTI, "$.style_image");
    enumeration(c, IG, IG_TEXT, "$.resolution", "Resolution", "4k");
    count(c, IG, IG_TEXT);
    enumeration(c, IG, IG_TEXT, "$.aspect_ratio", "AspectRatio", "5:4");
    callbackUrl(c, IG, IG_TEXT);
    externalTaskId(c, IG, IG_TEXT);
    // cross-field rules
    passing(c, IG, without(IG_MULTI, "$.prompt"), "prompt-or-subjects");
    passing(c, IG, with(IG_MULTI, "$.prompt", "Two friends"), "prompt-or-subjects");
    failing(c, IG, without(IG_TEXT, "$.prompt"), "$", "prompt-or-subjects");
    passing(c, IG, IG_I2I, "image-reference-needs-image");
    failing(c, IG, without(IG_I2I, "$.image"), "$", "image-reference-needs-image");
    passing(c, IG, IG_MULTI, "subjects-exclude-image");
    failing(c, IG, with(IG_MULTI, "$.image", URL), "$", "subjects-exclude-image");
    // CometAPI's image-generation pages say 2500/2500 too (R11, R12): no vendor limit here
    passing(c, IG, COMET, with(with(IG_TEXT, "$.prompt", codePoints(2500)), "$.negative_prompt",
        codePoints(2500)), "$.prompt maxLength");
    // CometAPI's own names never reach Kling or AnyAPI (R16, R47)
    for (String vendor : List.of("kling-singapore", "kling-beijing", "anyapi")) {
      failing(c, IG, vendor, IG_MULTI, "$.subject_image_list", VendorOnlyProperties.KEYWORD,
          VendorOnlyProperties.KEYWORD);
      failing(c, IG, vendor, without(IG_MULTI, "$.subject_image_list"), "$.scence_image",
          VendorOnlyProperties.KEYWORD, "prompt-or-subjects");
    }
    passing(c, IG, COMET, IG_MULTI, "x-vendor-only");
    passing(c, IG, "custom", IG_MULTI, "x-vendor-only");
  }

  private static void multiImage(List<Case> c) {
    passing(c, MI, MI_FULL, "$ additionalProperties", "$.subject_image_list required",
        "$.subject_image_list[*] additionalProperties",
        "$.subject_image_list[*].subject_image required");
    failing(c, MI, with(MI_FULL, "$.scence_image", URL), "$.scence_image", "additionalProperties");
    openSet(c, MI, MI_FULL, "$.model_name", "MultiImageModel");
    failing(c, MI, without(MI_FULL, "$.subject_image_list"), "$.subject_image_list", "required");
    failing(c, MI, with(MI_FULL, "$.subject_image_list[0].face", true),
        "$.subject_image_list[0].face", "additionalProperties");
    failing(c, MI, with(MI_FULL, "$.subject_image_list[0]", obj()),
        "$.subject_image_list[0].subject_image", "required");
    imageInput(c, MI, MI_FULL, "$.subject_image_list[0].subject_image");
    imageInput(c, MI, MI_FULL, "$.scene_image");
    imageInput(c, MI, MI_FULL, "$.style_image");
    count(c, MI, MI_FULL);
    enumeration(c, MI, MI_FULL, "$.aspect_ratio", "AspectRatio", "16:10");
    callbackUrl(c, MI, MI_FULL);
    externalTaskId(c, MI, MI_FULL);
  }

  private static void imageExpansion(List<Case> c) {
    passing(c, EX, EX_DOWN, "$ additionalProperties", "$.image required",
        "$.up_expansion_ratio required", "$.left_expansion_ratio required",
        "$.right_expansion_ratio required");
    passing(c, EX, EX_BOTTOM, "$ additionalProperties");
    // bottom_expansion_ratio is CometAPI's, but has a rename (x-alias-of): the other profiles
    // send it as down_expansion_ratio, so validation lets it through for every vendor
    for (String vendor : List.of(COMET, "anyapi", "kling-singapore")) {
      passing(c, EX, vendor, EX_BOTTOM, "x-vendor-only");
    }
    failing(c, EX, with(EX_DOWN, "$.top_expansion_ratio", 0.1), "$.top_expansion_ratio",
        "additionalProperties");
    failing(c, EX, without(EX_DOWN, "$.image"), "$.image", "required");
    imageInput(c, EX, EX_DOWN, "$.image");
    count(c, EX, EX_DOWN);
    for (String side : List.of("up", "left", "right")) {
      failing(c, EX, without(EX_DOWN, "$." + side + "_expansion_ratio"),
          "$." + side + "_expansion_ratio", "required");
    }
    callbackUrl(c, EX, EX_DOWN);
    externalTaskId(c, EX, EX_DOWN);
    // down_expansion_ratio xor its CometAPI alias bottom_expansion_ratio
    passing(c, EX, EX_DOWN, "down-or-bottom-ratio", "down-xor-bottom-ratio");
    passing(c, EX, EX_BOTTOM, "down-or-bottom-ratio", "down-xor-bottom-ratio");
    failing(c, EX, without(EX_DOWN, "$.down_expansion_ratio"), "$", "down-or-bottom-ratio");
    failing(c, EX, with(EX_DOWN, "$.bottom_expansion_ratio", 0.1), "$", "down-xor-bottom-ratio");
    // (1 + up + down) * (1 + left + right) <= 3
    passing(c, EX, ratios(EX_DOWN, 0.1495, 0.1495, 0.6547, 0.6547), "expansion-area-at-most-3x");
    passing(c, EX, ratios(EX_DOWN, 0.5, 0.5, 0, 0.5), "expansion-area-at-most-3x"); // exactly 3
    failing(c, EX, ratios(EX_DOWN, 0.5, 0.5, 0.5, 0.5), "$", "expansion-area-at-most-3x");
    failing(c, EX, ratios(EX_DOWN, 0.1, 0.1, 0.8, 0.8), "$", "expansion-area-at-most-3x");
    // bottom_expansion_ratio counts when down_expansion_ratio is absent: 2.5 * 1.2 = 3 passes,
    // 2.5 * 1.4 = 3.5 fails
    Map<String, Object> bottom = ratios(EX_BOTTOM, 0.5, -1, 0.1, 0.1);
    passing(c, EX, with(bottom, "$.bottom_expansion_ratio", 1), "expansion-area-at-most-3x");
    failing(c, EX, ratios(with(bottom, "$.bottom_expansion_ratio", 1), 0.5, -1, 0.2, 0.2), "$",
        "expansion-area-at-most-3x");
  }

  private static void imageToVideo(List<Case> c) {
    passing(c, IV, IV_BASE, "$ additionalProperties");
    failing(c, IV, with(IV_BASE, "$.aspect_ratio", "16:9"), "$.aspect_ratio",
        "additionalProperties");
    openSet(c, IV, IV_BASE, "$.model_name", "VideoModel");
    // at least one of image and image_tail (R27)
    passing(c, IV, IV_BASE, "image-or-tail");
    passing(c, IV, IV_TAIL_ONLY, "image-or-tail");
    passing(c, IV, IV_TAIL, "image-or-tail");
    failing(c, IV, without(IV_BASE, "$.image"), "$", "image-or-tail");
    imageInput(c, IV, IV_TAIL_ONLY, "$.image_tail");
    // the 2026 fields (R44)
    passing(c, IV, IV_2026, "$.model type", "$.multi_shot type",
        "$.multi_prompt[*] additionalProperties",
        "$.multi_prompt[*].index required", "$.multi_prompt[*].prompt required",
        "$.multi_prompt[*].duration required", "$.multi_prompt[*].duration pattern",
        "$.element_list[*] additionalProperties", "$.element_list[*].element_id required",
        "$.element_list[*].element_id format", "$.multi_prompt[*].index format");
    openSet(c, IV, IV_2026, "$.mode", "VideoMode");
    openSet(c, IV, IV_2026, "$.shot_type", "ShotType");
    enumeration(c, IV, IV_2026, "$.sound", "Sound", "true");
    failing(c, IV, with(IV_2026, "$.multi_prompt[0].speed", 1), "$.multi_prompt[0].speed",
        "additionalProperties");
    for (String field : List.of("index", "prompt", "duration")) {
      failing(c, IV, without(IV_2026, "$.multi_prompt[0]." + field), "$.multi_prompt[0]." + field,
          "required");
    }
    failing(c, IV, with(IV_2026, "$.multi_prompt[0].index", 3_000_000_000L),
        "$.multi_prompt[0].index", "format");
    failing(c, IV, with(IV_2026, "$.multi_prompt[0].duration", "5s"),
        "$.multi_prompt[0].duration", "pattern");
    failing(c, IV, with(IV_2026, "$.element_list[0].name", "x"), "$.element_list[0].name",
        "additionalProperties");
    failing(c, IV, with(IV_2026, "$.element_list[0]", obj()), "$.element_list[0].element_id",
        "required");
    failing(c, IV, with(IV_2026, "$.element_list[0].element_id",
        new BigDecimal("9223372036854775808")), "$.element_list[0].element_id", "format");
    passing(c, IV, IV_VOICE, "$.voice_list[*] additionalProperties",
        "$.voice_list[*].voice_id required");
    failing(c, IV, with(IV_VOICE, "$.voice_list[0].lang", "en"), "$.voice_list[0].lang",
        "additionalProperties");
    failing(c, IV, with(IV_VOICE, "$.voice_list[0]", obj()), "$.voice_list[0].voice_id",
        "required");
    // the 2026 cross-field rules
    passing(c, IV, IV_2026, "elements-exclude-voices", "multi-shot-needs-shot-type",
        "customize-needs-multi-prompt", "4k-only-kling-v3", "duration-per-model");
    passing(c, IV, IV_VOICE, "elements-exclude-voices", "voices-need-sound-on");
    failing(c, IV, with(IV_VOICE, "$.element_list", arr(obj("element_id", 1))), "$",
        "elements-exclude-voices");
    failing(c, IV, with(IV_VOICE, "$.sound", "off"), "$", "voices-need-sound-on");
    failing(c, IV, without(IV_VOICE, "$.sound"), "$", "voices-need-sound-on");
    failing(c, IV, without(IV_2026, "$.shot_type"), "$", "multi-shot-needs-shot-type");
    passing(c, IV, with(without(IV_2026, "$.shot_type"), "$.multi_shot", false),
        "multi-shot-needs-shot-type");
    failing(c, IV, without(IV_2026, "$.multi_prompt"), "$", "customize-needs-multi-prompt");
    passing(c, IV, with(without(IV_2026, "$.multi_prompt"), "$.shot_type", "intelligence"),
        "customize-needs-multi-prompt");
    // per-model rules hold for the known models; an unknown model is not judged by them
    failing(c, IV, with(IV_BASE, "$.mode", "4k"), "$", "4k-only-kling-v3");
    failing(c, IV, without(with(IV_BASE, "$.mode", "4k"), "$.model_name"), "$",
        "4k-only-kling-v3");
    passing(c, IV, with(with(IV_BASE, "$.mode", "4k"), "$.model_name", "kling-v9"),
        "4k-only-kling-v3");
    failing(c, IV, with(IV_BASE, "$.duration", "15"), "$", "duration-per-model");
    failing(c, IV, without(with(IV_BASE, "$.duration", "3"), "$.model_name"), "$",
        "duration-per-model");
    passing(c, IV, with(with(IV_BASE, "$.duration", "12"), "$.model_name", "kling-v9"),
        "duration-per-model");
    passing(c, IV, with(IV_BASE, "$.duration", "10"), "duration-per-model");
    imageInput(c, IV, IV_BASE, "$.image");
    imageInput(c, IV, IV_TAIL, "$.image_tail");
    imageInput(c, IV, IV_MASKS, "$.static_mask");
    // motion brush
    passing(c, IV, IV_MASKS, "$.dynamic_masks[*] additionalProperties",
        "$.dynamic_masks[*].mask required", "$.dynamic_masks[*].trajectories required",
        "$.dynamic_masks[*].trajectories[*] additionalProperties",
        "$.dynamic_masks[*].trajectories[*].x required",
        "$.dynamic_masks[*].trajectories[*].y required");
    // an empty motion brush is no motion brush (relays send [] on every call): R19
    passing(c, IV, with(IV_TAIL, "$.dynamic_masks", arr()), "tail-masks-camera-exclusive");
    passing(c, IV, with(IV_CAMERA, "$.dynamic_masks", arr()), "tail-masks-camera-exclusive");
    failing(c, IV, with(IV_MASKS, "$.dynamic_masks[0].speed", 2), "$.dynamic_masks[0].speed",
        "additionalProperties");
    failing(c, IV, without(IV_MASKS, "$.dynamic_masks[0].mask"), "$.dynamic_masks[0].mask",
        "required");
    imageInput(c, IV, IV_MASKS, "$.dynamic_masks[0].mask");
    failing(c, IV, without(IV_MASKS, "$.dynamic_masks[0].trajectories"),
        "$.dynamic_masks[0].trajectories", "required");
    failing(c, IV, with(IV_MASKS, "$.dynamic_masks[0].trajectories[1].z", 3),
        "$.dynamic_masks[0].trajectories[1].z", "additionalProperties");
    for (String axis : List.of("x", "y")) {
      String at = "$.dynamic_masks[0].trajectories[1]." + axis;
      failing(c, IV, without(IV_MASKS, at), at, "required");
      passing(c, IV, with(with(IV_MASKS, at, Integer.MAX_VALUE),
          "$.dynamic_masks[0].trajectories[0]." + axis, Integer.MIN_VALUE),
          "$.dynamic_masks[*].trajectories[*]." + axis + " format");
      failing(c, IV, with(IV_MASKS, at, 2_147_483_648L), at, "format");
      failing(c, IV, with(IV_MASKS, at, -2_147_483_649L), at, "format");
    }
    // camera control
    passing(c, IV, IV_CAMERA, "$.camera_control additionalProperties",
        "$.camera_control.type required", "$.camera_control.config additionalProperties");
    failing(c, IV, with(IV_CAMERA, "$.camera_control.speed", 1), "$.camera_control.speed",
        "additionalProperties");
    failing(c, IV, without(IV_PRESET, "$.camera_control.type"), "$.camera_control.type",
        "required");
    // "simple" needs a config (IV_CAMERA); the presets must come without one (IV_PRESET)
    enumeration(c, IV, IV_PRESET, "$.camera_control.type", "CameraMovement", "orbit");
    passing(c, IV, IV_CAMERA, "$.camera_control.type enum");
    failing(c, IV, with(IV_CAMERA, "$.camera_control.config.dolly", 1),
        "$.camera_control.config.dolly", "additionalProperties");
    Map<String, Object> durations = SchemaValidator.embedded().schema("VideoDuration");
    for (Object d : (List<?>) durations.get("enum")) {
      passing(c, IV, with(IV_2026, "$.duration", d), "$.duration enum");
    }
    failing(c, IV, with(IV_2026, "$.duration", "20"), "$.duration", "enum");
    failing(c, IV, with(IV_2026, "$.duration", "5s"), "$.duration", "enum");
    callbackUrl(c, IV, IV_BASE);
    externalTaskId(c, IV, IV_BASE);
    // image_tail, motion brush and camera control exclude each other
    for (Map<String, Object> one : List.of(IV_TAIL, IV_MASKS, IV_CAMERA, IV_PRESET,
        without(IV_MASKS, "$.static_mask"), without(IV_MASKS, "$.dynamic_masks"))) {
      passing(c, IV, one, "tail-masks-camera-exclusive");
    }
    Object camera = IV_CAMERA.get("camera_control");
    Object masks = IV_MASKS.get("dynamic_masks");
    String rule = "tail-masks-camera-exclusive";
    failing(c, IV, with(IV_TAIL, "$.static_mask", URL), "$", rule);
    failing(c, IV, with(IV_TAIL, "$.dynamic_masks", masks), "$", rule);
    failing(c, IV, with(IV_TAIL, "$.camera_control", camera), "$", rule);
    failing(c, IV, with(IV_CAMERA, "$.static_mask", URL), "$", rule);
    failing(c, IV, with(IV_CAMERA, "$.dynamic_masks", masks), "$", rule);
    failing(c, IV, with(IV_MASKS, "$.image_tail", URL), "$", rule); // all three of the brush + tail
    // config iff simple; exactly one axis
    passing(c, IV, IV_CAMERA, "camera-config-only-for-simple", "camera-config-single-axis");
    passing(c, IV, IV_PRESET, "camera-config-only-for-simple");
    failing(c, IV, without(IV_CAMERA, "$.camera_control.config"), "$.camera_control.config",
        "camera-config-only-for-simple");
    failing(c, IV, with(IV_PRESET, "$.camera_control.config", obj("zoom", 5)),
        "$.camera_control.config", "camera-config-only-for-simple");
    for (String axis : ZERO_AXES.keySet()) {
      passing(c, IV, with(IV_CAMERA, "$.camera_control.config", obj(axis, -0.5)),
          "camera-config-single-axis");
    }
    failing(c, IV, with(IV_CAMERA, "$.camera_control.config", ZERO_AXES), "$.camera_control.config",
        "camera-config-single-axis");
    failing(c, IV, with(IV_CAMERA, "$.camera_control.config", obj()), "$.camera_control.config",
        "camera-config-single-axis");
    failing(c, IV, with(IV_CAMERA, "$.camera_control.config.pan", 1), "$.camera_control.config",
        "camera-config-single-axis");
    // CometAPI's tighter limits
    passing(c, IV, COMET, with(IV_BASE, "$.duration", "5"), "$.duration enum@" + COMET);
    passing(c, IV, COMET, with(IV_BASE, "$.duration", "10"), "$.duration enum@" + COMET);
    failing(c, IV, COMET, with(IV_2026, "$.duration", "15"), "$.duration", "enum");
    passing(c, IV, with(IV_2026, "$.duration", "15"), "$.duration enum"); // CometAPI refuses it
  }

  // ---------------------------------------------------------------------------------------------
  // Families of cases

  /** An ImageInput field: URL and raw Base64 pass; empty, data: URI and white space fail. */
  private static void imageInput(List<Case> c, String schema, Map<String, Object> base,
      String path) {
    String template = path.replaceAll("\\[\\d+]", "[*]");
    passing(c, schema, with(base, path, URL), template + " minLength", template + " pattern");
    passing(c, schema, with(base, path, B64), template + " minLength", template + " pattern");
    passing(c, schema, with(base, path, "x"), template + " minLength", template + " pattern");
    failing(c, schema, with(base, path, ""), path, "minLength", "pattern");
    failing(c, schema, with(base, path, "data:image/png;base64," + B64), path, "pattern");
    failing(c, schema, with(base, path, "https://images.example.com/a cat.jpg"), path, "pattern");
  }

  /** Every value of the spec's enum passes; a value outside it fails. */
  private static void enumeration(List<Case> c, String schema, Map<String, Object> base,
      String path, String enumSchema, String bad, String... tolerated) {
    for (Object value : (List<?>) SchemaValidator.embedded().schema(enumSchema).get("enum")) {
      if (!"CameraMovement".equals(enumSchema) || !"simple".equals(value)) {
        passing(c, schema, with(base, path, value), path + " enum");
      }
    }
    failing(c, schema, with(base, path, bad), path, "enum", tolerated);
  }

  /**
   * An open set ({@code x-extensible-enum}): every known value passes, and so does a value this
   * client does not know (it is sent and logged, never refused).
   */
  private static void openSet(List<Case> c, String schema, Map<String, Object> base, String path,
      String setSchema) {
    List<?> known = (List<?>) SchemaValidator.embedded().schema(setSchema)
        .get(OpenVocabulary.KEYWORD);
    for (Object value : known) {
      passing(c, schema, with(base, path, value), path + " " + OpenVocabulary.KEYWORD,
          path + " minLength");
    }
    passing(c, schema, with(base, path, "kling-v9-unknown"), path + " " + OpenVocabulary.KEYWORD);
    failing(c, schema, with(base, path, ""), path, "minLength");
  }

  /** n is int32: the format's own range (the 1-9 limits come from the spec). */
  private static void count(List<Case> c, String schema, Map<String, Object> base) {
    passing(c, schema, with(base, "$.n", 1), "$.n format");
    failing(c, schema, with(base, "$.n", 3_000_000_000L), "$.n", "format", "maximum");
  }

  /** callback_url: empty or http(s) (its maxLength comes from the spec: {@link SpecDerivedCases}). */
  private static void callbackUrl(List<Case> c, String schema, Map<String, Object> base) {
    passing(c, schema, with(base, "$.callback_url", "https://hooks.example.com/k"),
        "$.callback_url pattern");
    passing(c, schema, with(base, "$.callback_url", ""), "$.callback_url pattern");
    passing(c, schema, with(base, "$.callback_url", "http://10.0.0.1:8080/cb"),
        "$.callback_url pattern");
    failing(c, schema, with(base, "$.callback_url", "ftp://hooks.example.com/k"), "$.callback_url",
        "pattern");
    failing(c, schema, with(base, "$.callback_url", "hooks.example.com/k"), "$.callback_url",
        "pattern");
    failing(c, schema, with(base, "$.callback_url", "https://hooks.example.com/a b"),
        "$.callback_url", "pattern");
  }

  /** external_task_id: the empty string means none (its maxLength comes from the spec). */
  private static void externalTaskId(List<Case> c, String schema, Map<String, Object> base) {
    passing(c, schema, with(base, "$.external_task_id", ""), "$.external_task_id maxLength");
  }

  /** Sets the four ratios; a negative down leaves down_expansion_ratio as it is in base. */
  private static Map<String, Object> ratios(Map<String, Object> base, double up, double down,
      double left, double right) {
    Map<String, Object> r = with(with(with(base, "$.up_expansion_ratio", up),
        "$.left_expansion_ratio", left), "$.right_expansion_ratio", right);
    return down < 0 ? r : with(r, "$.down_expansion_ratio", down);
  }

  // ---------------------------------------------------------------------------------------------

  private static void passing(List<Case> c, String schema, Map<String, Object> request,
      String... covers) {
    passing(c, schema, null, request, covers);
  }

  private static void passing(List<Case> c, String schema, String vendor,
      Map<String, Object> request, String... covers) {
    Set<String> keys = new LinkedHashSet<>();
    for (String k : covers) {
      keys.add(schema + " " + k);
    }
    c.add(new Case(schema, vendor, request, null, null, Set.of(), keys));
  }

  private static void failing(List<Case> c, String schema, Map<String, Object> request, String path,
      String rule, String... tolerated) {
    failing(c, schema, null, request, path, rule, tolerated);
  }

  private static void failing(List<Case> c, String schema, String vendor,
      Map<String, Object> request, String path, String rule, String... tolerated) {
    c.add(new Case(schema, vendor, request, path, rule, Set.of(tolerated),
        Set.of(key(schema, path, rule, vendor))));
  }

  /** The constraint key a failing case covers (see {@link SpecInventory}). */
  static String key(String schema, String path, String rule, String vendor) {
    String template = path.replaceAll("\\[\\d+]", "[*]");
    if (!SchemaValidator.CHECKED_KEYWORDS.contains(rule)) { // an x-rule or x-kling-rules id
      return schema + " " + rule;
    }
    if (rule.equals("additionalProperties")) {
      template = template.substring(0, Math.max(template.lastIndexOf('.'), 1));
    }
    return schema + " " + template + " " + rule + (vendor == null ? "" : "@" + vendor);
  }
}
