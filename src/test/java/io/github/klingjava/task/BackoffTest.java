package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final WaitOptions options = WaitOptions.builder().initialDelay(Duration.ofSeconds(1))
      .multiplier(1.5).maxInterval(Duration.ofSeconds(30)).jitter(0.2).build();

  @Test
  void withoutJitterIntervalsGrowGeometricallyToTheCeiling() {
    Backoff backoff = new Backoff(options.toBuilder().jitter(0).build(), () -> 0.9);
    assertEquals(Duration.ofMillis(1000), backoff.delay(0));
    assertEquals(Duration.ofMillis(1500), backoff.delay(1));
    assertEquals(Duration.ofMillis(2250), backoff.delay(2));
    assertEquals(Duration.ofSeconds(30), backoff.delay(20));
    assertEquals(Duration.ofSeconds(30), backoff.delay(10_000), "no overflow");
  }

  @Test
  void jitterSpreadsButNeverBreaksFloorOrCeiling() {
    Random random = new Random(42);
    Backoff backoff = new Backoff(options, random::nextDouble);
    for (int attempt = 0; attempt < 40; attempt++) {
      for (int i = 0; i < 50; i++) {
        Duration d = backoff.delay(attempt);
        assertTrue(d.compareTo(Duration.ofSeconds(1)) >= 0, "floor: " + d);
        assertTrue(d.compareTo(Duration.ofSeconds(30)) <= 0, "ceiling: " + d);
      }
    }
    assertEquals(Duration.ofMillis(1200), new Backoff(options, () -> 0.0).delay(1));
    assertEquals(Duration.ofMillis(1800), new Backoff(options, () -> 1.0).delay(1));
    assertEquals(Duration.ofSeconds(1), new Backoff(options, () -> 0.0).delay(0), "floor holds");
    assertEquals(Duration.ofSeconds(24), new Backoff(options, () -> 0.0).delay(30));
  }
}
