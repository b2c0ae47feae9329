package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.vendor.VendorProfile;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A user's OkHttpClient keeps its own timeouts, proxy and pool unless the builder is told otherwise. */
class UserHttpClientTest {

  private final ConnectionPool pool = new ConnectionPool();
  private final Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.test", 3128));
  private final OkHttpClient mine = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(3))
      .readTimeout(Duration.ofSeconds(7)).callTimeout(Duration.ofSeconds(45)).proxy(proxy)
      .connectionPool(pool).build();

  @Test
  void keepsTheUsersTimeoutsProxyAndPool() {
    try (KlingClient client = builder().okHttpClient(mine).build()) {
      OkHttpClient derived = client.downloadHttpClient();
      assertEquals(3_000, derived.connectTimeoutMillis());
      assertEquals(7_000, derived.readTimeoutMillis());
      assertEquals(45_000, derived.callTimeoutMillis());
      assertSame(proxy, derived.proxy());
      assertSame(pool, derived.connectionPool());
      assertFalse(derived.retryOnConnectionFailure(), "only the client's retry layer re-sends");
    }
    assertEquals(7_000, mine.readTimeoutMillis(), "the given client itself is never changed");
  }

  @Test
  void explicitBuilderTimeoutsWinAndAMissingCallTimeoutBecomesTwoMinutes() {
    OkHttpClient noCallTimeout = mine.newBuilder().callTimeout(Duration.ZERO).build();
    try (KlingClient client = builder().okHttpClient(noCallTimeout).readTimeout(Duration.ofSeconds(20)).build()) {
      OkHttpClient derived = client.downloadHttpClient();
      assertEquals(20_000, derived.readTimeoutMillis());
      assertEquals(3_000, derived.connectTimeoutMillis());
      assertEquals(120_000, derived.callTimeoutMillis());
    }
  }

  private static KlingClientBuilder builder() {
    return KlingClient.builder().vendor(VendorProfile.custom("http://127.0.0.1:9/"))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001"));
  }
}
