package io.github.klingjava.http;

import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from re-sending a task-creating request on its own.
 * OkHttp's follow-up step (between application and network interceptors) repeats a request after a
 * {@code 503} with {@code Retry-After: 0} and follows {@code 307}/{@code 308} redirects with the same
 * body; for a {@code POST} either could create and bill a second task. For requests other than
 * {@code GET}/{@code HEAD} this interceptor moves those two headers ({@code Retry-After} of a 503,
 * {@code Location} of a 3xx) aside under {@value #HELD_PREFIX}{@code *} names, so OkHttp sees nothing to
 * follow; {@link RetryInterceptor} puts them back before anyone else reads the answer.
 *
 * <p>It also marks, for {@link RetryInterceptor}, that the attempt reached the network: a failure before
 * this point proves that nothing was sent. GETs pass through untouched. Thread-safe; logs nothing.
 *
 * <pre>{@code
 * new OkHttpClient.Builder()
 *     .addInterceptor(RetryInterceptor.create(RetryPolicy.create(), Sleeper.system()))
 *     .addNetworkInterceptor(ResendGuard.create())
 *     .build();
 * }</pre>
 */
public final class ResendGuard implements Interceptor {

  static final String HELD_PREFIX = "X-Kling-Held-";
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD");
  private static final String[] HELD = {"Retry-After", "Location"};
  private static final String[] HELD_AS = {HELD_PREFIX + HELD[0], HELD_PREFIX + HELD[1]};
  private static final ResendGuard INSTANCE = new ResendGuard();

  private ResendGuard() {
  }

  /** @return the interceptor, to add with {@code addNetworkInterceptor} */
  public static ResendGuard create() {
    return INSTANCE;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    SendState state = chain.call().tag(SendState.class);
    if (state != null) {
      state.markReachedNetwork();
    }
    Response response = chain.proceed(request);
    if (IDEMPOTENT.contains(request.method())) {
      return response;
    }
    if (response.code() == 503) {
      return hold(response, "Retry-After");
    }
    if (response.code() >= 300 && response.code() < 400) {
      return hold(response, "Location");
    }
    return response;
  }

  private static Response hold(Response response, String header) {
    String value = response.header(header);
    if (value == null) {
      return response;
    }
    return response.newBuilder().removeHeader(header).header(HELD_PREFIX + header, value).build();
  }

  /** Puts held headers back under their own names. */
  static Response restore(Response response) {
    Response restored = response;
    for (int i = 0; i < HELD.length; i++) {
      String value = restored.header(HELD_AS[i]);
      if (value != null) {
        restored = restored.newBuilder().removeHeader(HELD_AS[i]).header(HELD[i], value).build();
      }
    }
    return restored;
  }

  @Override
  public String toString() {
    return "ResendGuard";
  }
}
