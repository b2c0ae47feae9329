package io.github.klingjava.task;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TaskWaiter} polls one task: when it starts, how fast it backs off, and when it
 * gives up.
 *
 * <pre>{@code
 * WaitOptions options = WaitOptions.builder()
 *     .initialDelay(Duration.ofSeconds(5))   // videos take minutes: no point asking at once
 *     .maxInterval(Duration.ofSeconds(20))
 *     .timeout(Duration.ofMinutes(30))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: first poll after 1 s (Kling advises at least 1 s between queries), each interval
 * 1.5 times the previous one, never more than 30 s apart, up to 20 % jitter, give up after 10 min.
 * Immutable and thread-safe.
 */
public final class WaitOptions {

  private static final WaitOptions DEFAULTS = builder().build();

  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxInterval;
  private final double jitter;
  private final Duration timeout;

  private WaitOptions(Builder builder) {
    this.initialDelay = builder.initialDelay;
    this.multiplier = builder.multiplier;
    this.maxInterval = builder.maxInterval;
    this.jitter = builder.jitter;
    this.timeout = builder.timeout;
  }

  /** @return the defaults described in the class comment */
  public static WaitOptions defaults() {
    return DEFAULTS;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    return new Builder()
        .initialDelay(initialDelay)
        .multiplier(multiplier)
        .maxInterval(maxInterval)
        .jitter(jitter)
        .timeout(timeout);
  }

  /** @return the delay before the first poll, also the shortest interval between polls */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** @return the factor by which each interval grows, at least 1 */
  public double multiplier() {
    return multiplier;
  }

  /** @return the longest interval between two polls (a Retry-After may ask for longer) */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** @return the jitter fraction in [0, 1): each interval varies by up to this share */
  public double jitter() {
    return jitter;
  }

  /** @return how long to wait in all before failing with {@link TaskTimeoutException} */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "WaitOptions{initialDelay=" + initialDelay + ", multiplier=" + multiplier
        + ", maxInterval=" + maxInterval + ", jitter=" + jitter + ", timeout=" + timeout + '}';
  }

  /** Builds {@link WaitOptions}; every setter validates at once so a mistake points at its line. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofSeconds(1);
    private double multiplier = 1.5;
    private Duration maxInterval = Duration.ofSeconds(30);
    private double jitter = 0.2;
    private Duration timeout = Duration.ofMinutes(10);

    private Builder() {
    }

    /**
     * @param delay before the first poll and the floor of every interval; zero or more (Kling
     *     advises at least 1 s against its real API, shorter values are for tests and doubles)
     * @return this builder
     */
    public Builder initialDelay(Duration delay) {
      this.initialDelay = nonNegative(delay, "initialDelay");
      return this;
    }

    /**
     * @param factor growth of the interval after each poll, at least 1.0 (1.0 polls at a fixed
     *     rate)
     * @return this builder
     */
    public Builder multiplier(double factor) {
      if (!(factor >= 1.0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1.0: " + factor);
      }
      this.multiplier = factor;
      return this;
    }

    /**
     * @param ceiling the longest interval between polls, more than zero
     * @return this builder
     */
    public Builder maxInterval(Duration ceiling) {
      this.maxInterval = positive(ceiling, "maxInterval");
      return this;
    }

    /**
     * @param fraction in [0, 1); 0 disables jitter (tests), 0.2 spreads intervals by up to 20 % so
     *     that many tasks submitted together do not poll in lock step
     * @return this builder
     */
    public Builder jitter(double fraction) {
      if (!(fraction >= 0.0 && fraction < 1.0)) {
        throw new IllegalArgumentException("jitter must be in [0, 1): " + fraction);
      }
      this.jitter = fraction;
      return this;
    }

    /**
     * @param deadline how long to wait in all, counted from the start of the wait, more than zero
     * @return this builder
     */
    public Builder timeout(Duration deadline) {
      this.timeout = positive(deadline, "timeout");
      return this;
    }

    /**
     * @return the options
     * @throws IllegalArgumentException when the initial delay exceeds the ceiling
     */
    public WaitOptions build() {
      if (initialDelay.compareTo(maxInterval) > 0) {
        throw new IllegalArgumentException("initialDelay " + initialDelay
            + " exceeds maxInterval " + maxInterval);
      }
      return new WaitOptions(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      nonNegative(value, name);
      if (value.isZero()) {
        throw new IllegalArgumentException(name + " must be more than zero");
      }
      return value;
    }
  }
}
