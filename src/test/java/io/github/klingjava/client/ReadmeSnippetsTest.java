package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.klingjava.generated.model.AspectRatio;
import io.github.klingjava.generated.model.CameraConfig;
import io.github.klingjava.generated.model.CameraControl;
import io.github.klingjava.generated.model.CameraMovement;
import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageModel;
import io.github.klingjava.generated.model.ImageReference;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.MultiImageModel;
import io.github.klingjava.generated.model.MultiImageRequest;
import io.github.klingjava.generated.model.SubjectImage;
import io.github.klingjava.generated.model.VideoDuration;
import io.github.klingjava.generated.model.VideoMode;
import io.github.klingjava.generated.model.VideoModel;
import io.github.klingjava.validation.RequestValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's per-family requests, written as there, compile and pass validation for every vendor. */
class ReadmeSnippetsTest {
  private static final RequestValidator VALIDATOR = RequestValidator.create();
  private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4//8/w38GIAXDIBKE0DHxgljNBAAO9TXL0Y4OHwAAAABJRU5ErkJggg==";

  @Test
  void imageGeneration() {
    valid(RequestValidator.IMAGE_GENERATION, new ImageGenerationRequest()
        .modelName(ImageModel.KLING_V2_1)
        .prompt("A red fox in fresh snow, morning light")
        .negativePrompt("blurry, text")
        .image(PNG)
        .imageReference(ImageReference.SUBJECT)
        .n(2)
        .aspectRatio(AspectRatio.RATIO_21_9)
        .externalTaskId("order-1042"));
  }

  @Test
  void multiImage() {
    valid(RequestValidator.MULTI_IMAGE, new MultiImageRequest()
        .modelName(MultiImageModel.KLING_V2_1)
        .prompt("The two characters share a picnic")
        .subjectImageList(List.of(
            new SubjectImage().subjectImage("https://example.com/a.png"),
            new SubjectImage().subjectImage("https://example.com/b.png")))
        .sceneImage("https://example.com/park.jpg")
        .styleImage("https://example.com/watercolor.png")
        .aspectRatio(AspectRatio.RATIO_3_2));
  }

  @Test
  void imageExpansion() {
    valid(RequestValidator.IMAGE_EXPANSION, new ImageExpansionRequest()
        .image("https://example.com/cat.jpg")
        .upExpansionRatio(0.1495f).downExpansionRatio(0.1495f)
        .leftExpansionRatio(0.6547f).rightExpansionRatio(0.6547f)
        .prompt("Keep the focus on the centre")
        .n(1));
  }

  @Test
  void imageToVideo() {
    valid(RequestValidator.IMAGE_TO_VIDEO, new ImageToVideoRequest()
        .modelName(VideoModel.KLING_V1_5)
        .mode(VideoMode.PRO)
        .image("https://example.com/start.jpg")
        .prompt("Slow push in")
        .cameraControl(new CameraControl().type(CameraMovement.SIMPLE).config(new CameraConfig().zoom(5f)))
        .duration(VideoDuration.SECONDS_10)
        .callbackUrl("https://hooks.example.com/kling?token=s3cr3t"));
  }

  private static void valid(String schema, Object request) {
    for (String vendor : List.of("cometapi", "anyapi", "kling-singapore")) {
      assertEquals(List.of(), VALIDATOR.check(schema, request, vendor), schema + " for " + vendor);
    }
  }
}
