package io.github.klingjava.http;

import io.github.klingjava.error.BusinessCode;
import io.github.klingjava.error.ErrorEnvelope;
import io.github.klingjava.error.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends a request again when a {@link RetryPolicy} says the failure is transient, waiting through
 * an injected {@link Sleeper}. After the last attempt the last answer is returned as is (or the
 * last I/O failure thrown), for the caller to map with {@code ErrorHandler}.
 *
 * <p>Every answer's body is read here (up to 16 MB), so a GET whose body is reset or truncated
 * mid-way is retried like one whose headers failed; an error answer whose body cannot be read keeps
 * its status. A wait ({@code Retry-After} or backoff) is taken only when it fits in the call's
 * remaining {@code callTimeout}; a {@code Retry-After} above {@link RetryPolicy#maxRetryAfter()}
 * is not waited for at all: the answer is returned at once, so the caller's typed exception
 * carries {@code retryAfter()}.
 *
 * <p>Which requests may be re-sent at all:
 * <ul>
 *   <li>{@code GET} and {@code HEAD} (queries and lists): always, as the policy allows;</li>
 *   <li>anything else, in practice {@code POST} (task creation): only when the server
 *       demonstrably did not create a task, i.e. a 429 with business code 1302 or 1303 (rate or
 *       concurrency limit: Kling refuses before creating anything), or an attempt that provably
 *       sent nothing: it failed before reaching the network layer (DNS, connect refused or timed
 *       out, TLS handshake), as {@link ResendGuard} records. A POST that timed out or got a 5xx may have created a task that
 *       is running and billed; sending it again could create and bill a second one, so the caller
 *       gets the failure and decides (e.g. by listing tasks or querying its
 *       {@code external_task_id}).</li>
 * </ul>
 * One-shot request bodies are never re-sent.
 *
 * <pre>{@code
 * RetryInterceptor retry = RetryInterceptor.create(RetryPolicy.create(), Sleeper.system());
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .retryOnConnectionFailure(false)                            // only this layer re-sends
 *     .addInterceptor(retry)
 *     .addInterceptor(AuthInterceptor.create(credentials, clock)) // after: fresh token per attempt
 *     .addNetworkInterceptor(retry.resendGuard())                 // OkHttp re-sends no POST
 *     .build();
 * }</pre>
 *
 * <p>Register it as an application interceptor. Thread-safe. It logs nothing.
 */
public final class RetryInterceptor implements Interceptor {

  /** Enough for any error envelope; a longer body is cut and parsed leniently. */
  private static final long PEEK_LIMIT = 64 * 1024;
  /** API answers are small JSON; a bigger body is passed on unread (and not retried mid-body). */
  static final long BUFFER_LIMIT = 16L * 1024 * 1024;
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD");
  private static final Set<Integer> REFUSED_BEFORE_CREATION = Set.of(
      BusinessCode.TOO_MANY_REQUESTS.code(), BusinessCode.CONCURRENCY_LIMIT.code());

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  /** Whether {@link #resendGuard()} was taken: only then does "never reached the network" prove anything. */
  private volatile boolean paired;

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

  /**
   * The network interceptor to install next to this one ({@code addNetworkInterceptor}). With it, OkHttp
   * re-sends no POST on its own, and an attempt that failed before reaching the network (connect timed out,
   * TLS handshake failed) counts as never sent, so even a POST is retried.
   *
   * @return the guard
   */
  public ResendGuard resendGuard() {
    paired = true;
    return ResendGuard.create();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    long callTimeout = chain.call().timeout().timeoutNanos();
    long budget = callTimeout > 0 ? callTimeout : Long.MAX_VALUE;
    // The attempt's record rides on the call (a call tag), so no attempt rebuilds the request to carry it.
    SendState state = chain.call().tag(SendState.class, SendState::new);
    for (int attempt = 1; ; attempt++) {
      state.startAttempt();
      Response response = null;
      try {
        response = ResendGuard.restore(chain.proceed(request));
        response = readBody(response);
      } catch (IOException e) {
        boolean bodyFailed = response != null;
        boolean nothingSent = (paired && !state.reachedNetwork())
            || TransportFailures.happenedBeforeSending(e);
        if (attempt >= policy.maxAttempts() || chain.call().isCanceled()
            || !mayRetry(request, e, bodyFailed, nothingSent)) {
          throw e;
        }
        Duration delay = policy.delayBeforeRetry(attempt, Optional.empty());
        if (!fits(delay, start, budget)) {
          throw e;
        }
        pause(delay);
        continue;
      }
      if (response.isSuccessful() || attempt >= policy.maxAttempts() || !mayRetry(request, response)) {
        return response;
      }
      Optional<Duration> asked = RetryAfter.from(response.headers(), clock);
      if (asked.isPresent() && asked.get().compareTo(policy.maxRetryAfter()) > 0) {
        return response; // the caller gets the typed error with retryAfter() at once
      }
      Duration delay = policy.delayBeforeRetry(attempt, asked);
      if (!fits(delay, start, budget)) {
        return response; // waiting would overrun the call's own timeout
      }
      response.close();
      pause(delay);
    }
  }

  /**
   * Reads the whole body (up to {@value #BUFFER_LIMIT} bytes; a longer one is left streaming) so that a
   * reset or truncation mid-body happens here, where it can be retried, not later in the caller. The bytes
   * stay in the body's own buffer (the source is exhausted, so the connection is already released): no copy
   * and no second response. An error answer whose body cannot be read keeps its status, with an empty body:
   * a 5xx stays a 5xx.
   */
  private static Response readBody(Response response) throws IOException {
    ResponseBody body = response.body();
    try {
      body.source().request(BUFFER_LIMIT + 1);
      return response;
    } catch (IOException e) {
      response.close();
      if (response.isSuccessful()) {
        throw e;
      }
      return response.newBuilder().body(ResponseBody.create("", body.contentType())).build();
    }
  }

  private static boolean fits(Duration delay, long start, long budget) {
    if (budget == Long.MAX_VALUE) {
      return true;
    }
    long left = budget - (System.nanoTime() - start);
    return delay.toNanos() < left;
  }

  private static boolean mayRetry(Request request, IOException e, boolean bodyFailed,
      boolean nothingSent) {
    if (isOneShot(request) && !nothingSent) {
      return false;
    }
    if (nothingSent) {
      return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }
    if (!isIdempotent(request)) {
      return false; // it may have reached the server: the submit's external_task_id lookup decides
    }
    return bodyFailed ? !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException
        : TransportFailures.isRetryable(e);
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
