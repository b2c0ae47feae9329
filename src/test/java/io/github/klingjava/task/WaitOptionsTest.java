package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitOptionsTest {

  @Test
  void defaultsFollowKlingsAdvice() {
    WaitOptions defaults = WaitOptions.defaults();
    assertEquals(Duration.ofSeconds(1), defaults.initialDelay());
    assertEquals(1.5, defaults.multiplier());
    assertEquals(Duration.ofSeconds(30), defaults.maxInterval());
    assertEquals(0.2, defaults.jitter());
    assertEquals(Duration.ofMinutes(10), defaults.timeout());
  }

  @Test
  void toBuilderCopiesEverything() {
    WaitOptions custom = WaitOptions.builder().initialDelay(Duration.ofSeconds(5)).multiplier(2)
        .maxInterval(Duration.ofSeconds(20)).jitter(0).timeout(Duration.ofMinutes(30)).build();
    assertEquals(custom.toString(), custom.toBuilder().build().toString());
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().initialDelay(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().multiplier(0.5));
    assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().multiplier(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(1.0));
    assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().maxInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder()
        .initialDelay(Duration.ofSeconds(40)).maxInterval(Duration.ofSeconds(30)).build());
    assertThrows(NullPointerException.class, () -> WaitOptions.builder().timeout(null));
  }
}
