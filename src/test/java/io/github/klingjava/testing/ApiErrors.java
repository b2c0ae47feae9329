package io.github.klingjava.testing;

import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.RateLimitException;
import io.github.klingjava.error.ServerException;
import java.time.Duration;

/**
 * The one place tests construct the error package's exceptions, so a change to their
 * constructors touches this file only.
 */
public final class ApiErrors {

  private ApiErrors() {
  }

  public static KlingApiException rateLimited(Duration retryAfter) {
    return new RateLimitException(429, 1302, "Requests are too fast", "req-429", retryAfter);
  }

  public static KlingApiException serverError(int status, Duration retryAfter) {
    int code = status == 503 ? 5001 : status == 504 ? 5002 : 5000;
    return new ServerException(status, code, "Server error", "req-" + status, retryAfter);
  }

  public static KlingApiException unauthorized() {
    return new KlingApiException(401, 1004, "Authorization has expired", "req-401", null);
  }

  /** Maps an HTTP error answer of the double (or any Kling server) to the client's exception. */
  public static KlingApiException fromHttp(int status, Integer code, String message,
      String requestId, Duration retryAfter) {
    if (status == 429) {
      return new RateLimitException(status, code, message, requestId, retryAfter);
    }
    if (status >= 500) {
      return new ServerException(status, code, message, requestId, retryAfter);
    }
    return new KlingApiException(status, code, message, requestId, retryAfter);
  }
}
