package io.github.klingjava.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryInterceptorTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");
  private static final String TASK_JSON = "{\"model_name\":\"kling-v2\",\"prompt\":\"a cat\"}";
  /** The middle of the jitter range, so waits are the nominal 1 s, 2 s, 4 s ... */
  private static final RandomGenerator NO_JITTER = new RandomGenerator() {
    @Override
    public long nextLong() {
      return -1L;
    }

    @Override
    public double nextDouble() {
      return 0.5;
    }
  };

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final RetryPolicy policy = RetryPolicy.builder().random(NO_JITTER).build();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void retriesAGetThenSucceeds() throws Exception {
    server.enqueue(json(503, "{\"code\":5001,\"message\":\"maintenance\"}"));
    server.enqueue(json(500, ""));
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(get())) {
      assertEquals(200, response.code());
      assertEquals("{\"code\":0}", response.body().string());
    }
    assertEquals(3, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits());
  }

  @Test
  void givesUpAfterMaxAttemptsAndReturnsTheLastResponse() throws Exception {
    server.enqueue(json(500, "{\"code\":5000,\"message\":\"first\"}"));
    server.enqueue(json(502, "<html>second</html>"));
    server.enqueue(json(504, "{\"code\":5002,\"message\":\"third\"}"));
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(get())) {
      assertEquals(504, response.code());
      assertEquals("{\"code\":5002,\"message\":\"third\"}", response.body().string());
    }
    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeper.waits().size());
  }

  @Test
  void honoursRetryAfterSeconds() throws Exception {
    server.enqueue(json(429, "{\"code\":1302}").newBuilder().setHeader("Retry-After", "7").build());
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(get())) {
      assertEquals(200, response.code());
    }
    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits());
  }

  @Test
  void honoursRetryAfterDatesAndHandsALongerWaitThanTheCapToTheCaller() throws Exception {
    server.enqueue(json(503, "").newBuilder().setHeader("Retry-After", "Wed, 21 Oct 2026 07:28:12 GMT").build());
    server.enqueue(json(503, "").newBuilder().setHeader("Retry-After", "3600").build());
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(get())) {
      assertEquals(503, response.code());
      assertEquals("3600", response.header("Retry-After"));
    }
    assertEquals(List.of(Duration.ofSeconds(12)), sleeper.waits());
    assertEquals(2, server.getRequestCount());
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource(delimiter = '|', value = {
      "400 | {\"code\":1201,\"message\":\"image can not be null\"}",
      "401 | {\"code\":1004,\"message\":\"Authorization has expired\"}",
      "403 | {\"code\":1103}",
      "404 | {\"code\": null, \"message\": \"404\"}",
      "429 | {\"code\":1102,\"message\":\"Account balance not enough\"}",
      "429 | {\"code\":1304}",
      "500 | {\"code\":\"task_failed\",\"message\":\"upstream\"}",
      "501 | ",
  })
  void doesNotRetryWhatWillFailAgain(int status, String body) throws Exception {
    server.enqueue(json(status, body == null ? "" : body));
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(get())) {
      assertEquals(status, response.code());
    }
    assertEquals(1, server.getRequestCount());
    assertTrue(sleeper.waits().isEmpty());
  }

  @Test
  void doesNotRetryAPostOnAServerError() throws Exception {
    server.enqueue(json(500, "{\"code\":5000}"));
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(post())) {
      assertEquals(500, response.code());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void doesNotRetryAPostOnAnUncodedTooManyRequests() throws Exception {
    server.enqueue(json(429, "{\"message\":\"slow down\"}"));

    try (Response response = execute(post())) {
      assertEquals(429, response.code());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void retriesAPostRefusedForConcurrencyAndSendsTheSameBody() throws Exception {
    server.enqueue(json(429, "{\"code\":1303,\"message\":\"parallel task over resource pack limit\"}"));
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(post())) {
      assertEquals(200, response.code());
    }
    assertEquals(TASK_JSON, server.takeRequest().getBody().utf8());
    assertEquals(TASK_JSON, server.takeRequest().getBody().utf8());
    assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits());
  }

  @Test
  void doesNotRetryAPostWhoseConnectionDroppedAfterSending() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"code\":0}"));

    assertThrows(IOException.class, () -> execute(post()).close());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void retriesAGetWhoseConnectionDropped() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"code\":0}"));

    try (Response response = execute(get())) {
      assertEquals(200, response.code());
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retriesAPostWhoseConnectionWasRefused() throws Exception {
    int port = freePort();
    HttpUrl url = HttpUrl.get("http://127.0.0.1:" + port + "/v1/images/generations");
    try (MockWebServer late = new MockWebServer()) {
      late.enqueue(json(200, "{\"code\":0}"));
      sleeper.onSleep(() -> late.start(port)); // nothing listens until the client backs off

      try (Response response = execute(new Request.Builder().url(url).post(taskBody()).build())) {
        assertEquals(200, response.code());
      }
      assertEquals(1, late.getRequestCount());
      assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits());
    }
  }

  @Test
  void rethrowsTheLastConnectFailure() throws Exception {
    HttpUrl url = HttpUrl.get("http://127.0.0.1:" + freePort() + "/v1/x");

    assertThrows(ConnectException.class, () -> execute(new Request.Builder().url(url).build()));
    assertEquals(2, sleeper.waits().size());
  }

  @Test
  void anInterruptedBackOffStopsWithInterruptedIoException() {
    server.enqueue(json(503, ""));
    sleeper.onSleep(() -> {
      throw new InterruptedException();
    });

    try {
      assertThrows(InterruptedIOException.class, () -> execute(get()));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted(); // clear the flag for the next test
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aSingleAttemptPolicyNeverRetries() throws Exception {
    server.enqueue(json(503, ""));
    OkHttpClient client = client(RetryPolicy.builder().maxAttempts(1).build());

    try (Response response = client.newCall(get()).execute()) {
      assertEquals(503, response.code());
    }
    assertTrue(sleeper.waits().isEmpty());
  }

  private Response execute(Request request) throws IOException {
    return client(policy).newCall(request).execute();
  }

  private OkHttpClient client(RetryPolicy retryPolicy) {
    return new OkHttpClient.Builder()
        .retryOnConnectionFailure(false) // OkHttp's own silent retries would hide ours
        .addInterceptor(RetryInterceptor.create(retryPolicy, sleeper, Clock.fixed(NOW, ZoneOffset.UTC)))
        .build();
  }

  private Request get() {
    return new Request.Builder().url(server.url("/v1/images/generations/867283741759111202")).build();
  }

  private Request post() {
    return new Request.Builder().url(server.url("/v1/images/generations")).post(taskBody()).build();
  }

  private static RequestBody taskBody() {
    return RequestBody.create(TASK_JSON, MediaType.get("application/json"));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
