package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.IdentifyFaceRequest;
import io.github.klingjava.generated.model.IdentifyFaceResponse;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A task family's synchronous steps (identify-face before a lip-sync) have typed calls of their own,
 * generated from the spec's {@code x-kling-operation: call}, beside the family's task service.
 */
class SessionStepCallsTest {
  private static final String ANSWER = "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r-1\","
      + "\"data\":{\"session_id\":\"s-1\",\"final_unit_deduction\":\"0.05\",\"face_data\":[{\"face_id\":\"0\","
      + "\"face_image\":\"https://example.com/f.png\",\"start_time\":0,\"end_time\":5200}]}}";

  @Test
  void identifyFaceIsATypedCallOfTheLipSyncFamily() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(ANSWER).build());
      try (KlingClient client = client(server)) {
        IdentifyFaceResponse answer = client.lipSyncCalls().identifyFace(
            new IdentifyFaceRequest().videoUrl("https://example.com/talk.mp4"));
        assertEquals("s-1", answer.getData().getSessionId());
      }
      RecordedRequest sent = server.takeRequest();
      assertEquals("POST", sent.getMethod());
      assertEquals("/v1/videos/identify-face", sent.getUrl().encodedPath());
      assertEquals("{\"video_url\":\"https://example.com/talk.mp4\"}", sent.getBody().utf8());
    }
  }

  @Test
  void aStepBreakingTheSpecIsRefusedBeforeSending() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      try (KlingClient client = client(server)) {
        // video_id and video_url together: the spec's video-id-xor-url rule
        assertThrows(KlingValidationException.class, () -> client.lipSyncCalls().identifyFace(
            new IdentifyFaceRequest().videoUrl("https://example.com/a.mp4").videoId("v-1")));
      }
      assertEquals(0, server.getRequestCount());
    }
  }

  private static KlingClient client(MockWebServer server) {
    return KlingClient.builder().externalTaskIds(false)
        .vendor(VendorProfile.klingSingapore().withBaseUrl(server.url("/").toString()))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).build();
  }
}
