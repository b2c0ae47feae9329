package io.github.klingjava.client;

import io.github.klingjava.auth.AuthInterceptor;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.http.RetryInterceptor;
import io.github.klingjava.http.RetryPolicy;
import io.github.klingjava.http.Sleeper;
import io.github.klingjava.http.UserAgentInterceptor;
import io.github.klingjava.vendor.TaskFamily;
import io.github.klingjava.vendor.VendorProfile;
import io.github.klingjava.vendor.VendorWireInterceptor;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The three OkHttp clients a {@link KlingClient} talks through (API calls, the waiter's polls, result
 * downloads), derived from one base so they share its connection pool, each with the interceptors its
 * traffic needs. Kept apart from {@link KlingClientBuilder}, which only collects settings: the order of
 * the interceptors is the part that must not drift.
 */
final class HttpStack {
  private final OkHttpClient apiHttp;
  private final OkHttpClient pollHttp;
  private final OkHttpClient downloadHttp;

  HttpStack(OkHttpClient base, Credentials credentials, VendorProfile vendor, RetryPolicy retryPolicy,
      Sleeper sleeper, Clock clock, boolean wireLog) {
    String userAgent = UserAgentInterceptor.create().userAgent();
    // One request rebuild per call for all fixed headers: each header interceptor would copy the request.
    this.downloadHttp = base.newBuilder().addInterceptor(fixedHeaders(userAgent)).build();
    AuthInterceptor auth = AuthInterceptor.create(credentials, clock)
        .alsoSetting("User-Agent", userAgent)
        .alsoSetting("Accept", "application/json");
    VendorWireInterceptor quirks = VendorWireInterceptor.create(vendor);
    // The waiter's polls skip HTTP retries: a 429 or 5xx only delays the next poll, so a Retry-After never
    // blocks one of the few shared polling threads.
    OkHttpClient.Builder polls = base.newBuilder().addInterceptor(auth);
    this.pollHttp = (wireLog ? polls.addNetworkInterceptor(io.github.klingjava.http.WireLog.create()) : polls)
        .build();
    // Retry outside auth, so every attempt carries a fresh token.
    RetryInterceptor retry = RetryInterceptor.create(retryPolicy, sleeper, clock);
    OkHttpClient.Builder api = base.newBuilder()
        .addInterceptor(retry)
        .addInterceptor(auth);
    if (hasWireQuirks(vendor)) { // the others' bodies go out exactly as written and checked
      api.addInterceptor(quirks);
    }
    api.addNetworkInterceptor(retry.resendGuard());
    // Innermost, so the wire log shows exactly what went over the network.
    this.apiHttp = (wireLog ? api.addNetworkInterceptor(io.github.klingjava.http.WireLog.create()) : api)
        .build();
  }

  /**
   * The base all three derive from: the given client (or the default one) with the timeouts set on the
   * builder, the client's defaults where it built its own, and OkHttp's silent resend switched off.
   */
  static OkHttpClient base(OkHttpClient given, Duration connectTimeout, Duration readTimeout,
      Duration callTimeout) {
    boolean own = given == null;
    OkHttpClient.Builder http = (own ? defaultHttp() : given).newBuilder();
    if (connectTimeout != null || own) {
      http.connectTimeout(connectTimeout != null ? connectTimeout : Duration.ofSeconds(10));
    }
    if (readTimeout != null || own) {
      http.readTimeout(readTimeout != null ? readTimeout : Duration.ofSeconds(60));
    }
    // Without a call timeout no bound would hold retries and their waits: 2 min unless set anywhere.
    if (callTimeout != null || own || given.callTimeoutMillis() == 0) {
      http.callTimeout(callTimeout != null ? callTimeout : Duration.ofMinutes(2));
    }
    // OkHttp would otherwise resend a POST on a failed pooled connection and could create a task twice.
    return http.retryOnConnectionFailure(false).build();
  }

  OkHttpClient apiHttp() {
    return apiHttp;
  }

  OkHttpClient pollHttp() {
    return pollHttp;
  }

  OkHttpClient downloadHttp() {
    return downloadHttp;
  }

  /**
   * Idle connections are dropped after 4 s: servers such as Node's close keep-alive connections after 5 s, and
   * with OkHttp's silent resend switched off (it could submit a task twice) a POST on such a stale connection
   * would fail instead of being sent again.
   */
  private static OkHttpClient defaultHttp() {
    return new OkHttpClient.Builder().connectionPool(new okhttp3.ConnectionPool(5, 4, java.util.concurrent.TimeUnit.SECONDS))
        .build();
  }

  private static okhttp3.Interceptor fixedHeaders(String userAgent) {
    return chain -> chain.proceed(chain.request().newBuilder()
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .build());
  }

  private static boolean hasWireQuirks(VendorProfile vendor) {
    for (TaskFamily family : TaskFamily.values()) {
      if (!vendor.wireRenames(family).isEmpty() || !vendor.wireDefaults(family).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
