package io.github.klingjava.auth;

import io.github.klingjava.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthInterceptorTest {

  private static final String API_KEY = "sk-test-0123456789abcdef";
  private static final String ACCESS_KEY = "AK-test-0123456789";
  private static final String SECRET_KEY = "SK-test-secret-0123456789";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-13T10:00:00Z"));
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
  void sendsTheApiKeyAsABearerToken() throws Exception {
    RecordedRequest request = send(Credentials.apiKey(API_KEY), new Request.Builder().url(server.url("/v1/x")));

    assertEquals("Bearer " + API_KEY, request.getHeaders().get("Authorization"));
  }

  @Test
  void replacesAnAuthorizationHeaderTheCallerSet() throws Exception {
    Request.Builder builder = new Request.Builder().url(server.url("/v1/x")).header("Authorization", "Basic old");

    RecordedRequest request = send(Credentials.apiKey(API_KEY), builder);

    assertEquals(1, request.getHeaders().values("Authorization").size());
    assertEquals("Bearer " + API_KEY, request.getHeaders().get("Authorization"));
  }

  @Test
  void sendsAJwtSignedFromTheAccessKeyAndSecretKey() throws Exception {
    RecordedRequest request = send(Credentials.accessKey(ACCESS_KEY, SECRET_KEY),
        new Request.Builder().url(server.url("/v1/x")));

    String header = request.getHeaders().get("Authorization");
    assertTrue(header.startsWith("Bearer "), "scheme");
    DecodedJWT jwt = JwtTokenProviderTest.verify(header.substring("Bearer ".length()), SECRET_KEY, clock);
    assertEquals(ACCESS_KEY, jwt.getIssuer());
  }

  @Test
  void reusesTheJwtAcrossRequestsAndRenewsItWhenItAges() throws Exception {
    OkHttpClient client = client(Credentials.accessKey(ACCESS_KEY, SECRET_KEY));
    String first = authorizationOf(client);
    String second = authorizationOf(client);
    clock.advance(Duration.ofMinutes(26));
    String third = authorizationOf(client);

    assertEquals(first, second);
    assertNotEquals(first, third, "renewed after the margin");
  }

  private RecordedRequest send(Credentials credentials, Request.Builder request) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (Response response = client(credentials).newCall(request.build()).execute()) {
      assertEquals(200, response.code());
    }
    return server.takeRequest();
  }

  private String authorizationOf(OkHttpClient client) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (Response response = client.newCall(new Request.Builder().url(server.url("/v1/x")).build()).execute()) {
      assertEquals(200, response.code());
    }
    return server.takeRequest().getHeaders().get("Authorization");
  }

  private OkHttpClient client(Credentials credentials) {
    return new OkHttpClient.Builder().addInterceptor(AuthInterceptor.create(credentials, clock)).build();
  }
}
