package io.github.klingjava.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per error row of the spec's business-code table, written out independently of
 * {@link BusinessCode} so that a wrong row in the enum fails here.
 */
class BusinessCodeMappingTest {

  private final ErrorHandler handler = ErrorHandler.create();

  @ParameterizedTest(name = "{0} with HTTP {1} -> {2}, retryable={3}")
  @CsvSource({
      "1000, 401, AuthenticationException, false",
      "1001, 401, AuthenticationException, false",
      "1002, 401, AuthenticationException, false",
      "1003, 401, AuthenticationException, false",
      "1004, 401, AuthenticationException, false",
      "1100, 429, AccountException, false",
      "1101, 429, AccountException, false",
      "1102, 429, AccountException, false",
      "1103, 403, AccountException, false",
      "1200, 400, InvalidRequestException, false",
      "1201, 400, InvalidRequestException, false",
      "1202, 404, InvalidRequestException, false",
      "1203, 404, InvalidRequestException, false",
      "1300, 400, PolicyException, false",
      "1301, 400, PolicyException, false",
      "1302, 429, RateLimitException, true",
      "1303, 429, RateLimitException, true",
      "1304, 429, IpPolicyException, false",
      "5000, 500, ServerException, true",
      "5001, 503, ServerException, true",
      "5002, 504, ServerException, true",
  })
  void mapsEveryRowOfTheTable(int code, int status, String type, boolean retryable) {
    String requestId = "req-" + code;
    String body = "{\"code\":" + code + ",\"message\":\"reason " + code + "\",\"request_id\":\""
        + requestId + "\"}";

    KlingApiException e = handler.toException(status, Headers.of(), body);

    assertEquals(type, e.getClass().getSimpleName());
    assertEquals(status, e.httpStatus());
    assertEquals(code, e.businessCode());
    assertEquals(requestId, e.requestId());
    assertEquals("reason " + code, e.serverMessage());
    assertEquals(retryable, e.isRetryable());
    assertEquals(body, e.rawBody());
    assertTrue(e.retryAfter().isEmpty());
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("HTTP " + status + ", code " + code), e.getMessage());
    assertTrue(e.getMessage().contains("\"reason " + code + "\""), e.getMessage());
    assertTrue(e.getMessage().endsWith("request_id " + requestId + ")"), e.getMessage());
  }

  @Test
  void retryableCodesAreExactlyTheRateLimitAndServerRows() {
    assertEquals(Set.of(1302, 1303, 5000, 5001, 5002), BusinessCode.retryableCodes());
  }
}
