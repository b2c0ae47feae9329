package io.github.klingjava.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.callback.CallbackReceiver;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.http.RetryPolicy;
import io.github.klingjava.task.SubmitOutcome;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.vendor.VendorProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection suite of issue #12: every case of {@link FaultCatalog} against a misbehaving
 * loopback server, through the real client. Each row must show the expected outcome, and across all
 * rows: no call past its bound, no external id with two tasks, no HTTP call left open (EventListener
 * balance), and no secret (the key or the callback token, raw, percent-encoded or JSON-escaped) in any
 * exception message, {@code toString()}, log record or the printed table.
 * {@link #theSecretScanCatchesALeakingLogger()} proves the scan can fail.
 */
class FaultInjectionTest {

  private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);
  private static final RetryPolicy POLICY = RetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(50)).maxRetryAfter(Duration.ofSeconds(5)).build();
  private static final WaitOptions WAIT = WaitOptions.builder().initialDelay(Duration.ofMillis(20))
      .maxInterval(Duration.ofMillis(50)).timeout(Duration.ofMillis(500)).build();

  static {
    // An application that checks callback tokens builds a receiver; that registers the token's value.
    CallbackReceiver.builder().requireToken(FaultCatalog.TOKEN).build();
  }

  @Test
  void everyFaultEndsAsExpectedWithinItsBoundWithoutDuplicatesLeaksOrSecrets() throws Exception {
    List<FaultCase> cases = FaultCatalog.all();
    assertTrue(cases.size() >= 30, "fault kinds: " + cases.size());
    List<FaultRow> rows = new ArrayList<>();
    try (FaultProbes.LogTap logs = FaultProbes.LogTap.install()) {
      for (FaultCase c : cases) {
        rows.add(run(c, logs));
      }
    }
    String table = FaultRow.table(rows);
    System.out.println(table);
    assertTrue(secretsIn(table).isEmpty(), "the table itself leaks");
    List<FaultRow> bad = rows.stream().filter(r -> !r.passed()).toList();
    assertTrue(bad.isEmpty(), bad.size() + " of " + rows.size() + " cases failed:\n" + FaultRow.table(bad));
    assertEquals(0, rows.stream().mapToLong(FaultRow::duplicates).sum(), "duplicate tasks");
  }

  @Test
  void theSecretScanCatchesALeakingLogger() throws Exception {
    try (FaultProbes.LogTap logs = FaultProbes.LogTap.install()) {
      Logger.getLogger("a.careless.application").warning("calling Kling with key " + FaultCatalog.KEY);
      Logger.getLogger("a.careless.application").warning("callback " + FaultCatalog.CALLBACK);
      List<String> found = secretsIn(logs.text());
      assertEquals(List.of("key raw", "token percent-encoded"), found);
    }
  }

  private static FaultRow run(FaultCase c, FaultProbes.LogTap logs) throws Exception {
    logs.clear();
    FaultProbes.CallCounter calls = new FaultProbes.CallCounter();
    AtomicInteger sockets = new AtomicInteger();
    OkHttpClient base = new OkHttpClient.Builder().eventListener(calls)
        .connectionPool(new ConnectionPool(2, 1, java.util.concurrent.TimeUnit.MINUTES))
        .socketFactory(c.setup() == FaultCase.Setup.CONNECT_TIMEOUT_ONCE ? timingOutOnce(sockets)
            : SocketFactory.getDefault())
        .build();
    FaultServer server = new FaultServer();
    int port = freePort();
    AtomicBoolean started = new AtomicBoolean();
    if (c.setup() == FaultCase.Setup.NONE || c.setup() == FaultCase.Setup.CONNECT_TIMEOUT_ONCE) {
      server.start(port);
      started.set(true);
    }
    c.script().forEach(server::then);
    String actual;
    String secrets;
    long millis;
    try (server;
        KlingClient client = KlingClient.builder()
            .vendor(VendorProfile.custom("http://127.0.0.1:" + port + "/"))
            .credentials(Credentials.apiKey(FaultCatalog.KEY)).okHttpClient(base)
            .connectTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofMillis(300))
            .callTimeout(CALL_TIMEOUT).retryPolicy(POLICY)
            .sleeper(d -> {
              if (c.setup() == FaultCase.Setup.LATE_START && started.compareAndSet(false, true)) {
                startQuietly(server, port);
              }
              Thread.sleep(d.toMillis());
            }).build()) {
      seed(server, started.get());
      long start = System.nanoTime();
      StringBuilder seen = new StringBuilder();
      actual = act(c, client, server, seen);
      millis = (System.nanoTime() - start) / 1_000_000;
      seen.append(logs.text());
      secrets = String.join(", ", secretsIn(seen.toString()));
    }
    boolean closed = calls.awaitBalanced();
    return new FaultRow(c, actual, millis, server.duplicates(), closed ? 0 : calls.open(), secrets);
  }

  private static String act(FaultCase c, KlingClient client, FaultServer server, StringBuilder seen) {
    ImageGenerationRequest request = new ImageGenerationRequest().prompt("fault case")
        .callbackUrl(FaultCatalog.CALLBACK);
    try {
      switch (c.action()) {
        case SUBMIT:
          SubmitOutcome outcome = client.imageGeneration().submitWithOutcome(request);
          seen.append(outcome).append(outcome.ambiguousFailure().map(FaultInjectionTest::describe).orElse(""));
          return outcome.kind() + " posts=" + server.posts() + " tasks=" + server.tasksCreated();
        case GET_THEN_SUBMIT:
          client.imageGeneration().get("seed");
          Thread.sleep(150); // the server has closed the pooled connection by now
          SubmitOutcome next = client.imageGeneration().submitWithOutcome(request);
          return next.kind() + " posts=" + server.posts() + " tasks=" + server.tasksCreated();
        case GET:
          seen.append(client.imageGeneration().get("seed"));
          return "ok requests=" + server.requests().size();
        default:
          seen.append(client.imageGeneration().waitFor("seed", WAIT));
          return "ok";
      }
    } catch (RuntimeException | InterruptedException e) {
      seen.append(describe(e));
      String name = e.getClass().getSimpleName();
      if (e instanceof KlingApiException && ((KlingApiException) e).retryAfter().isPresent()) {
        name += " retryAfter=" + ((KlingApiException) e).retryAfter().get();
      }
      return switch (c.action()) {
        case SUBMIT, GET_THEN_SUBMIT -> name + " posts=" + server.posts() + " tasks=" + server.tasksCreated();
        case GET -> name + " requests=" + server.requests().size();
        default -> name;
      };
    }
  }

  /** Everything a user could print of a failure: messages, toString, causes and suppressed. */
  static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t).append('\n').append(t.getMessage()).append('\n');
      for (Throwable s : t.getSuppressed()) {
        out.append(describe(s));
      }
      if (t instanceof KlingApiException) {
        out.append(((KlingApiException) t).serverMessage()).append('\n');
      }
    }
    return out.toString();
  }

  /** @return which secret forms occur in the text; independent of the library's own mask */
  static List<String> secretsIn(String text) {
    List<String> found = new ArrayList<>();
    String[][] forms = {
        {"key raw", FaultCatalog.KEY},
        {"key percent-encoded", URLEncoder.encode(FaultCatalog.KEY, StandardCharsets.UTF_8)},
        {"key JSON-escaped", FaultCatalog.KEY.replace("/", "\\/")},
        {"token raw", FaultCatalog.TOKEN},
        {"token percent-encoded", URLEncoder.encode(FaultCatalog.TOKEN, StandardCharsets.UTF_8)},
        {"token JSON-escaped", FaultCatalog.TOKEN.replace("/", "\\/")}};
    for (String[] form : forms) {
      if (text.contains(form[1])) {
        found.add(form[0]);
      }
    }
    return found;
  }

  private static void seed(FaultServer server, boolean started) {
    if (started) {
      server.seed("seed");
    }
  }

  private static void startQuietly(FaultServer server, int port) {
    try {
      server.start(port);
      server.seed("seed");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The first socket's connect times out, as on a black-holed SYN; nothing is sent on it. */
  private static SocketFactory timingOutOnce(AtomicInteger count) {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        if (count.getAndIncrement() > 0) {
          return new Socket();
        }
        return new Socket() {
          @Override
          public void connect(SocketAddress endpoint, int timeout) throws IOException {
            throw new SocketTimeoutException("Connect timed out");
          }
        };
      }

      @Override
      public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException();
      }
    };
  }

}
