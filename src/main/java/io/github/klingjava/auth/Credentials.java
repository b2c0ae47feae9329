package io.github.klingjava.auth;

import io.github.klingjava.error.SecretMask;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the client authenticates with: a static API key, or a Kling access key and secret key from
 * which it signs short-lived JWTs.
 *
 * <pre>{@code
 * Credentials comet = Credentials.apiKey(System.getenv("COMETAPI_KEY"));
 * Credentials kling = Credentials.accessKey(System.getenv("KLING_AK"), System.getenv("KLING_SK"));
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(AuthInterceptor.create(kling, Clock.systemUTC()))
 *     .build();
 * }</pre>
 *
 * <p>Immutable. No accessor hands the secrets out, and {@link #toString()} masks them, so a
 * {@code Credentials} can be logged or put in a debugger view safely.
 */
public final class Credentials {

  private static final String BEARER_PREFIX = "bearer ";
  private static final int MIN_LENGTH_TO_SHOW_TAIL = 16;

  private final String apiKey;
  private final String accessKey;
  private final String secretKey;

  private Credentials(String apiKey, String accessKey, String secretKey) {
    this.apiKey = apiKey;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /**
   * A key sent as is in {@code Authorization: Bearer <key>}: CometAPI, AnyAPI and other
   * aggregators' keys, and Kling's own API keys (2026 docs).
   *
   * @param apiKey the key, without a "Bearer " prefix; surrounding whitespace is dropped
   * @return the credentials
   * @throws IllegalArgumentException if the key is null, blank or holds whitespace inside
   */
  public static Credentials apiKey(String apiKey) {
    // Registered by value: a server or relay echoing the key in any form is masked in every message.
    String key = checked("apiKey", apiKey);
    SecretMask.global().add(key);
    return new Credentials(key, null, null);
  }

  /**
   * A Kling access key and secret key: every request carries an HS256 JWT signed with the secret
   * key, with the access key as issuer (see {@link JwtTokenProvider}).
   *
   * @param accessKey the access key (the JWT's {@code iss})
   * @param secretKey the secret key (the HMAC key; never sent)
   * @return the credentials
   * @throws IllegalArgumentException if either is null, blank or holds whitespace inside
   */
  public static Credentials accessKey(String accessKey, String secretKey) {
    String access = checked("accessKey", accessKey);
    String secret = checked("secretKey", secretKey);
    SecretMask.global().add(access);
    SecretMask.global().add(secret);
    return new Credentials(null, access, secret);
  }

  /** @return true for access key + secret key credentials, false for an API key */
  public boolean usesJwt() {
    return apiKey == null;
  }

  /**
   * Where the bearer token of each request comes from: the key itself, or a caching JWT signer.
   *
   * @param clock the clock JWTs are stamped with
   * @return a thread-safe token source
   */
  Supplier<String> tokenSource(Clock clock) {
    if (apiKey != null) {
      return () -> apiKey;
    }
    return JwtTokenProvider.create(accessKey, secretKey, clock)::token;
  }

  /**
   * An API key is a secret and shows nothing; an access key is an identifier (like a user name) and shows
   * its last four characters so logs can tell two configurations apart.
   *
   * @return {@code apiKey(****)} or {@code accessKey(****abcd, secretKey=****)}
   */
  @Override
  public String toString() {
    return apiKey != null
        ? "apiKey(****)"
        : "accessKey(" + mask(accessKey) + ", secretKey=****)";
  }

  /**
   * Masks a credential, showing its last four characters only when it is long enough that four
   * characters give little away.
   */
  static String mask(String value) {
    return value.length() >= MIN_LENGTH_TO_SHOW_TAIL
        ? "****" + value.substring(value.length() - 4) : "****";
  }

  private static String checked(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    String stripped = value.strip();
    if (stripped.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
      throw new IllegalArgumentException(name + " must be the bare key, without a \"Bearer \" prefix");
    }
    if (!stripped.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          name + " must hold printable ASCII only, without whitespace or control characters");
    }
    return stripped;
  }
}
