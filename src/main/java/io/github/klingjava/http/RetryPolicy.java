package io.github.klingjava.http;

import io.github.klingjava.error.BusinessCode;
import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.task.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When to send a failed request again and how long to wait first.
 *
 * <p>Defaults: 3 attempts in all; waits of 1 s, 2 s, 4 s ... (multiplier 2) capped at 30 s, each
 * scaled by a random factor in [0.5, 1.0] so that clients throttled together do not come back
 * together; a {@code Retry-After} header replaces the computed wait, still capped at 30 s.
 * Retried: business codes 1302, 1303 (rate and concurrency limits) and 5000-5002; without a
 * business code, HTTP 429, 500, 502, 503 and 504; transport failures (see
 * {@link RetryInterceptor} for which requests may be re-sent at all). Never retried, whatever the
 * configuration: HTTP 400, 401, 403, 404 and the account codes 1100-1103, which need a human.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(5)
 *     .maxBackoff(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe if its random generator is (the default is).
 */
public final class RetryPolicy {

  private static final Set<Integer> NEVER_STATUSES = Set.of(400, 401, 403, 404);
  private static final Set<Integer> NEVER_CODES = Set.of(
      BusinessCode.ACCOUNT_EXCEPTION.code(), BusinessCode.ACCOUNT_IN_ARREARS.code(),
      BusinessCode.RESOURCE_PACK_EXHAUSTED.code(), BusinessCode.NO_PERMISSION.code());
  /** Per-thread generator: {@code ThreadLocalRandom.current()} must be looked up on each use. */
  private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final RandomGenerator random;
  private final Backoff backoff;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryableStatuses;
  private final Set<Integer> retryableCodes;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.multiplier = b.multiplier;
    this.maxBackoff = b.maxBackoff;
    this.random = b.random;
    this.backoff = Backoff.of(b.initialBackoff, b.multiplier, b.maxBackoff, b.jitter);
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryableStatuses = Set.copyOf(b.retryableStatuses);
    this.retryableCodes = Set.copyOf(b.retryableCodes);
  }

  /** @return the default policy */
  public static RetryPolicy create() {
    return builder().build();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the most attempts per request, the first one included (1 = never retry) */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** @return the longest {@code Retry-After} that is waited for; a longer one is handed to the caller */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** @return the backoff schedule of computed waits */
  public Backoff backoff() {
    return backoff;
  }

  /**
   * @param httpStatus the status of a failed answer
   * @param businessCode its envelope {@code code}, null (or 0) when it has none
   * @return true when the answer is worth a retry; the business code decides when present
   */
  public boolean isRetryable(int httpStatus, Integer businessCode) {
    if (NEVER_STATUSES.contains(httpStatus)) {
      return false;
    }
    if (businessCode != null && businessCode != 0) {
      return retryableCodes.contains(businessCode) && !NEVER_CODES.contains(businessCode);
    }
    return retryableStatuses.contains(httpStatus);
  }

  /**
   * @param retry which retry this is: 1 before the second attempt, 2 before the third ...
   * @param retryAfter the wait the server asked for, if any
   * @return how long to wait: the server's wait if given (at most {@link #maxRetryAfter()}), else the
   *     jittered exponential backoff (at most the maximum backoff)
   */
  public Duration delayBeforeRetry(int retry, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
      return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
    return backoff.delay(retry - 1, random.nextDouble());
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", multiplier=" + multiplier + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter
        + ", retryableStatuses=" + retryableStatuses + ", retryableCodes=" + retryableCodes + "}";
  }

  /** Collects the settings of a {@link RetryPolicy}; starts from the defaults. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private double multiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(30);
    private RandomGenerator random = THREAD_LOCAL_RANDOM;
    private double jitter = 0.25;
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private Set<Integer> retryableStatuses = ErrorHandler.RETRYABLE_STATUSES;
    private Set<Integer> retryableCodes = BusinessCode.retryableCodes();

    private Builder() {
    }

    /**
     * @param maxAttempts attempts per request including the first, at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      require(maxAttempts >= 1, "maxAttempts must be at least 1");
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param initialBackoff the wait before the first retry, positive
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      require(initialBackoff != null && !initialBackoff.isNegative() && !initialBackoff.isZero(),
          "initialBackoff must be positive");
      this.initialBackoff = initialBackoff;
      return this;
    }

    /**
     * @param multiplier growth of the wait from one retry to the next, at least 1
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      require(multiplier >= 1.0 && Double.isFinite(multiplier), "multiplier must be finite and at least 1");
      this.multiplier = multiplier;
      return this;
    }

    /**
     * @param maxBackoff the longest computed wait; positive
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      require(maxBackoff != null && !maxBackoff.isNegative() && !maxBackoff.isZero(),
          "maxBackoff must be positive");
      this.maxBackoff = maxBackoff;
      return this;
    }

    /**
     * @param jitter the spread of computed waits, a fraction in [0, 1] (default 0.25)
     * @return this builder
     */
    public Builder jitter(double jitter) {
      require(jitter >= 0 && jitter <= 1, "jitter must be in [0, 1]");
      this.jitter = jitter;
      return this;
    }

    /**
     * @param cap the longest server-directed wait ({@code Retry-After}) that is waited for; past it the
     *     answer is handed to the caller at once (default 30 s); positive
     * @return this builder
     */
    public Builder maxRetryAfter(Duration cap) {
      require(cap != null && !cap.isNegative() && !cap.isZero(), "maxRetryAfter must be positive");
      this.maxRetryAfter = cap;
      return this;
    }

    /**
     * @param random the source of jitter; must be thread-safe if the policy is shared
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      require(random != null, "random must not be null");
      this.random = random;
      return this;
    }

    /**
     * @param statuses HTTP statuses retried when the body has no business code
     * @return this builder
     */
    public Builder retryableStatuses(Set<Integer> statuses) {
      require(statuses != null && statuses.stream().noneMatch(NEVER_STATUSES::contains),
          "retryableStatuses must not contain 400, 401, 403 or 404");
      this.retryableStatuses = statuses;
      return this;
    }

    /**
     * @param codes business codes retried whatever the status (except on 400, 401, 403, 404)
     * @return this builder
     */
    public Builder retryableCodes(Set<Integer> codes) {
      require(codes != null && codes.stream().noneMatch(NEVER_CODES::contains),
          "retryableCodes must not contain the account codes 1100-1103");
      this.retryableCodes = codes;
      return this;
    }

    /** @return the policy */
    public RetryPolicy build() {
      require(initialBackoff.compareTo(maxBackoff) <= 0, "initialBackoff must not exceed maxBackoff");
      return new RetryPolicy(this);
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
