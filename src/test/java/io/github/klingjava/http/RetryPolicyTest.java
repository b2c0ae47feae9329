package io.github.klingjava.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.error.BusinessCode;
import io.github.klingjava.error.ErrorHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

  /** Always the middle of the jitter range: the nominal wait. */
  private static final RandomGenerator TOP = fixed(0.5);
  /** Always the bottom of the jitter range (factor 0.75, never below the initial wait). */
  private static final RandomGenerator BOTTOM = fixed(0.0);

  @Test
  void defaults() {
    RetryPolicy policy = RetryPolicy.builder().random(TOP).build();

    assertEquals(3, policy.maxAttempts());
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), delaysInSeconds(policy, 7));
  }

  @Test
  void jitterScalesTheWaitDownByAQuarterButNotBelowTheFirstWait() {
    RetryPolicy policy = RetryPolicy.builder().random(BOTTOM).build();

    assertEquals(Duration.ofSeconds(1), policy.delayBeforeRetry(1, Optional.empty()));
    assertEquals(Duration.ofMillis(1500), policy.delayBeforeRetry(2, Optional.empty()));
    assertEquals(Duration.ofMillis(22500), policy.delayBeforeRetry(10, Optional.empty()));
  }

  @Test
  void jitteredWaitsStayWithinAQuarterOfTheNominalWait() {
    RetryPolicy policy = RetryPolicy.builder().random(new Random(42)).build();

    for (int i = 0; i < 1000; i++) {
      long millis = policy.delayBeforeRetry(3, Optional.empty()).toMillis();
      assertTrue(millis >= 3000 && millis <= 5000, "wait " + millis);
    }
  }

  @Test
  void customBackoff() {
    RetryPolicy policy = RetryPolicy.builder().random(TOP).initialBackoff(Duration.ofMillis(200))
        .multiplier(3).maxBackoff(Duration.ofSeconds(2)).maxAttempts(6).build();

    assertEquals(6, policy.maxAttempts());
    assertEquals(Duration.ofMillis(200), policy.delayBeforeRetry(1, Optional.empty()));
    assertEquals(Duration.ofMillis(600), policy.delayBeforeRetry(2, Optional.empty()));
    assertEquals(Duration.ofMillis(1800), policy.delayBeforeRetry(3, Optional.empty()));
    assertEquals(Duration.ofSeconds(2), policy.delayBeforeRetry(4, Optional.empty()));
  }

  @Test
  void retryAfterReplacesTheBackoffUpToItsOwnCap() {
    RetryPolicy policy = RetryPolicy.builder().random(BOTTOM).build();

    assertEquals(Duration.ofSeconds(7), policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(7))));
    assertEquals(Duration.ZERO, policy.delayBeforeRetry(1, Optional.of(Duration.ZERO)));
    assertEquals(Duration.ofSeconds(30), policy.delayBeforeRetry(1, Optional.of(Duration.ofHours(1))));
    assertEquals(Duration.ofSeconds(30), policy.maxRetryAfter());
    assertEquals(Duration.ofSeconds(5), RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(5)).build()
        .delayBeforeRetry(1, Optional.of(Duration.ofSeconds(9))));
  }

  @ParameterizedTest(name = "HTTP {0}, code {1} -> {2}")
  @CsvSource({
      "429, 1302, true", "429, 1303, true", "429, , true",
      "500, 5000, true", "503, 5001, true", "504, 5002, true",
      "500, , true", "502, , true", "503, , true", "504, , true", "503, 0, true",
      "400, 1201, false", "400, , false", "401, 1004, false", "401, , false",
      "403, 1103, false", "404, , false", "404, 1203, false",
      "429, 1100, false", "429, 1101, false", "429, 1102, false", "429, 1304, false",
      "501, , false", "503, 9999, false", "400, 1302, false",
  })
  void decidesByCodeThenStatus(int status, Integer code, boolean retryable) {
    assertEquals(retryable, RetryPolicy.create().isRetryable(status, code));
  }

  @ParameterizedTest
  @EnumSource(BusinessCode.class)
  void agreesWithTheErrorHandlerOnEveryTableRow(BusinessCode row) {
    boolean handler = ErrorHandler.create()
        .toException(row.httpStatus(), Headers.of(), "{\"code\":" + row.code() + "}").isRetryable();

    assertEquals(handler, RetryPolicy.create().isRetryable(row.httpStatus(), row.code()));
  }

  @Test
  void agreesWithTheErrorHandlerOnEveryErrorStatusWithoutACode() {
    for (int status = 300; status <= 599; status++) {
      boolean handler = ErrorHandler.create().toException(status, Headers.of(), "").isRetryable();
      assertEquals(handler, RetryPolicy.create().isRetryable(status, null), "HTTP " + status);
    }
  }

  @Test
  void configurableStatusesAndCodes() {
    RetryPolicy policy = RetryPolicy.builder().retryableStatuses(Set.of(503)).retryableCodes(Set.of(1303)).build();

    assertTrue(policy.isRetryable(503, null));
    assertEquals(false, policy.isRetryable(500, null));
    assertTrue(policy.isRetryable(429, 1303));
    assertEquals(false, policy.isRetryable(429, 1302));
  }

  @Test
  void refusesToRetryWhatNeedsAHuman() {
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().retryableStatuses(Set.of(401, 503)));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().retryableCodes(Set.of(1102)));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().multiplier(0.5));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().initialBackoff(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().initialBackoff(Duration.ofMinutes(2)).build());
  }

  private static List<Long> delaysInSeconds(RetryPolicy policy, int retries) {
    return java.util.stream.IntStream.rangeClosed(1, retries)
        .mapToObj(n -> policy.delayBeforeRetry(n, Optional.empty()).toSeconds()).toList();
  }

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0L;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
