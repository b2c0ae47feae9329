package io.github.klingjava.error;

/**
 * Too many requests or too many concurrent tasks (1302, 1303, or HTTP 429 without a
 * code). Retryable after a pause: honour {@link #retryAfter()} when present, else back off
 * exponentially from one second.
 */
public final class RateLimitException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  RateLimitException(ErrorDetails details) {
    super(details);
  }
}
