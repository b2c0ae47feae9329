package io.github.klingjava.error;

/**
 * The vendor failed (5000-5002, or a 5xx without a code, including proxies' HTML error
 * pages). Retryable for 500, 502, 503 and 504.
 */
public final class ServerException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  ServerException(ErrorDetails details) {
    super(details);
  }
}
