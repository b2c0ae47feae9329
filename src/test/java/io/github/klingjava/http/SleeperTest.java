package io.github.klingjava.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleeperTest {

  @Test
  void systemSleeperReturnsAtOnceForNothingToWait() {
    assertDoesNotThrow(() -> Sleeper.system().sleep(Duration.ZERO));
    assertDoesNotThrow(() -> Sleeper.system().sleep(Duration.ofSeconds(-1)));
  }
}
