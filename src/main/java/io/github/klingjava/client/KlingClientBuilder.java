package io.github.klingjava.client;

import io.github.klingjava.auth.AuthInterceptor;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.http.RetryInterceptor;
import io.github.klingjava.http.RetryPolicy;
import io.github.klingjava.http.Sleeper;
import io.github.klingjava.http.UserAgentInterceptor;
import io.github.klingjava.task.PollScheduler;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.vendor.AuthKind;
import io.github.klingjava.vendor.TaskFamily;
import io.github.klingjava.vendor.VendorProfile;
import io.github.klingjava.vendor.VendorWireInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Configures a {@link KlingClient}. Only {@link #vendor} and {@link #credentials} are required:
 *
 * <pre>{@code
 * KlingClient client = KlingClient.builder()
 *     .vendor(VendorProfile.klingSingapore())
 *     .credentials(Credentials.accessKey(accessKey, secretKey)) // signed into a JWT, renewed before expiry
 *     .readTimeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public final class KlingClientBuilder {
  private VendorProfile vendor;
  private Credentials credentials;
  private OkHttpClient baseHttp;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);
  private Duration callTimeout = Duration.ofMinutes(2);
  private RetryPolicy retryPolicy = RetryPolicy.create();
  private Sleeper sleeper = Sleeper.system();
  private Clock clock = Clock.systemUTC();
  private PollScheduler pollScheduler;
  private boolean validateRequests = true;

  KlingClientBuilder() {
  }

  /** Which vendor: host, prefix, credential kind and documented quirks. Required. */
  public KlingClientBuilder vendor(VendorProfile vendor) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    return this;
  }

  /** An API key, or (Kling only) an access key + secret key. Required. */
  public KlingClientBuilder credentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /**
   * The OkHttp client to build on (connection pool, proxy, your own interceptors). The client adds its own
   * interceptors to a derived instance and never closes this one.
   */
  public KlingClientBuilder okHttpClient(OkHttpClient base) {
    this.baseHttp = Objects.requireNonNull(base, "okHttpClient");
    return this;
  }

  public KlingClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    return this;
  }

  public KlingClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = positive("readTimeout", timeout);
    return this;
  }

  /** Upper bound for one HTTP call including retries' individual attempts. */
  public KlingClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = positive("callTimeout", timeout);
    return this;
  }

  /** How transient failures (429 1302/1303, 5xx, connection failures) are retried. */
  public KlingClientBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
    return this;
  }

  /** Sleeps between HTTP retries; tests pass a fake that records instead of sleeping. */
  public KlingClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /** Time source for JWT expiry, Retry-After dates and wait deadlines. */
  public KlingClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Threads that poll outstanding tasks (default: 2 daemon threads owned by the client). */
  public KlingClientBuilder pollScheduler(PollScheduler scheduler) {
    this.pollScheduler = Objects.requireNonNull(scheduler, "pollScheduler");
    return this;
  }

  /**
   * Whether requests are checked against the spec before sending (default true). Turn it off only to put
   * deliberately invalid requests on the wire, e.g. to see what a mock or vendor answers.
   */
  public KlingClientBuilder validateRequests(boolean validate) {
    this.validateRequests = validate;
    return this;
  }

  /** Builds the client; fails with a message naming the missing or mismatched setting. */
  public KlingClient build() {
    if (vendor == null) {
      throw new IllegalStateException("vendor: required (e.g. VendorProfile.cometApi())");
    }
    Credentials creds = KlingClient.requireCredentials(credentials);
    if (creds.usesJwt() && vendor.authKind() == AuthKind.API_KEY) {
      throw new IllegalStateException("credentials: " + vendor.displayName()
          + " takes an API key (Credentials.apiKey), not a Kling access key + secret key");
    }
    return new KlingClient(new Parts(this, creds));
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

  private static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": must be positive, was " + value);
    }
    return value;
  }

  /** What the client is assembled from, derived once from the builder's settings. */
  static final class Parts {
    private final VendorProfile vendor;
    private final OkHttpClient apiHttp;
    private final OkHttpClient pollHttp;
    private final OkHttpClient downloadHttp;
    private final TaskWaiter.Builder waiter;
    private final ErrorHandler errorHandler;
    private final boolean validate;
    private final boolean ownsHttp;

    private Parts(KlingClientBuilder b, Credentials credentials) {
      this.vendor = b.vendor;
      this.errorHandler = ErrorHandler.create(b.clock);
      this.validate = b.validateRequests;
      this.ownsHttp = b.baseHttp == null;
      OkHttpClient base = (b.baseHttp == null ? defaultHttp() : b.baseHttp).newBuilder()
          .connectTimeout(b.connectTimeout)
          .readTimeout(b.readTimeout)
          .callTimeout(b.callTimeout)
          // OkHttp would otherwise resend a POST on a failed pooled connection and could create a task twice.
          .retryOnConnectionFailure(false)
          .build();
      String userAgent = UserAgentInterceptor.create().userAgent();
      // One request rebuild per call for all fixed headers: each header interceptor would copy the request.
      this.downloadHttp = base.newBuilder().addInterceptor(fixedHeaders(userAgent)).build();
      AuthInterceptor auth = AuthInterceptor.create(credentials, b.clock)
          .alsoSetting("User-Agent", userAgent)
          .alsoSetting("Accept", "application/json");
      VendorWireInterceptor quirks = VendorWireInterceptor.create(b.vendor);
      // The waiter's polls skip HTTP retries: a 429 or 5xx only delays the next poll, so a Retry-After never
      // blocks one of the few shared polling threads.
      this.pollHttp = base.newBuilder().addInterceptor(auth).build();
      // Retry outside auth, so every attempt carries a fresh token.
      OkHttpClient.Builder api = base.newBuilder()
          .addInterceptor(RetryInterceptor.create(b.retryPolicy, b.sleeper, b.clock))
          .addInterceptor(auth);
      if (hasWireQuirks(b.vendor)) { // the others' bodies go out exactly as written and checked
        api.addInterceptor(quirks);
      }
      this.apiHttp = api.build();
      TaskWaiter.Builder waiterBuilder = TaskWaiter.builder(KlingClient.noFamilyPoller()).clock(b.clock);
      this.waiter = b.pollScheduler == null ? waiterBuilder : waiterBuilder.scheduler(b.pollScheduler);
    }

    VendorProfile vendor() {
      return vendor;
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

    TaskWaiter.Builder waiter() {
      return waiter;
    }

    ErrorHandler errorHandler() {
      return errorHandler;
    }

    /** Whether the client created the HTTP stack (all three clients share its connection pool). */
    boolean ownsHttp() {
      return ownsHttp;
    }

    boolean validate() {
      return validate;
    }
  }
}
