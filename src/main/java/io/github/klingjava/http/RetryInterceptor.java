package io.github.klingjava.http;

import io.github.klingjava.error.BusinessCode;
import io.github.klingjava.error.ErrorEnvelope;
import io.github.klingjava.error.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request again when a {@link RetryPolicy} says the failure is transient, waiting through
 * an injected {@link Sleeper}. After the last attempt the last answer is returned as is (or the
 * last I/O failure thrown), for the caller to map with {@code ErrorHandler}.
 *
 * <p>Which requests may be re-sent at all:
 * <ul>
 *   <li>{@code GET} and {@code HEAD} (queries and lists): always, as the policy allows;</li>
 *   <li>anything else, in practice {@code POST} (task creation): only when the server
 *       demonstrably did not create a task, i.e. a 429 with business code 1302 or 1303 (rate or
 *       concurrency limit: Kling refuses before creating anything), or a connection that failed
 *       before a byte was sent. A POST that timed out or got a 5xx may have created a task that
 *       is running and billed; sending it again could create and bill a second one, so the caller
 *       gets the failure and decides (e.g. by listing tasks or querying its
 *       {@code external_task_id}).</li>
 * </ul>
 * One-shot request bodies are never re-sent.
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(RetryInterceptor.create(RetryPolicy.create(), Sleeper.system()))
 *     .addInterceptor(AuthInterceptor.create(credentials, clock)) // after: fresh token per attempt
 *     .build();
 * }</pre>
 *
 * <p>Register it as an application interceptor. Thread-safe. It logs nothing.
 */
public final class RetryInterceptor implements Interceptor {

  /** Enough for any error envelope; a longer body is cut and parsed leniently. */
  private static final long PEEK_LIMIT = 64 * 1024;
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD");
  private static final Set<Integer> REFUSED_BEFORE_CREATION = Set.of(
      BusinessCode.TOO_MANY_REQUESTS.code(), BusinessCode.CONCURRENCY_LIMIT.code());

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  private RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * @param policy when and how long to wait
   * @param sleeper how to wait
   * @return the interceptor, reading {@code Retry-After} dates with the system clock
   */
  public static RetryInterceptor create(RetryPolicy policy, Sleeper sleeper) {
    return create(policy, sleeper, Clock.systemUTC());
  }

  /**
   * @param policy when and how long to wait
   * @param sleeper how to wait
   * @param clock the clock {@code Retry-After} HTTP-dates are measured against
   * @return the interceptor
   */
  public static RetryInterceptor create(RetryPolicy policy, Sleeper sleeper, Clock clock) {
    if (policy == null || sleeper == null || clock == null) {
      throw new IllegalArgumentException("policy, sleeper and clock must not be null");
    }
    return new RetryInterceptor(policy, sleeper, clock);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (attempt >= policy.maxAttempts() || chain.call().isCanceled() || !mayRetry(request, e)) {
          throw e;
        }
        pause(policy.delayBeforeRetry(attempt, Optional.empty()));
        continue;
      }
      if (response.isSuccessful() || attempt >= policy.maxAttempts() || !mayRetry(request, response)) {
        return response;
      }
      Duration delay = policy.delayBeforeRetry(attempt, RetryAfter.from(response.headers(), clock));
      response.close();
      pause(delay);
    }
  }

  private boolean mayRetry(Request request, IOException e) {
    if (!TransportFailures.isRetryable(e) || isOneShot(request)) {
      return false;
    }
    return isIdempotent(request) || TransportFailures.happenedBeforeSending(e);
  }

  private boolean mayRetry(Request request, Response response) throws IOException {
    ErrorEnvelope envelope = ErrorEnvelope.parse(response.peekBody(PEEK_LIMIT).string());
    Integer code = envelope.code();
    if (hasUnreadableCode(envelope) || isOneShot(request)
        || !policy.isRetryable(response.code(), code)) {
      return false;
    }
    return isIdempotent(request)
        || (response.code() == 429 && code != null && REFUSED_BEFORE_CREATION.contains(code));
  }

  /** A code we cannot read as a number (new-api's "task_failed") is an error we do not understand. */
  private static boolean hasUnreadableCode(ErrorEnvelope envelope) {
    return envelope.codeText() != null && !envelope.codeText().isBlank() && envelope.code() == null;
  }

  private static boolean isIdempotent(Request request) {
    return IDEMPOTENT_METHODS.contains(request.method());
  }

  private static boolean isOneShot(Request request) {
    return request.body() != null && request.body().isOneShot();
  }

  private void pause(Duration delay) throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  @Override
  public String toString() {
    return "RetryInterceptor{" + policy + "}";
  }
}
