package io.github.klingjava.contract.client;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.http.RetryPolicy;
import io.github.klingjava.vendor.VendorProfile;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds the client under test the way a user would (builder, vendor profile, credentials), on a
 * shared OkHttp pool, with a {@link WireLog} per client. Retries are off: a contract test wants the
 * first answer, and nothing sleeps.
 */
public final class Clients {

  /** The credential used against mocks: any bearer value passes Prism's presence check. */
  public static final String MOCK_KEY = "contract-test-key";

  /**
   * Idle connections are dropped after 2 s: Prism closes keep-alive connections after 5 s, and the
   * client turns OkHttp's retry on a stale pooled connection off (a POST must not be sent twice), so
   * a connection idle for longer would fail the next test with "unexpected end of stream".
   */
  private static final OkHttpClient SHARED = new OkHttpClient.Builder()
      .connectionPool(new ConnectionPool(5, 2, TimeUnit.SECONDS)).build();

  private Clients() {
  }

  /**
   * A client plus the log of what it put on the wire.
   *
   * @param client the client
   * @param wire its wire log
   */
  public record Wired(KlingClient client, WireLog wire) {
  }

  /**
   * @param prism the run's Prism
   * @param validate whether the client validates requests before sending
   * @param prefer the Prefer header for Prism, or null
   * @return a client for {@code VendorProfile.custom(<mock>)}
   */
  public static Wired mock(PrismSession prism, boolean validate, String prefer) {
    return of(VendorProfile.custom(prism.mock().baseUrl()), Credentials.apiKey(MOCK_KEY), validate, prefer);
  }

  /**
   * @param vendor the vendor profile (e.g. CometAPI's, moved with {@code withBaseUrl})
   * @param credentials the credentials
   * @param validate whether requests are validated
   * @param prefer the Prefer header, or null
   * @return the client
   */
  public static Wired of(VendorProfile vendor, Credentials credentials, boolean validate, String prefer) {
    WireLog wire = new WireLog(prefer);
    OkHttpClient base = SHARED.newBuilder().addNetworkInterceptor(wire).build();
    KlingClient client = KlingClient.builder()
        .vendor(vendor)
        .credentials(credentials)
        .okHttpClient(base)
        .validateRequests(validate)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
        .callTimeout(Duration.ofSeconds(30))
        .build();
    return new Wired(client, wire);
  }

  /** @return the shared OkHttp client, for raw calls a typed client cannot make */
  public static OkHttpClient shared() {
    return SHARED;
  }
}
