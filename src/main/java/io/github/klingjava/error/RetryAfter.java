package io.github.klingjava.error;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds ({@code 7}) or an
 * HTTP-date ({@code Wed, 21 Oct 2026 07:28:00 GMT}), the latter measured against an injected
 * clock. Kling does not document the header; aggregators and proxies send it.
 *
 * <pre>{@code
 * Optional<Duration> wait = RetryAfter.from(response.headers(), clock);
 * }</pre>
 */
public final class RetryAfter {

  /** The header name. */
  public static final String HEADER = "Retry-After";

  private RetryAfter() {
  }

  /**
   * @param headers response headers, may be null
   * @param clock the clock an HTTP-date is compared with
   * @return the requested wait, never negative; empty when the header is absent or malformed
   */
  public static Optional<Duration> from(Headers headers, Clock clock) {
    return headers == null ? Optional.empty() : parse(headers.get(HEADER), clock);
  }

  /**
   * @param value the header value, may be null
   * @param clock the clock an HTTP-date is compared with
   * @return the requested wait, never negative; empty when absent or malformed
   */
  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    return text.chars().allMatch(Character::isDigit) ? seconds(text) : date(text, clock);
  }

  private static Optional<Duration> seconds(String digits) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(digits)));
    } catch (NumberFormatException e) {
      return Optional.empty(); // longer than a long: not a delay anyone means
    }
  }

  private static Optional<Duration> date(String text, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
