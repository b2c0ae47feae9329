package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.CameraConfig;
import io.github.klingjava.generated.model.CameraControl;
import io.github.klingjava.generated.model.CameraMovement;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.VideoMode;
import io.github.klingjava.generated.model.VideoModel;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests Kling documents as valid go out, with validation on (the builder's default): an
 * unknown model, a tail-only request, an empty motion brush, properties newer than the spec.
 */
class OpenRequestsTest {
  private static final String KEY = "test-key-not-a-secret-0001";
  private static final String OK = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"1\","
      + "\"task_status\":\"submitted\",\"created_at\":1,\"updated_at\":1}}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anUnknownModelIsSentWithValidationOnAndLoggedOnce() throws Exception {
    Logger logger = Logger.getLogger("io.github.klingjava.validation.OpenVocabulary");
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(capture);
    logger.setLevel(Level.ALL);
    try {
      JsonNode sent = send(new ImageToVideoRequest().image("https://example.com/a.jpg")
          .modelName(VideoModel.of("kling-v9")));
      assertEquals("kling-v9", sent.path("model_name").asText());
      // a name no other test uses, so the once-per-value log is counted from zero
      String newer = "kling-v9-" + System.nanoTime();
      ImageToVideoRequest request = new ImageToVideoRequest().image("https://example.com/a.jpg")
          .modelName(VideoModel.of(newer)).mode(VideoMode.of("ultra"));
      JsonNode first = send(request);
      JsonNode second = send(request);
      assertEquals(newer, first.path("model_name").asText());
      assertEquals("ultra", first.path("mode").asText());
      assertEquals(first, second);
      // SLF4J hands java.util.logging the formatted line
      long lines = records.stream().filter(r -> r.getMessage().contains(newer)).count();
      assertEquals(1, lines, "one log line per unknown value, however often it is sent");
      assertTrue(records.stream().anyMatch(r -> r.getMessage().startsWith("VideoModel \"" + newer)),
          () -> records.stream().map(LogRecord::getMessage).collect(java.util.stream.Collectors.toList()).toString());
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void aTailOnlyRequestIsAcceptedAndSent() throws Exception {
    // mode pro: kling-v2-1 takes an end frame only in pro (the spec's x-kling-capabilities)
    JsonNode sent = send(new ImageToVideoRequest().modelName(VideoModel.KLING_V2_1).mode(VideoMode.PRO)
        .imageTail("https://example.com/end.jpg").prompt("Ends on the bridge"));
    assertEquals("https://example.com/end.jpg", sent.path("image_tail").asText());
    assertTrue(sent.path("image").isMissingNode());
  }

  @Test
  void anEmptyMotionBrushIsAcceptedBesideAnEndFrame() throws Exception {
    JsonNode sent = send(new ImageToVideoRequest().image("https://example.com/a.jpg")
        .imageTail("https://example.com/b.jpg").dynamicMasks(List.of()));
    assertEquals(0, sent.path("dynamic_masks").size());
    assertTrue(sent.path("dynamic_masks").isArray());
  }

  @Test
  void additionalPropertiesAreSentVerbatim() throws Exception {
    JsonNode sent = send(new ImageToVideoRequest().image("https://example.com/a.jpg")
        .putAdditionalProperty("future_flag", "off")
        .putAdditionalProperty("future_object", Map.of("depth", List.of(1, 2.5, "x")))
        .putAdditionalProperty("prompt", "ignored: a declared name is set through its field"));
    assertEquals("off", sent.path("future_flag").asText());
    assertEquals(JSON.readTree("{\"depth\":[1,2.5,\"x\"]}"), sent.path("future_object"));
    assertTrue(sent.path("prompt").isMissingNode(), sent.toString());
  }

  @Test
  void additionalPropertiesOfNestedModelsAreSentVerbatim() throws Exception {
    CameraConfig config = new CameraConfig().zoom(5f);
    config.putAdditionalProperty("future_axis", 2);
    CameraControl camera = new CameraControl().type(CameraMovement.SIMPLE).config(config);
    camera.putAdditionalProperty("future_curve", "ease-in");
    JsonNode sent = send(new ImageToVideoRequest().image("https://example.com/a.jpg")
        .cameraControl(camera));
    assertEquals(2, sent.path("camera_control").path("config").path("future_axis").asInt(), sent.toString());
    assertEquals("ease-in", sent.path("camera_control").path("future_curve").asText(), sent.toString());
  }

  @Test
  void aTypoInADeclaredNestedModelIsStillRefused() {
    CameraConfig config = new CameraConfig().zoom(50f); // out of range: the spec still judges declared fields
    config.putAdditionalProperty("future_axis", 2);
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> send(new ImageToVideoRequest().image("https://example.com/a.jpg")
            .cameraControl(new CameraControl().type(CameraMovement.SIMPLE).config(config))));
    assertTrue(e.getMessage().contains("$.camera_control.config.zoom"), e.getMessage());
    assertFalse(e.getMessage().contains("future_axis"), e.getMessage());
  }

  @Test
  void theLegacyModelFieldIsSentAsGiven() throws Exception {
    JsonNode sent = send(new ImageToVideoRequest().image("https://example.com/a.jpg")
        .model("kling-v1"));
    assertEquals("kling-v1", sent.path("model").asText());
  }

  private JsonNode send(ImageToVideoRequest request) throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type",
        "application/json").body(OK).build());
    try (KlingClient client = KlingClient.builder().externalTaskIds(false)
        .vendor(VendorProfile.klingSingapore().withBaseUrl(server.url("/").toString()))
        .credentials(Credentials.apiKey(KEY)).build()) {
      client.imageToVideo().submit(request);
    }
    return JSON.readTree(server.takeRequest().getBody().utf8());
  }
}
