package io.github.klingjava.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class UserAgentInterceptorTest {

  @Test
  void sendsTheLibraryAndJavaVersions() throws Exception {
    UserAgentInterceptor interceptor = UserAgentInterceptor.create();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("{}").build());
      server.start();
      OkHttpClient client = new OkHttpClient.Builder().addInterceptor(interceptor).build();

      try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
        assertEquals(200, response.code());
      }

      String sent = server.takeRequest().getHeaders().get("User-Agent");
      assertEquals(interceptor.userAgent(), sent);
      String expected = "kling-java/" + UserAgentInterceptor.libraryVersion()
          + " (Java " + System.getProperty("java.version") + ")";
      assertEquals(expected, sent);
      assertTrue(sent.matches("kling-java/(dev|\\d+\\.\\d+\\.\\d+[-.\\w]*) \\(Java [!-~]+\\)"), sent);
    }
  }

  @Test
  void anUnfilteredVersionFileMeansDev() {
    Properties unfiltered = new Properties();
    unfiltered.setProperty("version", "${project.version}");

    assertEquals("dev", UserAgentInterceptor.versionFrom(unfiltered));
    assertEquals("dev", UserAgentInterceptor.versionFrom(new Properties()));
  }

  @Test
  void aFilteredVersionFileGivesTheVersion() {
    Properties filtered = new Properties();
    filtered.setProperty("version", "0.1.0-SNAPSHOT");

    assertEquals("0.1.0-SNAPSHOT", UserAgentInterceptor.versionFrom(filtered));
  }
}
