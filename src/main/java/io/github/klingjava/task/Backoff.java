package io.github.klingjava.task;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The poll schedule of one wait: interval {@code n} is {@code initialDelay * multiplier^n}, capped
 * at {@code maxInterval}, then spread by the jitter fraction and clamped back into
 * {@code [initialDelay, maxInterval]} so that jitter never breaks the floor or the ceiling.
 */
final class Backoff {

  private final WaitOptions options;
  private final DoubleSupplier random;

  /**
   * @param options the schedule
   * @param random uniform values in [0, 1); tests pass a constant
   */
  Backoff(WaitOptions options, DoubleSupplier random) {
    this.options = options;
    this.random = random;
  }

  /**
   * @param attempt 0 for the delay before the first poll, 1 after the first poll, and so on
   * @return the delay before the next poll
   */
  Duration delay(int attempt) {
    double floor = options.initialDelay().toNanos();
    double ceiling = options.maxInterval().toNanos();
    double base = Math.min(ceiling, floor * Math.pow(options.multiplier(), attempt));
    double spread = options.jitter() * (2 * random.getAsDouble() - 1);
    double jittered = base * (1 + spread);
    return Duration.ofNanos((long) Math.max(floor, Math.min(ceiling, jittered)));
  }
}
