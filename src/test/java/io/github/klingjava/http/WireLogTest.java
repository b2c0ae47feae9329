package io.github.klingjava.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.vendor.VendorProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The opt-in wire log (SLF4J, routed to java.util.logging in tests) shows traffic, never secrets. */
class WireLogTest {

  private static final String KEY = "wire/Fake+key=shape~77";
  private static final String TOKEN = "wire/Token+fake~0009";

  @Test
  void logsRequestsAndAnswersWithSecretsMasked() throws Exception {
    List<String> lines = new ArrayList<>();
    Logger wire = Logger.getLogger(WireLog.LOGGER);
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    wire.addHandler(handler);
    wire.setLevel(Level.FINE);
    String callback = "https://hooks.example.com/k?token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(400)
          .body("{\"code\":1201,\"message\":\"bad " + KEY + " " + callback + "\"}").build());
      server.start();
      try (KlingClient client = KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
          .credentials(Credentials.apiKey(KEY)).wireLog(true).build()) {
        try {
          client.imageGeneration().submit(new ImageGenerationRequest().prompt("wire").callbackUrl(callback));
        } catch (RuntimeException expected) {
          // a 400: what matters is the log
        }
      }
    } finally {
      wire.removeHandler(handler);
      wire.setLevel(null);
    }
    String all = String.join("\n", lines);
    assertTrue(all.contains("--> POST") && all.contains("<-- 400"), all);
    assertTrue(all.contains("Authorization: ****"), all);
    for (String secret : List.of(KEY, TOKEN, URLEncoder.encode(TOKEN, StandardCharsets.UTF_8),
        URLEncoder.encode(KEY, StandardCharsets.UTF_8))) {
      assertFalse(all.contains(secret), "leaked " + secret + " in\n" + all);
    }
  }

  @Test
  void isSilentUnlessDebugIsEnabled() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      server.start();
      okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().addNetworkInterceptor(WireLog.create()).build();
      try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(server.url("/")).build()).execute()) {
        assertTrue(r.isSuccessful());
      }
    }
  }
}
