package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.error.ServerException;
import io.github.klingjava.generated.model.NewStandardOptions;
import io.github.klingjava.generated.model.NewStandardTextToVideoRequest;
import io.github.klingjava.vendor.VendorProfile;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new-standard create never makes the task twice: it carries an {@code options.external_task_id} (yours or
 * a generated {@code kj-} id), and after an ambiguous failure the task is looked up with
 * {@code GET /tasks?external_task_ids=} before anything is sent again.
 */
class NewStandardSubmitTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATED = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"id\":\"893605946402811985\","
      + "\"status\":\"submitted\"}}";
  private static final String SERVER_ERROR = "{\"code\":5000,\"message\":\"Server internal error\"}";
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
  void aGeneratedIdIsSentAndTheCallersRequestIsLeftAsItWas() throws Exception {
    server.enqueue(json(200, CREATED));
    NewStandardTextToVideoRequest request = new NewStandardTextToVideoRequest().prompt("A fox");
    try (KlingClient client = client()) {
      client.newStandard().textToVideo("kling-3.0").submit(request);
    }
    JsonNode sent = JSON.readTree(server.takeRequest().getBody().utf8());
    assertTrue(sent.at("/options/external_task_id").asText().startsWith("kj-"), sent.toString());
    assertNull(request.getOptions(), "the caller's request is unchanged");
  }

  @Test
  void afterA5xxTheTaskFoundByItsIdIsTheAnswerAndNothingIsResent() throws Exception {
    server.enqueue(json(500, SERVER_ERROR));
    server.enqueue(json(200, "{\"code\":0,\"message\":\"SUCCEED\",\"data\":[{\"id\":\"893605946402811985\","
        + "\"status\":\"processing\",\"external_id\":\"mine-1\"}]}"));
    try (KlingClient client = client()) {
      String id = client.newStandard().textToVideo("kling-3.0").submit(new NewStandardTextToVideoRequest()
          .prompt("A fox").options(new NewStandardOptions().externalTaskId("mine-1"))).getData().getId();
      assertEquals("893605946402811985", id);
    }
    assertEquals("POST", server.takeRequest().getMethod());
    RecordedRequest lookup = server.takeRequest();
    assertEquals("mine-1", lookup.getUrl().queryParameter("external_task_ids"));
    assertEquals(2, server.getRequestCount(), "one POST, one lookup");
  }

  @Test
  void whenTheLookupFindsNothingTheSameBodyIsSentAgainAtMostThreeTimes() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(500, SERVER_ERROR));
      server.enqueue(json(200, "{\"code\":0,\"message\":\"SUCCEED\",\"data\":[]}"));
    }
    try (KlingClient client = client()) {
      assertThrows(ServerException.class, () -> client.newStandard().textToVideo("kling-3.0")
          .submit(new NewStandardTextToVideoRequest().prompt("A fox")));
    }
    String first = null;
    int posts = 0;
    for (int i = 0; i < server.getRequestCount(); i++) {
      RecordedRequest r = server.takeRequest();
      if (r.getMethod().equals("POST")) {
        posts++;
        String body = r.getBody().utf8();
        first = first == null ? body : first;
        assertEquals(first, body, "the same external id every time");
      }
    }
    assertEquals(3, posts);
  }

  private KlingClient client() {
    return KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0004")).build();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }
}
