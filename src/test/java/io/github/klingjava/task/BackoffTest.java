package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static Backoff backoff(WaitOptions o) {
    return Backoff.of(o.initialDelay(), o.multiplier(), o.maxInterval(), o.jitter());
  }

  private final WaitOptions options = WaitOptions.builder().initialDelay(Duration.ofSeconds(1))
      .multiplier(1.5).maxInterval(Duration.ofSeconds(30)).jitter(0.2).build();

  @Test
  void withoutJitterIntervalsGrowGeometricallyToTheCeiling() {
    Backoff backoff = backoff(options.toBuilder().jitter(0).build());
    assertEquals(Duration.ofMillis(1000), backoff.delay(0, 0.9));
    assertEquals(Duration.ofMillis(1500), backoff.delay(1, 0.9));
    assertEquals(Duration.ofMillis(2250), backoff.delay(2, 0.9));
    assertEquals(Duration.ofSeconds(30), backoff.delay(20, 0.9));
    assertEquals(Duration.ofSeconds(30), backoff.delay(10_000, 0.9), "no overflow");
  }

  @Test
  void jitterSpreadsButNeverBreaksFloorOrCeiling() {
    Random random = new Random(42);
    Backoff backoff = backoff(options);
    for (int attempt = 0; attempt < 40; attempt++) {
      for (int i = 0; i < 50; i++) {
        Duration d = backoff.delay(attempt, random.nextDouble());
        assertTrue(d.compareTo(Duration.ofSeconds(1)) >= 0, "floor: " + d);
        assertTrue(d.compareTo(Duration.ofSeconds(30)) <= 0, "ceiling: " + d);
      }
    }
    assertEquals(Duration.ofMillis(1200), backoff(options).delay(1, 0.0));
    assertEquals(Duration.ofMillis(1800), backoff(options).delay(1, 1.0));
    assertEquals(Duration.ofSeconds(1), backoff(options).delay(0, 0.0), "floor holds");
    assertEquals(Duration.ofSeconds(24), backoff(options).delay(30, 0.0));
  }
}
