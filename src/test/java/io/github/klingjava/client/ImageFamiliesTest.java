package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.AiMultiShotRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageRecognizeRequest;
import io.github.klingjava.generated.model.ImageRecognizeResponse;
import io.github.klingjava.generated.model.ImageResultType;
import io.github.klingjava.generated.model.OmniImageAspectRatio;
import io.github.klingjava.generated.model.OmniImageModel;
import io.github.klingjava.generated.model.OmniImageRequest;
import io.github.klingjava.generated.model.OmniImageResolution;
import io.github.klingjava.generated.model.RecognizedRegionType;
import io.github.klingjava.generated.model.ReferenceImage;
import io.github.klingjava.generated.model.ResultImage;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.VirtualTryOnModel;
import io.github.klingjava.generated.model.VirtualTryOnRequest;
import io.github.klingjava.validation.CapabilityMatrix;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 part 1a: the image families the spec added (omni-image, virtual try-on, AI multi-shot, image
 * recognition) through their generated typed accessors on a real client, against a loopback MockWebServer:
 * routes, bodies as sent, the series and multi-shot result shapes, and the rules the spec gives them.
 */
final class ImageFamiliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IMAGE = "https://cdn.example.test/person.png";
  private static final String TASK = "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r-1\","
      + "\"data\":{\"task_id\":\"t-1\",\"task_status\":\"%s\",\"created_at\":1,\"updated_at\":1%s}}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private KlingClient client() {
    return KlingClient.builder().vendor(VendorProfile.custom(server.url("/kling/").toString()))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).externalTaskIds(false).build();
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build());
  }

  private static JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.getBody().utf8());
  }

  @Test
  void omniImageSubmitsGetsAndListsThroughItsTypedAccessor() throws Exception {
    answer(TASK.formatted("submitted", ""));
    answer(TASK.formatted("succeed", ",\"task_result\":{\"result_type\":\"series\",\"series_images\":["
        + "{\"index\":0,\"url\":\"https://cdn.example.test/s0.png\"},{\"index\":1,\"url\":\"https://cdn.example.test/s1.png\"}]}"));
    answer("{\"code\":0,\"message\":\"SUCCEED\",\"data\":[]}");
    try (KlingClient client = client()) {
      String id = client.omniImage().submit(new OmniImageRequest().modelName(OmniImageModel.KLING_V3_OMNI)
          .prompt("A cover for <<<image_1>>>").imageList(List.of(new ReferenceImage().image(IMAGE)))
          .resultType(ImageResultType.SERIES).seriesAmount("auto").aspectRatio(OmniImageAspectRatio.RATIO_16_9))
          .getData().getTaskId();
      Task done = client.omniImage().get(id).getData();
      TaskListResponse page = client.omniImage().list(2, 50);

      assertEquals(ImageResultType.SERIES, done.getTaskResult().getResultType());
      assertEquals("https://cdn.example.test/s1.png", done.getTaskResult().getSeriesImages().get(1).getUrl());
      assertEquals(List.of(), page.getData());
    }
    RecordedRequest submit = server.takeRequest();
    assertEquals("POST /kling/v1/images/omni-image", submit.getMethod() + " " + submit.getUrl().encodedPath());
    assertEquals(JSON.readTree("{\"model_name\":\"kling-v3-omni\",\"prompt\":\"A cover for <<<image_1>>>\","
        + "\"image_list\":[{\"image\":\"" + IMAGE + "\"}],\"result_type\":\"series\",\"series_amount\":\"auto\","
        + "\"aspect_ratio\":\"16:9\"}"), body(submit));
    assertEquals("/kling/v1/images/omni-image/t-1", server.takeRequest().getUrl().encodedPath());
    RecordedRequest list = server.takeRequest();
    assertEquals("/kling/v1/images/omni-image?pageNum=2&pageSize=50",
        list.getUrl().encodedPath() + "?" + list.getUrl().encodedQuery());
  }

  @Test
  void seriesAmountIsAnIntegerOrAuto() throws Exception {
    answer(TASK.formatted("submitted", ""));
    try (KlingClient client = client()) {
      client.omniImage().submit(new OmniImageRequest().modelName(OmniImageModel.KLING_V3_OMNI).prompt("p")
          .resultType(ImageResultType.SERIES).seriesAmount(4));
      for (Object refused : List.of(10, 1, "many")) {
        KlingValidationException e = assertThrows(KlingValidationException.class, () -> client.omniImage()
            .submit(new OmniImageRequest().prompt("p").resultType(ImageResultType.SERIES).seriesAmount(refused)));
        assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("$.series_amount")), e.getMessage());
      }
    }
    assertEquals(4, body(server.takeRequest()).path("series_amount").intValue());
    assertEquals(1, server.getRequestCount(), "a refused amount is never sent");
  }

  @Test
  void seriesAmountAutoIsSentOnImageGeneration() throws Exception {
    answer(TASK.formatted("submitted", ""));
    try (KlingClient client = client()) {
      client.imageGeneration().submit(new ImageGenerationRequest().prompt("Four seasons of one lake")
          .resultType(ImageResultType.SERIES).seriesAmount("auto"));
    }
    RecordedRequest sent = server.takeRequest();
    assertEquals("/kling/v1/images/generations", sent.getUrl().encodedPath());
    assertEquals("auto", body(sent).path("series_amount").asText());
    assertEquals("series", body(sent).path("result_type").asText());
  }

  @Test
  void theCapabilityMatrixHoldsOmniImageModels() {
    try (KlingClient client = client()) {
      KlingValidationException fourK = assertThrows(KlingValidationException.class, () -> client.omniImage()
          .submit(new OmniImageRequest().modelName(OmniImageModel.KLING_IMAGE_O1).prompt("p")
              .resolution(OmniImageResolution.RES_4K)));
      assertEquals(CapabilityMatrix.RULE, fourK.violations().get(0).rule());
      assertTrue(fourK.getMessage().contains("kling-image-o1"), fourK.getMessage());
      // no model_name: the route's default model (kling-image-o1) is held to its row
      KlingValidationException series = assertThrows(KlingValidationException.class, () -> client.omniImage()
          .submit(new OmniImageRequest().prompt("p").resultType(ImageResultType.SERIES)));
      assertEquals(CapabilityMatrix.RULE, series.violations().get(0).rule());
      assertEquals("$.result_type", series.violations().get(0).path());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void virtualTryOnSendsTheTableFieldsAndQueriesByTaskId() throws Exception {
    answer(TASK.formatted("submitted", ""));
    answer(TASK.formatted("succeed", ",\"task_result\":{\"images\":[{\"index\":0,\"url\":\"https://cdn.example.test/t.png\"}]}"));
    try (KlingClient client = client()) {
      client.virtualTryOn().submit(new VirtualTryOnRequest().modelName(VirtualTryOnModel.KOLORS_VIRTUAL_TRY_ON_V1_5)
          .humanImage(IMAGE));
      assertEquals("https://cdn.example.test/t.png",
          client.virtualTryOn().get("t-1").getData().getTaskResult().getImages().get(0).getUrl());
      assertThrows(KlingValidationException.class, () -> client.virtualTryOn().submit(new VirtualTryOnRequest()));
    }
    RecordedRequest submit = server.takeRequest();
    assertEquals("POST /kling/v1/images/kolors-virtual-try-on", submit.getMethod() + " " + submit.getUrl().encodedPath());
    assertEquals(JSON.readTree("{\"model_name\":\"kolors-virtual-try-on-v1-5\",\"human_image\":\"" + IMAGE + "\"}"),
        body(submit));
    assertEquals("/kling/v1/images/kolors-virtual-try-on/t-1", server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void aMultiShotAnswerWithoutUrlIsReadWithItsViews() throws Exception {
    answer(TASK.formatted("submitted", ""));
    answer(TASK.formatted("succeed", ",\"task_result\":{\"images\":[{\"index\":0,\"url_1\":\"https://cdn.example.test/1.png\","
        + "\"url_2\":\"https://cdn.example.test/2.png\",\"url_3\":\"https://cdn.example.test/3.png\"}]}"));
    try (KlingClient client = client()) {
      client.aiMultiShot().submit(new AiMultiShotRequest().elementFrontalImage(IMAGE));
      ResultImage views = client.aiMultiShot().get("t-1").getData().getTaskResult().getImages().get(0);
      assertNull(views.getUrl(), "Kling's multi-shot page sends no url (I08)");
      assertEquals(List.of("https://cdn.example.test/1.png", "https://cdn.example.test/2.png",
          "https://cdn.example.test/3.png"), List.of(views.getUrl1(), views.getUrl2(), views.getUrl3()));
    }
    RecordedRequest submit = server.takeRequest();
    assertEquals("POST /kling/v1/general/ai-multi-shot", submit.getMethod() + " " + submit.getUrl().encodedPath());
    assertEquals(JSON.readTree("{\"element_frontal_image\":\"" + IMAGE + "\"}"), body(submit));
    assertEquals("/kling/v1/general/ai-multi-shot/t-1", server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void imageRecognitionIsATypedSyncCall() throws Exception {
    answer("{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_result\":{\"images\":["
        + "{\"type\":\"head_seg\",\"is_contain\":true},{\"type\":\"cloth_seg\",\"is_contain\":false}]}}}");
    try (KlingClient client = client()) {
      ImageRecognizeResponse regions = client.imageRecognition().recognizeImage(new ImageRecognizeRequest().image(IMAGE));
      assertEquals(RecognizedRegionType.HEAD_SEG, regions.getData().getTaskResult().getImages().get(0).getType());
      assertFalse(regions.getData().getTaskResult().getImages().get(1).getIsContain());
      assertThrows(KlingValidationException.class,
          () -> client.imageRecognition().recognizeImage(new ImageRecognizeRequest().image("data:image/png;base64,AAAA")));
    }
    RecordedRequest sent = server.takeRequest();
    assertEquals("POST /kling/v1/videos/image-recognize", sent.getMethod() + " " + sent.getUrl().encodedPath());
    assertEquals(JSON.readTree("{\"image\":\"" + IMAGE + "\"}"), body(sent));
    assertEquals(1, server.getRequestCount());
  }
}
