package io.github.klingjava.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorHandlerTest {

  /** Wed, 21 Oct 2026 07:28:00 GMT. */
  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");
  private static final String SECRET = "sk-live-0123456789abcdefSECRET";

  private final ErrorHandler handler = ErrorHandler.create(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void cometApiUnservedRouteIsEndpointUnavailable() {
    KlingApiException e = handler.toException(404, Headers.of(), "{\"code\": null, \"message\": \"404\"}");

    EndpointUnavailableException unavailable = assertInstanceOf(EndpointUnavailableException.class, e);
    assertNull(unavailable.businessCode());
    assertEquals("404", unavailable.serverMessage());
    assertNull(unavailable.requestId());
    assertFalse(unavailable.isRetryable());
    assertTrue(e.getMessage().contains("the vendor does not serve this route"), e.getMessage());
    assertTrue(e.getMessage().contains("(HTTP 404, code none"), e.getMessage());
  }

  @Test
  void notFoundWithResourceCodeIsAnInvalidRequestNotAnUnavailableEndpoint() {
    KlingApiException e = handler.toException(404, Headers.of(),
        "{\"code\":1203,\"message\":\"Model kling-v9 does not exist\",\"request_id\":\"r-1203\"}");

    assertInstanceOf(InvalidRequestException.class, e);
    assertEquals(1203, e.businessCode());
    assertEquals("r-1203", e.requestId());
    assertFalse(e.isRetryable());
  }

  @Test
  void htmlBadGatewayIsARetryableServerErrorWithoutTheHtmlInItsMessage() {
    String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>";

    KlingApiException e = handler.toException(502, Headers.of("Content-Type", "text/html"), html);

    assertInstanceOf(ServerException.class, e);
    assertNull(e.businessCode());
    assertNull(e.serverMessage());
    assertTrue(e.isRetryable());
    assertEquals(html, e.rawBody());
    assertFalse(e.getMessage().contains("<html>"), e.getMessage());
    assertTrue(e.toString().contains("[body: <html> <head><title>502"), e.toString());
  }

  @Test
  void emptyInternalServerErrorIsARetryableServerError() {
    KlingApiException e = handler.toException(500, Headers.of(), "");

    assertInstanceOf(ServerException.class, e);
    assertTrue(e.isRetryable());
    assertEquals("", e.rawBody());
    assertEquals("Server error (HTTP 500, code none, message none, request_id none)", e.getMessage());
  }

  @Test
  void nullHeadersAndBodyAreReadAsEmpty() {
    KlingApiException e = handler.toException(503, null, null);

    assertInstanceOf(ServerException.class, e);
    assertEquals("", e.rawBody());
    assertTrue(e.retryAfter().isEmpty());
  }

  @Test
  void retryAfterInSeconds() {
    KlingApiException e = handler.toException(429, Headers.of("Retry-After", "7"),
        "{\"code\":1302,\"message\":\"Requests are too fast\"}");

    assertInstanceOf(RateLimitException.class, e);
    assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredAgainstTheInjectedClock() {
    KlingApiException e = handler.toException(503,
        Headers.of("Retry-After", "Wed, 21 Oct 2026 07:28:42 GMT"), "{\"code\":5001}");

    assertInstanceOf(ServerException.class, e);
    assertEquals(Optional.of(Duration.ofSeconds(42)), e.retryAfter());
  }

  @Test
  void okStatusWithAKnownErrorCodeIsMappedByThatCode() {
    KlingApiException e = handler.toException(200, Headers.of(),
        "{\"code\":1201,\"message\":\"image can not be null\",\"request_id\":\"r-200\"}");

    assertInstanceOf(InvalidRequestException.class, e);
    assertEquals(200, e.httpStatus());
    assertEquals(1201, e.businessCode());
    assertEquals("image can not be null", e.serverMessage());
    assertEquals("r-200", e.requestId());
    assertFalse(e.isRetryable());
    assertInstanceOf(RateLimitException.class, handler.toException(200, Headers.of(),
        "{\"code\":1303,\"message\":\"parallel task over resource pack limit\"}"));
    KlingApiException unknown = handler.toException(200, Headers.of(),
        "{\"code\":\"task_failed\",\"message\":\"\"}");
    assertInstanceOf(UnexpectedResponseException.class, unknown);
    assertEquals("task_failed", unknown.businessCodeText());
  }

  @ParameterizedTest(name = "HTTP {0} without a code -> {1}, retryable={2}")
  @CsvSource({
      "401, AuthenticationException, false",
      "403, AccountException, false",
      "404, EndpointUnavailableException, false",
      "429, RateLimitException, true",
      "500, ServerException, true",
      "501, ServerException, false",
      "502, ServerException, true",
      "503, ServerException, true",
      "504, ServerException, true",
      "400, UnexpectedResponseException, false",
      "418, UnexpectedResponseException, false",
      "302, UnexpectedResponseException, false",
  })
  void withoutACodeTheStatusDecides(int status, String type, boolean retryable) {
    KlingApiException e = handler.toException(status, Headers.of(), "{\"message\":\"nope\"}");

    assertEquals(type, e.getClass().getSimpleName());
    assertEquals(retryable, e.isRetryable());
  }

  @Test
  void codeZeroOnAnErrorStatusCountsAsNoCode() {
    KlingApiException e = handler.toException(429, Headers.of(), "{\"code\":0,\"message\":\"slow down\"}");

    assertInstanceOf(RateLimitException.class, e);
    assertTrue(e.isRetryable());
  }

  @Test
  void unknownNumericCodeIsUnexpectedAndNotRetryable() {
    KlingApiException e = handler.toException(503, Headers.of(), "{\"code\":5003,\"message\":\"new\"}");

    assertInstanceOf(UnexpectedResponseException.class, e);
    assertEquals(5003, e.businessCode());
    assertFalse(e.isRetryable());
  }

  @Test
  void newApiStringCodeIsUnexpectedAndShownInTheMessage() {
    KlingApiException e = handler.toException(400, Headers.of(),
        "{\"code\":\"task_failed\",\"message\":\"upstream said no\",\"data\":null}");

    assertInstanceOf(UnexpectedResponseException.class, e);
    assertNull(e.businessCode());
    assertTrue(e.getMessage().contains("code task_failed"), e.getMessage());
  }

  @Test
  void numericCodeSentAsAStringIsStillACode() {
    KlingApiException e = handler.toException(429, Headers.of(), "{\"code\":\"1303\"}");

    assertInstanceOf(RateLimitException.class, e);
    assertEquals(1303, e.businessCode());
  }

  @Test
  void truncatedBodyStillYieldsTheCodeReadBeforeTheCut() {
    KlingApiException e = handler.toException(429, Headers.of(),
        "{\"code\":1303,\"request_id\":\"r-cut\",\"message\":\"parallel task ov");

    assertInstanceOf(RateLimitException.class, e);
    assertEquals(1303, e.businessCode());
    assertEquals("r-cut", e.requestId());
    assertTrue(e.isRetryable());
  }

  @Test
  void requestIdFallsBackToTheResponseHeader() {
    KlingApiException e = handler.toException(500, Headers.of("X-Request-Id", "hdr-42"), "{\"code\":5000}");

    assertEquals("hdr-42", e.requestId());
    assertTrue(e.getMessage().endsWith("request_id hdr-42)"), e.getMessage());
  }

  @Test
  void bodyRequestIdWinsOverTheHeader() {
    KlingApiException e = handler.toException(500, Headers.of("X-Request-Id", "hdr-42"),
        "{\"code\":5000,\"request_id\":\"body-7\"}");

    assertEquals("body-7", e.requestId());
  }

  @Test
  void openAiStyleNestedErrorGivesTheMessage() {
    KlingApiException e = handler.toException(401, Headers.of(),
        "{\"error\":{\"message\":\"invalid token\",\"type\":\"auth\",\"code\":\"invalid_api_key\"}}");

    assertInstanceOf(UnexpectedResponseException.class, e);
    assertEquals("invalid token", e.serverMessage());
  }

  @Test
  void messageIsOneLineAndNeverCarriesHeaderValuesOrEchoedKeys() {
    Headers headers = Headers.of("Authorization", "Bearer " + SECRET, "Set-Cookie", "session=" + SECRET);
    String body = "{\"code\":1002,\"message\":\"Authorization is invalid:\\nBearer " + SECRET
        + "\",\"request_id\":\"r-1002\"}";

    KlingApiException e = handler.toException(401, headers, body);

    assertInstanceOf(AuthenticationException.class, e);
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.toString().contains(SECRET), e.toString());
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("Bearer ****"), e.getMessage());
  }

  @Test
  void toStringTruncatesTheBody() {
    String body = "{\"code\":1200,\"message\":\"" + "x".repeat(5000) + "\"}";

    KlingApiException e = handler.toException(400, Headers.of(), body);

    assertEquals(body, e.rawBody());
    assertTrue(e.getMessage().length() < 500, "message length " + e.getMessage().length());
    assertTrue(e.toString().length() < 1000, "toString length " + e.toString().length());
  }
}
