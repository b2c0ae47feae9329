package io.github.klingjava.auth;

import io.github.klingjava.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JwtTokenProviderTest {

  private static final String ACCESS_KEY = "AK-test-0123456789";
  private static final String SECRET_KEY = "SK-test-secret-0123456789";
  private static final Instant START = Instant.parse("2026-03-13T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final JwtTokenProvider provider = JwtTokenProvider.create(ACCESS_KEY, SECRET_KEY, clock);

  @Test
  void signsHs256WithTheDocumentedHeaderAndClaims() {
    DecodedJWT jwt = verify(provider.token(), SECRET_KEY, clock);

    assertEquals("HS256", jwt.getAlgorithm());
    assertEquals("JWT", jwt.getType());
    assertEquals(ACCESS_KEY, jwt.getIssuer());
    assertEquals(START.plusSeconds(1800), jwt.getExpiresAtAsInstant());
    assertEquals(START.minusSeconds(5), jwt.getNotBeforeAsInstant());
    assertEquals(Set.of("iss", "exp", "nbf"), jwt.getClaims().keySet());
  }

  @Test
  void aWrongSecretFailsVerification() {
    String token = provider.token();

    assertThrows(SignatureVerificationException.class, () -> verify(token, "another-secret", clock));
  }

  @Test
  void reusesTheTokenWhileMoreThanTheMarginIsLeft() {
    String first = provider.token();
    clock.advance(Duration.ofMinutes(24).plusSeconds(59));

    assertSame(first, provider.token());
  }

  @Test
  void signsANewTokenOnceLessThanTheMarginIsLeft() {
    String first = provider.token();
    clock.advance(Duration.ofMinutes(25));

    String renewed = provider.token();

    assertNotEquals(first, renewed);
    DecodedJWT jwt = verify(renewed, SECRET_KEY, clock);
    assertEquals(START.plus(Duration.ofMinutes(55)), jwt.getExpiresAtAsInstant());
  }

  @Test
  void theOldTokenIsExpiredWhereTheRenewedOneIsValid() {
    String first = provider.token();
    clock.advance(Duration.ofMinutes(31));

    String renewed = provider.token();

    assertThrows(TokenExpiredException.class, () -> verify(first, SECRET_KEY, clock));
    verify(renewed, SECRET_KEY, clock);
  }

  @Test
  void signsANewTokenWhenTheClockMovesBackBeforeNotBefore() {
    String first = provider.token();
    clock.advance(Duration.ofMinutes(-1));

    String second = provider.token();

    assertNotEquals(first, second);
    verify(second, SECRET_KEY, clock);
  }

  @Test
  void customTtlAndMargin() {
    JwtTokenProvider shortLived = JwtTokenProvider.create(ACCESS_KEY, SECRET_KEY, clock,
        Duration.ofMinutes(10), Duration.ofMinutes(1));
    String first = shortLived.token();

    assertEquals(START.plus(Duration.ofMinutes(10)), verify(first, SECRET_KEY, clock).getExpiresAtAsInstant());
    clock.advance(Duration.ofMinutes(8).plusSeconds(59));
    assertSame(first, shortLived.token());
    clock.advance(Duration.ofSeconds(1));
    assertNotEquals(first, shortLived.token());
  }

  @Test
  void concurrentCallersShareOneValidToken() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      Callable<String> call = () -> {
        go.await();
        return provider.token();
      };
      for (int i = 0; i < threads * 4; i++) {
        results.add(pool.submit(call));
      }
      go.countDown();
      String shared = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<String> result : results) {
        assertSame(shared, result.get(10, TimeUnit.SECONDS));
      }
      verify(shared, SECRET_KEY, clock);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsBadArgumentsWithoutEchoingThem() {
    assertThrows(IllegalArgumentException.class, () -> JwtTokenProvider.create(" ", SECRET_KEY, clock));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JwtTokenProvider.create(ACCESS_KEY, "", clock));
    assertEquals("secretKey must not be null or blank", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JwtTokenProvider.create(ACCESS_KEY, SECRET_KEY, null));
    assertThrows(IllegalArgumentException.class, () -> JwtTokenProvider.create(ACCESS_KEY, SECRET_KEY, clock,
        Duration.ofMinutes(5), Duration.ofMinutes(5)));
    assertThrows(IllegalArgumentException.class, () -> JwtTokenProvider.create(ACCESS_KEY, SECRET_KEY, clock,
        Duration.ofSeconds(30), Duration.ZERO));
  }

  @Test
  void toStringHidesTheSecret() {
    provider.token();

    assertEquals("JwtTokenProvider[iss=****6789, ttl=PT30M]", provider.toString());
    assertFalse(provider.toString().contains(SECRET_KEY));
  }

  static DecodedJWT verify(String token, String secret, Clock at) {
    JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(secret))
        .withIssuer(ACCESS_KEY)).build(at);
    return verifier.verify(token);
  }
}
