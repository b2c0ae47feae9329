package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.VideoMode;
import io.github.klingjava.generated.model.VideoModel;
import io.github.klingjava.validation.CapabilityMatrix;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The capability matrix is applied on the request path: an unsupported combination never leaves the process. */
final class CapabilityGateTest {
  private static final String FRAME = "https://cdn.example.test/frame.png";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private KlingClient client() {
    return KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).build();
  }

  @Test
  void anUnsupportedCombinationIsRefusedBeforeSending() {
    try (KlingClient client = client()) {
      KlingValidationException e = assertThrows(KlingValidationException.class, () -> client.imageToVideo()
          .submit(new ImageToVideoRequest().modelName(VideoModel.of("kling-v2-5-turbo")).image(FRAME)
              .imageTail(FRAME).mode(VideoMode.STD)));
      assertEquals(CapabilityMatrix.RULE, e.violations().get(0).rule());
      assertEquals("$.image_tail", e.violations().get(0).path());
      assertTrue(e.getMessage().contains("kling-v2-5-turbo does not support image_tail with mode std"), e.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anUnknownModelIsSent() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r\",\"data\":{\"task_id\":\"t-1\","
            + "\"task_status\":\"submitted\",\"created_at\":1,\"updated_at\":1}}").build());
    try (KlingClient client = client()) {
      client.imageToVideo().submit(new ImageToVideoRequest().modelName(VideoModel.of("kling-v9-not-yet-known"))
          .image(FRAME).imageTail(FRAME).mode(VideoMode.STD));
    }
    assertEquals(1, server.getRequestCount());
  }
}
