package io.github.klingjava.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTCreationException;
import io.github.klingjava.error.KlingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Signs the JWTs Kling expects from access-key/secret-key callers and reuses each one until it is
 * close to expiry.
 *
 * <p>Token: header {@code {"alg":"HS256","typ":"JWT"}}, claims {@code iss} = access key,
 * {@code exp} = now + ttl (30 minutes by default), {@code nbf} = now - 5 s (so that a server clock
 * slightly behind ours does not answer 1003 "not yet valid"), signed with the secret key. A new
 * token is signed once less than the renewal margin (5 minutes by default) is left, so a token
 * never expires during a slow upload, and whenever the clock has moved before the cached token's
 * {@code nbf}.
 *
 * <pre>{@code
 * JwtTokenProvider jwt = JwtTokenProvider.create(accessKey, secretKey, Clock.systemUTC());
 * request.header("Authorization", "Bearer " + jwt.token());
 * }</pre>
 *
 * <p>Thread-safe: concurrent callers share one token; at most one of them signs a new one.
 */
public final class JwtTokenProvider {

  /** Token lifetime used by {@link #create(String, String, Clock)}; Kling's samples use 1800 s. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
  /** Renewal margin used by {@link #create(String, String, Clock)}. */
  public static final Duration DEFAULT_RENEWAL_MARGIN = Duration.ofMinutes(5);

  private static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(5);
  private static final Map<String, Object> HEADER = Map.of("typ", "JWT");

  private final String accessKey;
  private final Algorithm algorithm;
  private final Clock clock;
  private final Duration ttl;
  private final Duration renewalMargin;
  private volatile Token current;

  private JwtTokenProvider(String accessKey, String secretKey, Clock clock, Duration ttl,
      Duration renewalMargin) {
    this.accessKey = accessKey;
    this.algorithm = Algorithm.HMAC256(secretKey);
    this.clock = clock;
    this.ttl = ttl;
    this.renewalMargin = renewalMargin;
  }

  /**
   * @param accessKey the access key, the token's issuer
   * @param secretKey the secret key, the HMAC key
   * @param clock the clock tokens are stamped with
   * @return a provider with a 30-minute ttl and a 5-minute renewal margin
   */
  public static JwtTokenProvider create(String accessKey, String secretKey, Clock clock) {
    return create(accessKey, secretKey, clock, DEFAULT_TTL, DEFAULT_RENEWAL_MARGIN);
  }

  /**
   * @param accessKey the access key, the token's issuer
   * @param secretKey the secret key, the HMAC key
   * @param clock the clock tokens are stamped with
   * @param ttl how long a token is valid, at least one minute
   * @param renewalMargin sign a new token when less than this is left; zero or more, below ttl
   * @return a provider
   */
  public static JwtTokenProvider create(String accessKey, String secretKey, Clock clock,
      Duration ttl, Duration renewalMargin) {
    require(accessKey != null && !accessKey.isBlank(), "accessKey must not be null or blank");
    require(secretKey != null && !secretKey.isBlank(), "secretKey must not be null or blank");
    require(clock != null, "clock must not be null");
    require(ttl != null && ttl.compareTo(Duration.ofMinutes(1)) >= 0, "ttl must be at least one minute");
    require(renewalMargin != null && !renewalMargin.isNegative() && renewalMargin.compareTo(ttl) < 0,
        "renewalMargin must be zero or more and shorter than ttl");
    return new JwtTokenProvider(accessKey, secretKey, clock, ttl, renewalMargin);
  }

  /**
   * @return a token valid now and for at least the renewal margin
   * @throws KlingException if signing fails
   */
  public String token() {
    Instant now = clock.instant();
    Token token = current;
    if (token != null && token.usableAt(now)) {
      return token.value();
    }
    synchronized (this) {
      token = current;
      if (token == null || !token.usableAt(now)) {
        token = sign(now);
        current = token;
      }
      return token.value();
    }
  }

  /** @return a description without the secret, e.g. {@code JwtTokenProvider[iss=****abcd, ttl=PT30M]} */
  @Override
  public String toString() {
    return "JwtTokenProvider[iss=" + Credentials.mask(accessKey) + ", ttl=" + ttl + "]";
  }

  private Token sign(Instant now) {
    // JWT dates have whole seconds: truncate first so the cache agrees with the claims.
    Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
    Instant expires = issued.plus(ttl);
    Instant notBefore = issued.minus(NOT_BEFORE_SKEW);
    try {
      String value = JWT.create().withHeader(HEADER).withIssuer(accessKey)
          .withExpiresAt(expires).withNotBefore(notBefore).sign(algorithm);
      return new Token(value, notBefore, expires.minus(renewalMargin));
    } catch (JWTCreationException e) {
      throw new KlingException("Could not sign the Kling JWT", e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A signed token and the window in which it may be handed out. */
  private record Token(String value, Instant notBefore, Instant renewAt) {

    boolean usableAt(Instant now) {
      return !now.isBefore(notBefore) && now.isBefore(renewAt);
    }

    @Override
    public String toString() {
      return "Token[renewAt=" + renewAt + "]";
    }
  }
}
