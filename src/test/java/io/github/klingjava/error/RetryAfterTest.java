package io.github.klingjava.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  void delaySeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", CLOCK));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", CLOCK));
  }

  @Test
  void httpDateInTheFuture() {
    assertEquals(Optional.of(Duration.ofMinutes(2)),
        RetryAfter.parse("Wed, 21 Oct 2026 07:30:00 GMT", CLOCK));
  }

  @Test
  void httpDateInThePastMeansNow() {
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", CLOCK));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-5", "1.5", "soon", "99999999999999999999999", "21 Oct 2026"})
  void absentOrMalformedIsEmpty(String value) {
    assertEquals(Optional.empty(), RetryAfter.parse(value, CLOCK));
  }

  @Test
  void readsTheHeaderCaseInsensitively() {
    assertEquals(Optional.of(Duration.ofSeconds(3)), RetryAfter.from(Headers.of("retry-after", "3"), CLOCK));
    assertEquals(Optional.empty(), RetryAfter.from(null, CLOCK));
  }
}
