package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.klingjava.generated.model.AspectRatio;
import io.github.klingjava.generated.model.CameraConfig;
import io.github.klingjava.generated.model.CameraControl;
import io.github.klingjava.generated.model.CameraMovement;
import io.github.klingjava.generated.model.DynamicMask;
import io.github.klingjava.generated.model.ElementRef;
import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageModel;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.MultiImageRequest;
import io.github.klingjava.generated.model.SubjectImage;
import io.github.klingjava.generated.model.TrajectoryPoint;
import io.github.klingjava.generated.model.VideoDuration;
import io.github.klingjava.generated.model.VideoModel;
import io.github.klingjava.generated.model.VideoMode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated models are validated by what they put on the wire: KlingMoshi's snake_case names,
 * null fields left out, open enums keeping values the spec does not list.
 */
class RequestValidatorModelTest {

  private static final String URL = RequestConstraintsTest.URL;
  private final RequestValidator validator = RequestValidator.create();

  @Test
  void validModelsPass() {
    validator.validate(RequestValidator.IMAGE_GENERATION, new ImageGenerationRequest()
        .modelName(ImageModel.KLING_V2_1).prompt("A fox").n(9).aspectRatio(AspectRatio.RATIO_21_9)
        .elementList(List.of(new ElementRef().elementId(Long.MAX_VALUE))), null);
    validator.validate(RequestValidator.MULTI_IMAGE, new MultiImageRequest()
        .subjectImageList(List.of(new SubjectImage().subjectImage(URL))), "cometapi");
    validator.validate(RequestValidator.IMAGE_EXPANSION, new ImageExpansionRequest().image(URL)
        .upExpansionRatio(0.1495f).downExpansionRatio(0.1495f).leftExpansionRatio(0.6547f)
        .rightExpansionRatio(0.6547f), null);
    validator.validate(RequestValidator.IMAGE_TO_VIDEO, new ImageToVideoRequest().image(URL)
        .mode(VideoMode.PRO).duration(VideoDuration.SECONDS_10).cfgScale(0.5f)
        .staticMask(URL).dynamicMasks(List.of(new DynamicMask().mask(URL).trajectories(List.of(
            new TrajectoryPoint().x(279).y(219), new TrajectoryPoint().x(417).y(65))))),
        "cometapi");
  }

  @Test
  void modelViolationsUseWireNames() {
    ImageGenerationRequest request = new ImageGenerationRequest().prompt("A fox").n(12)
        .aspectRatio(AspectRatio.of("5:4")).imageReference(null).humanFidelity(1.5f);
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> validator.validate(RequestValidator.IMAGE_GENERATION, request, null));
    // Moshi writes a model's fields in name order; violations follow the JSON
    assertEquals(List.of("$.aspect_ratio enum", "$.human_fidelity maximum", "$.n maximum"),
        e.violations().stream().map(v -> v.path() + " " + v.rule()).collect(Collectors.toList()));
    assertEquals("$.n: 12 is above the maximum 9 (rule maximum)", e.violations().get(2).message());
    assertEquals("$.human_fidelity: 1.5 is above the maximum 1 (rule maximum)",
        e.violations().get(1).message());
  }

  @Test
  void aValueOutsideAClosedEnumIsRejected() {
    List<Violation> found = validator.check(RequestValidator.IMAGE_TO_VIDEO,
        new ImageToVideoRequest().image(URL).modelName(VideoModel.KLING_V3)
            .duration(VideoDuration.of("20")), null);
    assertEquals(1, found.size());
    assertEquals("$.duration", found.get(0).path());
    assertEquals("enum", found.get(0).rule());
    List<Violation> comet = validator.check(RequestValidator.IMAGE_TO_VIDEO,
        new ImageToVideoRequest().image(URL).modelName(VideoModel.KLING_V3)
            .duration(VideoDuration.SECONDS_15), "cometapi");
    assertEquals("$.duration: \"15\" is not one of \"5\", \"10\", the limit cometapi documents"
        + " (rule enum)", comet.get(0).message());
  }

  @Test
  void crossFieldAndCustomRulesApplyToModels() {
    CameraControl twoAxes = new CameraControl().type(CameraMovement.SIMPLE)
        .config(new CameraConfig().pan(1f).zoom(5f));
    List<Violation> found = validator.check(RequestValidator.IMAGE_TO_VIDEO,
        new ImageToVideoRequest().image(URL).imageTail(URL).cameraControl(twoAxes), null);
    assertEquals(List.of("$.camera_control.config camera-config-single-axis",
        "$ tail-masks-camera-exclusive"),
        found.stream().map(v -> v.path() + " " + v.rule()).collect(Collectors.toList()));

    List<Violation> area = validator.check(RequestValidator.IMAGE_EXPANSION,
        new ImageExpansionRequest().image(URL).upExpansionRatio(1f).bottomExpansionRatio(1f)
            .leftExpansionRatio(0f).rightExpansionRatio(0.5f), null);
    assertEquals(1, area.size(), area::toString);
    assertEquals("$: the expanded image would be 4.5 times the original area ((1 + up 1 +"
        + " bottom 1) x (1 + left 0 + right 0.5)); it may be at most 3 times"
        + " (rule expansion-area-at-most-3x)", area.get(0).message());
  }

  @Test
  void aMissingRequiredModelFieldIsReported() {
    List<Violation> found = validator.check(RequestValidator.MULTI_IMAGE,
        new MultiImageRequest().prompt("no subjects"), null);
    assertEquals("$.subject_image_list: required property subject_image_list is missing"
        + " (rule required)", found.get(0).message());
  }
}
