package io.github.klingjava.validation;

import static io.github.klingjava.validation.RequestConstraintsTest.B64;
import static io.github.klingjava.validation.RequestConstraintsTest.EX_DOWN;
import static io.github.klingjava.validation.RequestConstraintsTest.IG_I2I;
import static io.github.klingjava.validation.RequestConstraintsTest.IG_MULTI;
import static io.github.klingjava.validation.RequestConstraintsTest.IG_TEXT;
import static io.github.klingjava.validation.RequestConstraintsTest.IV_BASE;
import static io.github.klingjava.validation.RequestConstraintsTest.IV_CAMERA;
import static io.github.klingjava.validation.RequestConstraintsTest.IV_MASKS;
import static io.github.klingjava.validation.RequestConstraintsTest.IV_TAIL;
import static io.github.klingjava.validation.RequestConstraintsTest.MI_FULL;
import static io.github.klingjava.validation.RequestConstraintsTest.URL;
import static io.github.klingjava.validation.Trees.obj;
import static io.github.klingjava.validation.Trees.with;
import static io.github.klingjava.validation.Trees.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.error.KlingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What callers see: messages, the exception, vendors, serialization, thread safety. */
class RequestValidatorTest {

  private final RequestValidator validator = RequestValidator.create();

  @Test
  void aRequestWithThreeProblemsReportsThreeViolations() {
    Map<String, Object> request = with(with(with(IG_TEXT, "$.n", 12), "$.aspect_ratio", "5:4"),
        "$.colour", "red");
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> validator.validate(RequestValidator.IMAGE_GENERATION, request, null));
    assertEquals(3, e.violations().size(), e.getMessage());
    assertEquals(List.of("$.n maximum", "$.aspect_ratio enum", "$.colour additionalProperties"),
        e.violations().stream().map(v -> v.path() + " " + v.rule()).collect(Collectors.toList()));
    String[] lines = e.getMessage().split("\n");
    assertEquals(4, lines.length, e.getMessage());
    assertEquals("ImageGenerationRequest is invalid (3 violations):", lines[0]);
    assertEquals("  $.n: 12 is above the maximum 9 (rule maximum)", lines[1]);
    assertEquals("  $.aspect_ratio: \"5:4\" is not one of \"16:9\", \"9:16\", \"1:1\", \"4:3\","
        + " \"3:4\", \"3:2\", \"2:3\", \"21:9\" (rule enum)", lines[2]);
    assertEquals("  $.colour: property colour is not allowed in ImageGenerationRequest"
        + " (rule additionalProperties)", lines[3]);
    assertTrue(e instanceof KlingException);
    assertEquals(RequestValidator.IMAGE_GENERATION, e.subject());
  }

  @Test
  void violationsCarryPathValueAndRule() {
    Violation v = validator.check(RequestValidator.IMAGE_GENERATION, with(IG_TEXT, "$.n", 12))
        .get(0);
    assertEquals("$.n", v.path());
    assertEquals("12", v.value());
    assertEquals("maximum", v.rule());
    assertEquals("$.n: 12 is above the maximum 9 (rule maximum)", v.message());
    assertEquals(v.message(), v.toString());
  }

  @Test
  void aValidRequestHasNoViolation() {
    assertEquals(List.of(), validator.check(RequestValidator.IMAGE_GENERATION, IG_TEXT));
    validator.validate(RequestValidator.IMAGE_TO_VIDEO, IV_BASE); // does not throw
  }

  @Test
  void typeMessagesNameWhatWasSentAndWhatIsExpected() {
    assertEquals("$.duration: 5 is an integer, expected a string (rule type)",
        only(RequestValidator.IMAGE_TO_VIDEO, with(IV_BASE, "$.duration", 5)).message());
    assertEquals("$.n: 2.5 is not an integer (rule type)",
        only(RequestValidator.MULTI_IMAGE, with(MI_FULL, "$.n", 2.5)).message());
    assertEquals("$: [] is an array, expected an object (rule type)",
        only(RequestValidator.MULTI_IMAGE, List.of()).message());
  }

  @Test
  void requiredNamesTheMissingProperty() {
    assertEquals("$.image: required property image is missing (rule required)",
        only(RequestValidator.IMAGE_EXPANSION, without(EX_DOWN, "$.image")).message());
  }

  @Test
  void crossFieldRulesAreExplainedInWords() {
    Violation xor = only(RequestValidator.IMAGE_EXPANSION,
        with(EX_DOWN, "$.bottom_expansion_ratio", 0.1));
    assertEquals("down-xor-bottom-ratio", xor.rule());
    assertEquals("$", xor.path());
    assertTrue(xor.message().contains(
        "send exactly one of down_expansion_ratio and bottom_expansion_ratio"), xor.message());

    Violation neither = only(RequestValidator.IMAGE_EXPANSION,
        without(EX_DOWN, "$.down_expansion_ratio"));
    assertEquals("down-or-bottom-ratio", neither.rule());
    assertTrue(neither.message().contains("send exactly one of"), neither.message());

    Violation exclusive = only(RequestValidator.IMAGE_TO_VIDEO,
        with(with(IV_MASKS, "$.image_tail", URL), "$.camera_control",
            IV_CAMERA.get("camera_control")));
    assertEquals("tail-masks-camera-exclusive", exclusive.rule());
    assertEquals("$: image_tail, static_mask, dynamic_masks and camera_control were sent together;"
        + " image_tail, static_mask/dynamic_masks and camera_control are mutually exclusive:"
        + " use at most one of the three (rule tail-masks-camera-exclusive)", exclusive.message());
    assertEquals("image_tail, static_mask, dynamic_masks, camera_control", exclusive.value());

    Violation noPrompt = only(RequestValidator.IMAGE_GENERATION, without(IG_TEXT, "$.prompt"));
    assertEquals("$: none of prompt, subject_image_list was sent; send prompt, or"
        + " subject_image_list for the multi-subject variant (rule prompt-or-subjects)",
        noPrompt.message());

    Violation reference = only(RequestValidator.IMAGE_GENERATION, without(IG_I2I, "$.image"));
    assertEquals("$: image_reference was sent without image; image_reference applies to"
        + " image-to-image only: send image with it (rule image-reference-needs-image)",
        reference.message());

    Violation subjects = only(RequestValidator.IMAGE_GENERATION, with(IG_MULTI, "$.image", URL));
    assertTrue(subjects.message().startsWith("$: image and subject_image_list were sent together;"
        + " the multi-subject variant"), subjects.message());
  }

  @Test
  void customRuleMessagesShowTheComputation() {
    Violation area = only(RequestValidator.IMAGE_EXPANSION, with(with(EX_DOWN,
        "$.up_expansion_ratio", 0.5), "$.left_expansion_ratio", 1));
    assertEquals("$: the expanded image would be 3.36 times the original area ((1 + up 0.5 +"
        + " down 0.1) x (1 + left 1 + right 0.1)); it may be at most 3 times"
        + " (rule expansion-area-at-most-3x)", area.message());
    assertEquals("3.36", area.value());

    Violation axes = only(RequestValidator.IMAGE_TO_VIDEO,
        with(IV_CAMERA, "$.camera_control.config.pan", -2));
    assertEquals("camera-config-single-axis", axes.rule());
    assertTrue(axes.message().contains("moves along 2 axes (pan -2, zoom 5)"), axes.message());
  }

  @Test
  void longValuesAreAbbreviatedInValueAndMessage() {
    String dataUri = "data:image/png;base64," + B64.repeat(200);
    Violation v = only(RequestValidator.IMAGE_TO_VIDEO, with(IV_BASE, "$.image", dataUri));
    assertEquals("pattern", v.rule());
    assertEquals("\"data:image/png;base64,iVBORw0KGgoAAAANSU…\" (" + dataUri.length()
        + " characters)", v.value());
    assertTrue(v.message().length() < 200, v.message());
    assertEquals("$.image: " + v.value() + " does not match the pattern"
        + " ^(?![dD][aA][tT][aA]:)(https?://\\S+|[A-Za-z0-9+/]+={0,2})$ of ImageInput (rule pattern)", v.message());
  }

  @Test
  void patternsJudgeLikePrismsEcmaScriptRegexNotLikeJava() {
    // Java's $ would accept a final newline and its \S a no-break space; Prism's would not
    assertEquals("pattern", only(RequestValidator.IMAGE_TO_VIDEO,
        with(IV_BASE, "$.callback_url", "https://hooks.example.com/v\n")).rule());
    assertEquals("pattern", only(RequestValidator.IMAGE_TO_VIDEO,
        with(IV_BASE, "$.image", "https://images.example.com/a\u00A0cat.jpg")).rule());
    assertEquals("pattern", only(RequestValidator.IMAGE_TO_VIDEO,
        with(IV_BASE, "$.image", "\uFEFF" + B64)).rule());
  }

  @Test
  void aNearMissOfAPropertyNameIsSuggested() {
    Violation v = only(RequestValidator.IMAGE_GENERATION, with(IG_MULTI, "$.scene_image", URL));
    assertEquals("$.scene_image: property scene_image is not allowed in ImageGenerationRequest"
        + " (did you mean scence_image?) (rule additionalProperties)", v.message());
    Violation nested = only(RequestValidator.MULTI_IMAGE,
        with(MI_FULL, "$.subject_image_list[0].subject_imag", URL));
    assertTrue(nested.message().contains("did you mean subject_image?"), nested.message());
  }

  @Test
  void vendorLimitsApplyOnlyForThatVendorWhateverItsCase() {
    Map<String, Object> request = with(IV_BASE, "$.prompt", "p".repeat(501));
    assertEquals(List.of(), validator.check(RequestValidator.IMAGE_TO_VIDEO, request, null));
    assertEquals(List.of(), validator.check(RequestValidator.IMAGE_TO_VIDEO, request, ""));
    assertEquals(List.of(), validator.check(RequestValidator.IMAGE_TO_VIDEO, request, "anyapi"));
    for (String vendor : List.of("cometapi", "CometAPI", " cometapi ")) {
      List<Violation> found = validator.check(RequestValidator.IMAGE_TO_VIDEO, request, vendor);
      assertEquals(1, found.size(), vendor);
      assertEquals("$.prompt: \"" + "p".repeat(40) + "…\" (501 characters) is longer than the"
          + " maximum length 500, the limit cometapi documents (rule maxLength)",
          found.get(0).message());
    }
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> validator.validate(RequestValidator.IMAGE_TO_VIDEO, request, "CometAPI"));
    assertEquals("ImageToVideoRequest for cometapi", e.subject());
  }

  @Test
  void nullFieldsAreLeftOutAsOnTheWire() {
    Map<String, Object> request = new HashMap<>(IV_TAIL);
    request.put("camera_control", null);
    request.put("static_mask", null);
    assertEquals(List.of(), validator.check(RequestValidator.IMAGE_TO_VIDEO, request));
  }

  @Test
  void aRequestThatCannotBeWrittenAsJsonIsOneViolation() {
    Map<String, Object> request = with(IV_BASE, "$.cfg_scale", Double.NaN);
    Violation v = only(RequestValidator.IMAGE_TO_VIDEO, request);
    assertEquals("json", v.rule());
    assertEquals("$", v.path());
  }

  @Test
  void anUnknownSchemaIsAProgrammingError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> validator.check("NoSuchRequest", obj(), null));
    assertTrue(e.getMessage().contains("ImageToVideoRequest"), e.getMessage());
  }

  @Test
  void theSpecIsLoadedOnceAndSharedAcrossThreads() throws Exception {
    assertSame(SchemaValidator.embedded(), SchemaValidator.embedded());
    Map<String, Object> bad = with(IG_TEXT, "$.n", 12);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Violation>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        RequestValidator own = RequestValidator.create();
        results.add(pool.submit(() -> own.check(RequestValidator.IMAGE_GENERATION, bad)));
      }
      for (Future<List<Violation>> f : results) {
        assertEquals("maximum", f.get().get(0).rule());
        assertEquals(1, f.get().size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theExceptionNeedsAtLeastOneViolation() {
    assertThrows(IllegalArgumentException.class,
        () -> new KlingValidationException("x", List.of()));
    KlingValidationException one = new KlingValidationException("cat.png",
        List.of(new Violation("cat.png", "200 px", "minWidth", "cat.png: too narrow")));
    assertEquals("cat.png is invalid (1 violation):\n  cat.png: too narrow", one.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> one.violations().clear());
    assertFalse(one.violations().isEmpty());
  }

  private Violation only(String schema, Object request) {
    List<Violation> found = validator.check(schema, request, null);
    assertEquals(1, found.size(), found::toString);
    return found.get(0);
  }
}
