package io.github.klingjava.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. Injected so that tests record the waits instead of sleeping.
 *
 * <pre>{@code
 * List<Duration> waits = new ArrayList<>();
 * RetryInterceptor retries = RetryInterceptor.create(RetryPolicy.create(), waits::add);
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** @return a sleeper that blocks the calling thread */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
      }
    };
  }
}
