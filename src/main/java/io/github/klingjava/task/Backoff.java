package io.github.klingjava.task;

import java.time.Duration;

/**
 * The one backoff schedule of the library, used by HTTP retries ({@code RetryPolicy}) and by the
 * waiter's polls ({@link WaitOptions}): delay {@code n} is {@code initial * multiplier^n}, capped at
 * {@code max}, then spread by the jitter fraction and clamped back into {@code [initial, max]} so that
 * jitter never breaks the floor or the ceiling.
 *
 * <pre>{@code
 * Backoff backoff = Backoff.of(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.25);
 * Duration second = backoff.delay(1, ThreadLocalRandom.current().nextDouble()); // 1.5 s to 2.5 s
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Backoff {

  private final Duration initial;
  private final double multiplier;
  private final Duration max;
  private final double jitter;

  private Backoff(Duration initial, double multiplier, Duration max, double jitter) {
    this.initial = initial;
    this.multiplier = multiplier;
    this.max = max;
    this.jitter = jitter;
  }

  /**
   * @param initial the first delay and the floor, positive
   * @param multiplier growth from one delay to the next, at least 1
   * @param max the ceiling, at least {@code initial}
   * @param jitter the spread fraction in [0, 1]
   * @return the schedule
   */
  public static Backoff of(Duration initial, double multiplier, Duration max, double jitter) {
    if (initial == null || initial.isNegative() || initial.isZero() || max == null
        || max.compareTo(initial) < 0 || !(multiplier >= 1.0) || Double.isInfinite(multiplier)
        || !(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("Backoff needs 0 < initial <= max, multiplier >= 1 and"
          + " jitter in [0, 1]: " + initial + ", " + multiplier + ", " + max + ", " + jitter);
    }
    return new Backoff(initial, multiplier, max, jitter);
  }

  /**
   * @param attempt 0 for the first delay, 1 for the next, and so on
   * @param uniform a value in [0, 1): 0.5 gives the nominal delay, 0 and 1 the jitter's edges
   * @return the delay
   */
  public Duration delay(int attempt, double uniform) {
    double floor = initial.toNanos();
    double ceiling = max.toNanos();
    double base = Math.min(ceiling, floor * Math.pow(multiplier, Math.max(0, attempt)));
    double jittered = base * (1 + jitter * (2 * uniform - 1));
    return Duration.ofNanos((long) Math.max(floor, Math.min(ceiling, jittered)));
  }

  /** @return the ceiling */
  public Duration max() {
    return max;
  }

  @Override
  public String toString() {
    return "Backoff{initial=" + initial + ", multiplier=" + multiplier + ", max=" + max
        + ", jitter=" + jitter + "}";
  }
}
