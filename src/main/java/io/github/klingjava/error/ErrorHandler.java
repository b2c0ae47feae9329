package io.github.klingjava.error;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;

/**
 * Turns an error answer into the matching {@link KlingApiException}: the one place that knows
 * how status, envelope and headers map to exception types.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>a 2xx (the caller found a non-zero envelope {@code code} in it) is mapped by that code
 *       when the table knows it (a 200 with 1303 is a {@link RateLimitException}: some relays
 *       wrap every answer in a 200), else {@link UnexpectedResponseException};</li>
 *   <li>a business code of the table ({@link BusinessCode}) decides the family and retryability,
 *       whatever the status;</li>
 *   <li>a code the table does not know (a newer Kling code, new-api's {@code "task_failed"}) is
 *       {@link UnexpectedResponseException}, never retryable: retrying what we do not understand
 *       wastes the caller's quota;</li>
 *   <li>without a code (absent, null, or 0 on an error status) the status decides: 401
 *       authentication, 403 account, 404 endpoint unavailable, 429 rate limit, 5xx server,
 *       anything else unexpected.</li>
 * </ol>
 *
 * <pre>{@code
 * ErrorHandler errors = ErrorHandler.create();
 * try (Response response = call.execute()) {
 *   if (!response.isSuccessful()) {
 *     throw errors.toException(response.code(), response.headers(), response.body().string());
 *   }
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ErrorHandler {

  /** The family of an answer without a (known) business code, by status. */
  private static final Map<Integer, ErrorFamily> FAMILY_BY_STATUS = Map.of(
      401, ErrorFamily.AUTHENTICATION,
      403, ErrorFamily.ACCOUNT,
      404, ErrorFamily.ENDPOINT_UNAVAILABLE,
      429, ErrorFamily.RATE_LIMIT);

  /**
   * Statuses worth retrying when the body has no business code. 502 is included although Kling
   * never sends it: it is what the proxies in front of aggregators answer when their upstream
   * hiccups. The one copy of this rule: {@code RetryPolicy}'s default reads it.
   */
  public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

  private static final Verdict UNEXPECTED = new Verdict(ErrorFamily.UNEXPECTED, false);

  private final Clock clock;

  private ErrorHandler(Clock clock) {
    this.clock = clock;
  }

  /** @return a handler that measures {@code Retry-After} dates with the system clock */
  public static ErrorHandler create() {
    return new ErrorHandler(Clock.systemUTC());
  }

  /**
   * @param clock the clock {@code Retry-After} HTTP-dates are measured against
   * @return a handler
   */
  public static ErrorHandler create(Clock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    return new ErrorHandler(clock);
  }

  /**
   * Maps one error answer. Never throws, whatever the body holds.
   *
   * @param httpStatus the HTTP status
   * @param headers the response headers (null is read as none); only {@code Retry-After} and
   *     request-id headers are read, and no header value reaches the message
   * @param rawBody the response body as text (null is read as empty)
   * @return the exception to throw
   */
  public KlingApiException toException(int httpStatus, Headers headers, String rawBody) {
    String body = rawBody == null ? "" : rawBody;
    ErrorEnvelope envelope = ErrorEnvelope.parse(body);
    Verdict verdict = classify(httpStatus, envelope);
    Duration retryAfter = RetryAfter.from(headers, clock).orElse(null);
    return verdict.family().newException(new ErrorDetails(verdict.family(), httpStatus,
        envelope.code(), envelope.codeText(), envelope.message(), envelope.requestIdOr(headers),
        body, retryAfter, verdict.retryable(), envelope.taskId(), null));
  }

  /**
   * A 2xx that is not a complete result (trust, #8: no half answers): the body did not parse,
   * or it lacks {@code data} or {@code data.task_id}. Always {@link UnexpectedResponseException},
   * never retryable (a submit may have created the task: its id, when the body has one, is in
   * {@link KlingApiException#taskId()}).
   *
   * @param httpStatus the 2xx status
   * @param headers the response headers, may be null
   * @param rawBody the body as received, may be null
   * @param problem what is missing or wrong, in words naming the JSON path
   * @param cause the parse failure, or null; becomes the exception's cause
   * @return the exception to throw
   */
  public KlingApiException incompleteAnswer(int httpStatus, Headers headers, String rawBody,
      String problem, Throwable cause) {
    String body = rawBody == null ? "" : rawBody;
    ErrorEnvelope envelope = ErrorEnvelope.parse(body);
    KlingApiException e = ErrorFamily.UNEXPECTED.newException(new ErrorDetails(
        ErrorFamily.UNEXPECTED, httpStatus, envelope.code(), envelope.codeText(),
        envelope.message(), envelope.requestIdOr(headers), body, null, false, envelope.taskId(),
        problem));
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private static Verdict classify(int httpStatus, ErrorEnvelope envelope) {
    Integer code = envelope.code();
    if (isSuccess(httpStatus)) { // a 2xx with a non-zero code: a known code keeps its family
      return Optional.ofNullable(code).flatMap(BusinessCode::of)
          .map(row -> new Verdict(row.family(), row.isRetryable())).orElse(UNEXPECTED);
    }
    String codeText = envelope.codeText();
    if (codeText == null || codeText.isBlank() || Integer.valueOf(0).equals(code)) {
      return new Verdict(byStatus(httpStatus), RETRYABLE_STATUSES.contains(httpStatus));
    }
    return Optional.ofNullable(code).flatMap(BusinessCode::of)
        .map(row -> new Verdict(row.family(), row.isRetryable()))
        .orElse(UNEXPECTED);
  }

  private static ErrorFamily byStatus(int httpStatus) {
    if (httpStatus >= 500 && httpStatus <= 599) {
      return ErrorFamily.SERVER;
    }
    return FAMILY_BY_STATUS.getOrDefault(httpStatus, ErrorFamily.UNEXPECTED);
  }

  private static boolean isSuccess(int httpStatus) {
    return httpStatus >= 200 && httpStatus <= 299;
  }

  private record Verdict(ErrorFamily family, boolean retryable) {
  }
}
