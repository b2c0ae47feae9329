package io.github.klingjava.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OkHttp's own follow-ups re-send a POST; with the guard they do not, and the caller sees the headers. */
class ResendGuardTest {

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void withoutTheGuardOkHttpItselfResendsAPostAfter503RetryAfterZero() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    OkHttpClient plain = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    try (Response response = plain.newCall(post()).execute()) {
      assertEquals(200, response.code());
    }
    assertEquals(2, server.getRequestCount(), "the hazard the guard exists for");
  }

  @Test
  void withTheGuardThePostIsSentOnceAndTheAnswerKeepsItsHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    try (Response response = guarded().newCall(post()).execute()) {
      assertEquals(503, response.code());
      assertEquals("0", response.header("Retry-After"));
      assertNull(response.header(ResendGuard.HELD_PREFIX + "Retry-After"));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aPostRedirectIsNotFollowedButAGetRedirectIs() throws Exception {
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/elsewhere").build());
    try (Response response = guarded().newCall(post()).execute()) {
      assertEquals(307, response.code());
      assertEquals("/elsewhere", response.header("Location"));
    }
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/there").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    try (Response response = guarded().newCall(new Request.Builder().url(server.url("/here")).build()).execute()) {
      assertEquals(200, response.code());
    }
    assertEquals(3, server.getRequestCount());
  }

  private OkHttpClient guarded() {
    RetryInterceptor retry = RetryInterceptor.create(RetryPolicy.builder().maxAttempts(1).build(), d -> { });
    return new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor(retry)
        .addNetworkInterceptor(retry.resendGuard()).build();
  }

  private Request post() {
    return new Request.Builder().url(server.url("/v1/images/generations"))
        .post(RequestBody.create("{\"prompt\":\"a\"}", MediaType.get("application/json"))).build();
  }
}
