package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.task.SubmitOutcome;
import io.github.klingjava.vendor.VendorProfile;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Every submit carries an external_task_id; the user's request object is never changed. */
class ExternalTaskIdTest {

  @Test
  void aSubmitWithoutAnIdGetsAGeneratedOneAndTheRequestObjectStaysAsItWas() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(ok());
      server.enqueue(ok());
      server.start();
      ImageGenerationRequest request = new ImageGenerationRequest().prompt("a fox");
      try (KlingClient client = client(server, true)) {
        SubmitOutcome first = client.imageGeneration().submitWithOutcome(request);
        SubmitOutcome second = client.imageGeneration().submitWithOutcome(request);
        assertEquals(SubmitOutcome.Kind.CREATED, first.kind());
        assertEquals(1, first.submits());
        assertTrue(first.externalTaskId().orElseThrow().startsWith("kj-"));
        assertFalse(first.externalTaskId().equals(second.externalTaskId()), "one id per submit");
      }
      assertNull(request.getExternalTaskId(), "the caller's object is unchanged");
      RecordedRequest sent = server.takeRequest();
      assertTrue(sent.getBody().utf8().contains("\"external_task_id\":\"kj-"), sent.getBody().utf8());
    }
  }

  @Test
  void yourOwnIdIsSentAsGivenAndOptingOutSendsNone() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(ok());
      server.enqueue(ok());
      server.start();
      try (KlingClient client = client(server, false)) {
        client.imageGeneration().submit(new ImageGenerationRequest().prompt("a").externalTaskId("order-1"));
        client.imageGeneration().submit(new ImageGenerationRequest().prompt("b"));
      }
      assertTrue(server.takeRequest().getBody().utf8().contains("\"external_task_id\":\"order-1\""));
      assertFalse(server.takeRequest().getBody().utf8().contains("external_task_id"));
    }
  }

  private static KlingClient client(MockWebServer server, boolean generate) {
    return KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).externalTaskIds(generate).build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).body(SpecExampleFixtures.example("task.images.submitted")
        .toString()).build();
  }
}
