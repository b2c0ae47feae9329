package io.github.klingjava.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.generated.model.ResultImage;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResult;
import io.github.klingjava.task.TaskStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The downloader never reaches a non-public address unless allowed: an injected resolver maps names
 * to each forbidden range, and an EventListener proves no connection to a non-loopback address is
 * ever attempted (the refusal happens before connecting). The only server is a loopback MockWebServer.
 */
class DownloadAddressPolicyTest {

  private static final Map<String, String> NAMES = Map.of(
      "metadata.test", "169.254.169.254",
      "private10.test", "10.0.0.5",
      "private172.test", "172.16.3.4",
      "private192.test", "192.168.1.20",
      "shared.test", "100.64.0.9",
      "multicast.test", "224.0.0.251",
      "unspecified.test", "0.0.0.0",
      "ula.test", "fd00::1",
      "linklocal6.test", "fe80::1",
      "loopback.test", "127.0.0.1");

  @TempDir
  Path out;

  private final MockWebServer server = new MockWebServer();
  private final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();
  private OkHttpClient http;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    http = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        connects.add(address);
      }
    }).build();
  }

  @AfterEach
  void stop() {
    server.close();
    assertTrue(connects.stream().allMatch(a -> a.getAddress().isLoopbackAddress()),
        "connected to a non-loopback address: " + connects);
  }

  @ParameterizedTest(name = "{0} ({1}) is refused before connecting")
  @CsvSource({"metadata.test, link-local", "private10.test, private", "private172.test, private",
      "private192.test, private", "shared.test, shared", "multicast.test, multicast",
      "unspecified.test, unspecified", "ula.test, private", "linklocal6.test, link-local",
      "loopback.test, loopback"})
  void everyNonPublicRangeIsRefusedByName(String host, String range) {
    DownloadException e = assertThrows(DownloadException.class, () -> downloader(AddressPolicy.publicOnly())
        .download(task("http://" + host + ":" + server.getPort() + "/a.png"), out));
    assertEquals(DownloadException.Reason.FORBIDDEN_ADDRESS, e.reason());
    assertTrue(e.getMessage().contains(range), e.getMessage());
    assertTrue(connects.isEmpty(), "connected: " + connects);
  }

  @ParameterizedTest(name = "literal {0} is refused before connecting")
  @CsvSource({"169.254.169.254", "10.1.2.3", "127.0.0.1", "[::1]", "[fd12::7]", "[::ffff:192.168.0.1]"})
  void literalAddressesAreRefusedToo(String literal) {
    DownloadException e = assertThrows(DownloadException.class, () -> downloader(AddressPolicy.publicOnly())
        .download(task("http://" + literal + ":" + server.getPort() + "/a.png"), out));
    assertEquals(DownloadException.Reason.FORBIDDEN_ADDRESS, e.reason());
    assertTrue(connects.isEmpty(), "connected: " + connects);
  }

  @Test
  void everyRedirectHopIsCheckedBeforeItsConnection() {
    server.enqueue(new MockResponse.Builder().code(302)
        .addHeader("Location", "http://metadata.test/latest/meta-data/").build());
    AddressPolicy loopback = AddressPolicy.publicOnly().allowRange("127.0.0.1/32");

    DownloadException e = assertThrows(DownloadException.class, () -> downloader(loopback)
        .download(task("http://loopback.test:" + server.getPort() + "/a.png"), out));
    assertEquals(DownloadException.Reason.FORBIDDEN_ADDRESS, e.reason());
    assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
    assertEquals(1, server.getRequestCount(), "only the allowed first hop was contacted");
  }

  @Test
  void aRedirectToALiteralPrivateAddressIsRefused() {
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "http://10.0.0.1/x").build());
    DownloadException e = assertThrows(DownloadException.class,
        () -> downloader(AddressPolicy.publicOnly().allowHost("loopback.test"))
            .download(task("http://loopback.test:" + server.getPort() + "/a.png"), out));
    assertEquals(DownloadException.Reason.FORBIDDEN_ADDRESS, e.reason());
  }

  @Test
  void anAllowedHostOrRangeIsFetchedAcrossRedirects() throws IOException {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/b.png").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
        .body("PNGDATA").build());

    List<Path> saved = downloader(AddressPolicy.publicOnly().allowHost("LOOPBACK.test"))
        .download(task("http://loopback.test:" + server.getPort() + "/a.png"), out);
    assertEquals("PNGDATA", Files.readString(saved.get(0)));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aNonHttpUrlIsRefused() {
    DownloadException e = assertThrows(DownloadException.class,
        () -> downloader(AddressPolicy.publicOnly()).download(task("file:///etc/passwd"), out));
    assertEquals(DownloadException.Reason.BAD_URL, e.reason());
  }

  @Test
  void badRangesAreRefusedWhenConfigured() {
    assertThrows(IllegalArgumentException.class, () -> AddressPolicy.publicOnly().allowRange("example.com/8"));
    assertThrows(IllegalArgumentException.class, () -> AddressPolicy.publicOnly().allowRange("10.0.0.0/33"));
  }

  private ResultDownloader downloader(AddressPolicy policy) {
    return ResultDownloader.builder(http).addressPolicy(policy).dns(FAKE_DNS).build();
  }

  /** Resolves only the test names; never asks a real resolver. */
  private static final Dns FAKE_DNS = host -> {
    String address = NAMES.get(host);
    if (address == null) {
      throw new UnknownHostException(host);
    }
    return List.of(InetAddress.getByName(address));
  };

  private static Task task(String url) {
    return new Task().taskId("867283741759111202").taskStatus(TaskStatus.SUCCEED)
        .taskResult(new TaskResult().images(List.of(new ResultImage().index(0).url(url))));
  }
}
