package io.github.klingjava.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RawResponseTest {

  private static final String SECRET = "sk-secret-0123456789abcdef";

  @Test
  void keepsStatusHeadersAndBody() {
    RawResponse raw = RawResponse.of(429, Headers.of("Retry-After", "7"), "{\"code\":1302}");

    assertEquals(429, raw.status());
    assertFalse(raw.isSuccessful());
    assertEquals("7", raw.headers().get("Retry-After"));
    assertEquals("{\"code\":1302}", raw.body());
  }

  @Test
  void requestIdComesFromTheBodyThenTheHeader() {
    assertEquals("body-1", RawResponse.of(200, Headers.of("X-Request-Id", "hdr-1"),
        "{\"code\":0,\"request_id\":\"body-1\"}").requestId());
    assertEquals("hdr-1", RawResponse.of(200, Headers.of("x-request-id", "hdr-1"), "{\"code\":0}").requestId());
    assertNull(RawResponse.of(200, Headers.of(), "<html></html>").requestId());
  }

  @Test
  void nullsReadAsEmpty() {
    RawResponse raw = RawResponse.of(204, null, null);

    assertTrue(raw.isSuccessful());
    assertEquals("", raw.body());
    assertEquals(0, raw.headers().size());
  }

  @Test
  void toStringMasksCredentialHeadersAndOmitsTheBody() {
    Headers headers = Headers.of("Content-Type", "application/json", "Authorization", "Bearer " + SECRET,
        "Set-Cookie", "sid=" + SECRET, "X-Api-Key", SECRET);
    RawResponse raw = RawResponse.of(401, headers, "{\"message\":\"" + SECRET + "\"}");

    String text = raw.toString();

    assertFalse(text.contains(SECRET), text);
    assertTrue(text.contains("Content-Type: application/json"), text);
    assertTrue(text.contains("Authorization: ****"), text);
    assertTrue(text.contains("body=" + raw.body().length() + " chars"), text);
  }

  @Test
  void readsAnOkHttpResponse() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(404).setHeader("X-Request-Id", "r-9")
          .body("{\"code\": null, \"message\": \"404\"}").build());
      server.start();

      RawResponse raw;
      try (Response response = new OkHttpClient().newCall(
          new Request.Builder().url(server.url("/kling/v1/images/editing/expand")).build()).execute()) {
        raw = RawResponse.of(response);
      }

      assertEquals(404, raw.status());
      assertEquals("{\"code\": null, \"message\": \"404\"}", raw.body());
      assertEquals("r-9", raw.requestId());
    }
  }

  @Test
  void aUtf8AnswerKeepsItsBytesAndAnotherCharsetIsDecodedAsDeclared() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      okio.Buffer latin1 = new okio.Buffer().writeString("{\"message\":\"caf\u00e9\"}",
          java.nio.charset.StandardCharsets.ISO_8859_1);
      server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json; charset=utf-8")
          .body("{\"message\":\"caf\u00e9\"}").build());
      server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json; charset=ISO-8859-1")
          .body(latin1).build());
      server.start();
      OkHttpClient http = new OkHttpClient();
      for (int i = 0; i < 2; i++) {
        RawResponse raw;
        try (Response response = http.newCall(new Request.Builder().url(server.url("/v1/x")).build()).execute()) {
          raw = RawResponse.of(response);
        }
        assertEquals("{\"message\":\"caf\u00e9\"}", raw.body());
        assertEquals(okio.ByteString.encodeUtf8(raw.body()), raw.bodyBytes());
      }
    }
  }
}
