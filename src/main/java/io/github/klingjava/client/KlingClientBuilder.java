package io.github.klingjava.client;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.http.RetryPolicy;
import io.github.klingjava.http.Sleeper;
import io.github.klingjava.task.PollScheduler;
import io.github.klingjava.task.SubmitExecutor;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.vendor.AuthKind;
import io.github.klingjava.vendor.VendorProfile;
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
  /** Null: keep the given OkHttpClient's own value (or the default when the client builds its own). */
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration callTimeout;
  private RetryPolicy retryPolicy = RetryPolicy.create();
  private Sleeper sleeper = Sleeper.system();
  private Clock clock = Clock.systemUTC();
  private PollScheduler pollScheduler;
  private java.util.concurrent.Executor submitExecutor;
  private boolean validateRequests = true;
  private boolean externalTaskIds = true;
  private boolean wireLog;
  private io.github.klingjava.download.AddressPolicy downloadPolicy =
      io.github.klingjava.download.AddressPolicy.publicOnly();

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
   * The OkHttp client to build on. Its timeouts, proxy, connection pool, dispatcher, DNS, TLS settings, event
   * listener and interceptors are kept unless you also call {@link #connectTimeout}, {@link #readTimeout} or
   * {@link #callTimeout}. On a derived instance (this one is never changed or closed) the client adds: the
   * {@code User-Agent} and {@code Accept: application/json} headers, authentication, the vendor's wire
   * quirks, its retry layer, a network interceptor that keeps OkHttp from re-sending a POST on its own
   * ({@code ResendGuard}), and {@code retryOnConnectionFailure(false)} (the retry layer re-sends only what
   * provably never left).
   */
  public KlingClientBuilder okHttpClient(OkHttpClient base) {
    this.baseHttp = Objects.requireNonNull(base, "okHttpClient");
    return this;
  }

  /** Connect timeout (default 10 s; with {@link #okHttpClient} given: that client's own unless set here). */
  public KlingClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    return this;
  }

  /** Read timeout (default 60 s; with {@link #okHttpClient} given: that client's own unless set here). */
  public KlingClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = positive("readTimeout", timeout);
    return this;
  }

  /**
   * Upper bound for one API call, all retries and their waits included (default 2 min; with
   * {@link #okHttpClient} given: that client's own unless set here, and 2 min if it has none).
   */
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
   * Where {@code submitAndWaitAsync} runs its submits (default: {@link SubmitExecutor#shared()}, a bounded pool
   * of {@value SubmitExecutor#DEFAULT_THREADS} threads, virtual on Java 21+). The client never shuts it down.
   */
  public KlingClientBuilder submitExecutor(java.util.concurrent.Executor executor) {
    this.submitExecutor = Objects.requireNonNull(executor, "submitExecutor");
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

  /**
   * Whether a submit without an {@code external_task_id} gets a generated one ({@code kj-<uuid>}, default
   * true). It lets the client find the task after an ambiguous failure instead of creating it twice; with
   * {@code false}, only submits that carry your own id are recovered, the others throw the failure.
   */
  public KlingClientBuilder externalTaskIds(boolean generate) {
    this.externalTaskIds = generate;
    return this;
  }

  /**
   * Whether to log every request and answer at DEBUG on the SLF4J logger {@code io.github.klingjava.wire}
   * (default false), credentials and known secrets masked; see {@link io.github.klingjava.http.WireLog}.
   */
  public KlingClientBuilder wireLog(boolean enabled) {
    this.wireLog = enabled;
    return this;
  }

  /**
   * Which addresses {@code downloader()} may fetch result files from (default: public addresses only;
   * a local test double needs e.g. {@code AddressPolicy.publicOnly().allowRange("127.0.0.1/32")}).
   */
  public KlingClientBuilder downloadPolicy(io.github.klingjava.download.AddressPolicy policy) {
    this.downloadPolicy = Objects.requireNonNull(policy, "downloadPolicy");
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
    private final HttpStack http;
    private final TaskWaiter.Builder waiter;
    private final ErrorHandler errorHandler;
    private final boolean validate;
    private final boolean ownsHttp;
    private final boolean externalTaskIds;
    private final io.github.klingjava.download.AddressPolicy downloadPolicy;
    private final Clock clock;
    private final boolean signsJwt;

    private Parts(KlingClientBuilder b, Credentials credentials) {
      this.signsJwt = credentials.usesJwt();
      this.vendor = b.vendor;
      this.clock = b.clock;
      this.errorHandler = ErrorHandler.create(b.clock);
      this.validate = b.validateRequests;
      this.externalTaskIds = b.externalTaskIds;
      this.downloadPolicy = b.downloadPolicy;
      this.ownsHttp = b.baseHttp == null;
      OkHttpClient base = HttpStack.base(b.baseHttp, b.connectTimeout, b.readTimeout, b.callTimeout);
      this.http = new HttpStack(base, credentials, b.vendor, b.retryPolicy, b.sleeper, b.clock, b.wireLog);
      TaskWaiter.Builder waiterBuilder = TaskWaiter.builder(KlingClient.noFamilyPoller()).clock(b.clock)
          .submitExecutor(b.submitExecutor == null ? SubmitExecutor.shared() : b.submitExecutor);
      this.waiter = b.pollScheduler == null ? waiterBuilder : waiterBuilder.scheduler(b.pollScheduler);
    }

    VendorProfile vendor() {
      return vendor;
    }

    OkHttpClient apiHttp() {
      return http.apiHttp();
    }

    OkHttpClient pollHttp() {
      return http.pollHttp();
    }

    OkHttpClient downloadHttp() {
      return http.downloadHttp();
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

    io.github.klingjava.download.AddressPolicy downloadPolicy() {
      return downloadPolicy;
    }

    boolean externalTaskIds() {
      return externalTaskIds;
    }

    Clock clock() {
      return clock;
    }

    boolean signsJwt() {
      return signsJwt;
    }
  }
}
