package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.RateLimitException;
import io.github.klingjava.error.UnexpectedResponseException;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.vendor.VendorProfile;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A 2xx is a complete typed result or a typed exception carrying the raw body; never a null. */
class NoHalfAnswersTest {
  private static final String KEY = "test-key-not-a-secret-0001";
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
  void a200WithoutDataIsATypedErrorCarryingTheRawBody() {
    String body = "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"req-1\"}";
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> submit(body));
    assertEquals(body, e.rawBody());
    assertEquals(200, e.httpStatus());
    assertEquals("req-1", e.requestId());
    assertTrue(e.getMessage().contains("$.data is missing"), e.getMessage());
    assertEquals(Optional.empty(), e.taskId());
  }

  @Test
  void a200WithNullDataOrATaskWithoutTaskIdIsATypedError() {
    assertThrows(UnexpectedResponseException.class,
        () -> submit("{\"code\":0,\"message\":\"SUCCEED\",\"data\":null}"));
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> submit("{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_status\":\"submitted\","
            + "\"created_at\":1,\"updated_at\":1}}"));
    assertTrue(e.getMessage().contains("$.data.task_id is missing"), e.getMessage());
    assertThrows(UnexpectedResponseException.class, () -> submit("null"));
  }

  @Test
  void a200With1303IsTheRateLimitError() {
    String body = "{\"code\":1303,\"message\":\"parallel task over resource pack limit\","
        + "\"request_id\":\"9984d27b-a408-4073-ae28-17ca6a13622d\"}";
    RateLimitException e = assertThrows(RateLimitException.class, () -> submit(body));
    assertEquals(1303, e.businessCode());
    assertEquals(body, e.rawBody());
    assertTrue(e.isRetryable());
  }

  @Test
  void aNonNumericCodeIsReadableFromTheException() {
    for (String code : new String[] {"success", "task_failed"}) {
      String body = "{\"code\":\"" + code + "\",\"message\":\"\",\"data\":{\"task_id\":\"42\"}}";
      KlingApiException e = assertThrows(UnexpectedResponseException.class, () -> submit(body));
      assertEquals(code, e.businessCodeText());
      assertEquals(null, e.businessCode());
      assertEquals(Optional.of("42"), e.taskId());
      assertInstanceOf(JsonDataException.class, e.getCause());
    }
  }

  @Test
  void aFieldThatFailsToParseDoesNotHideTheCreatedTask() {
    String body = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"867283741759111202\","
        + "\"task_status\":\"submitted\",\"created_at\":\"yesterday\",\"updated_at\":1}}";
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> submit(body));
    assertEquals(Optional.of("867283741759111202"), e.taskId());
    assertInstanceOf(JsonDataException.class, e.getCause());
    assertTrue(e.getMessage().contains("task_id 867283741759111202"), e.getMessage());
    assertEquals(body, e.rawBody());
  }

  @Test
  void aNamedTaskIsNotLookedUpAgainWhenExternalIdsAreGenerated() throws Exception {
    String body = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"867283741759111202\","
        + "\"task_status\":\"submitted\",\"created_at\":\"yesterday\",\"updated_at\":1}}";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type",
        "application/json").body(body).build());
    try (KlingClient client = KlingClient.builder()
        .vendor(VendorProfile.klingSingapore().withBaseUrl(server.url("/").toString()))
        .credentials(Credentials.apiKey(KEY)).build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.imageToVideo().submit(new ImageToVideoRequest().image("https://example.com/cat.jpg")));
      assertEquals(Optional.of("867283741759111202"), e.taskId());
    }
    assertEquals(1, server.getRequestCount(), "the answer names the task: no lookup, no second POST");
  }

  @Test
  void aCompleteAnswerIsReturned() {
    assertEquals("1", submit("{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"1\","
        + "\"task_status\":\"submitted\",\"created_at\":1,\"updated_at\":1}}").getData().getTaskId());
  }

  private io.github.klingjava.generated.model.TaskResponse submit(String answer) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type",
        "application/json").body(answer).build());
    try (KlingClient client = KlingClient.builder().externalTaskIds(false)
        .vendor(VendorProfile.klingSingapore().withBaseUrl(server.url("/").toString()))
        .credentials(Credentials.apiKey(KEY)).build()) {
      return client.imageToVideo().submit(new ImageToVideoRequest()
          .image("https://example.com/cat.jpg"));
    }
  }
}
