package io.github.klingjava.testing;

import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.error.KlingApiException;
import java.time.Duration;
import okhttp3.Headers;

/**
 * The one place tests make the error package's exceptions: through the client's own
 * {@link ErrorHandler}, so they are exactly what the client would raise for that answer.
 */
public final class ApiErrors {
  private static final ErrorHandler HANDLER = ErrorHandler.create();

  private ApiErrors() {
  }

  public static KlingApiException rateLimited(Duration retryAfter) {
    return fromHttp(429, 1302, "Requests are too fast", "req-429", retryAfter);
  }

  public static KlingApiException serverError(int status, Duration retryAfter) {
    int code = status == 503 ? 5001 : status == 504 ? 5002 : 5000;
    return fromHttp(status, code, "Server error", "req-" + status, retryAfter);
  }

  public static KlingApiException unauthorized() {
    return fromHttp(401, 1004, "Authorization has expired", "req-401", null);
  }

  /** Maps an HTTP error answer of the double (or any Kling server) to the client's exception. */
  public static KlingApiException fromHttp(int status, Integer code, String message,
      String requestId, Duration retryAfter) {
    Headers headers = retryAfter == null ? Headers.of()
        : Headers.of("Retry-After", String.valueOf(retryAfter.toSeconds()));
    String body = "{\"code\":" + code + ",\"message\":\"" + message
        + "\",\"request_id\":\"" + requestId + "\"}";
    return HANDLER.toException(status, headers, body);
  }
}
