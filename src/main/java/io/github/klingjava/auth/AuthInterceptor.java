package io.github.klingjava.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts {@code Authorization: Bearer <token>} on every request, replacing any value already there:
 * the API key as is, or a JWT signed from the access key and secret key (cached and renewed by
 * {@link JwtTokenProvider}). It logs nothing.
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(AuthInterceptor.create(Credentials.apiKey(key), Clock.systemUTC()))
 *     .build();
 * }</pre>
 *
 * <p>Add it after the retry interceptor: application interceptors run in the order they were
 * added and a retry re-runs only the ones after the retrying one, so each attempt then asks for
 * the token again and never resends a JWT that expired during a back-off. Thread-safe.
 */
public final class AuthInterceptor implements Interceptor {

  private final Supplier<String> tokens;
  private final Headers also;

  private AuthInterceptor(Supplier<String> tokens, Headers also) {
    this.tokens = tokens;
    this.also = also;
  }

  /**
   * The same interceptor, setting one more fixed header in the same request rebuild (so a client
   * rebuilds each request once for all its headers, not once per header interceptor).
   *
   * @param name the header name
   * @param value its value
   * @return a new interceptor
   */
  public AuthInterceptor alsoSetting(String name, String value) {
    return new AuthInterceptor(tokens, also.newBuilder().set(name, value).build());
  }

  /**
   * @param credentials an API key or an access key and secret key
   * @param clock the clock JWTs are stamped with (unused for API keys)
   * @return the interceptor
   */
  public static AuthInterceptor create(Credentials credentials, Clock clock) {
    if (credentials == null || clock == null) {
      throw new IllegalArgumentException("credentials and clock must not be null");
    }
    return new AuthInterceptor(credentials.tokenSource(clock), Headers.of());
  }

  /**
   * @param credentials an API key or an access key and secret key
   * @return the interceptor, stamping JWTs with the system clock
   */
  public static AuthInterceptor create(Credentials credentials) {
    return create(credentials, Clock.systemUTC());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder builder = chain.request().newBuilder();
    for (int i = 0; i < also.size(); i++) {
      builder.header(also.name(i), also.value(i));
    }
    Request authorized = builder.header("Authorization", "Bearer " + tokens.get()).build();
    return chain.proceed(authorized);
  }

  @Override
  public String toString() {
    return "AuthInterceptor";
  }
}
