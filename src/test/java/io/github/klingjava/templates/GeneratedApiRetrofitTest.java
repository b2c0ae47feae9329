package io.github.klingjava.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.golden.api.VideosApi;
import io.github.klingjava.golden.model.AspectRatio;
import io.github.klingjava.golden.model.CreateVideoTaskRequest;
import io.github.klingjava.golden.model.TaskResponse;
import io.github.klingjava.json.KlingMoshi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The generated Retrofit interfaces work with Retrofit 3, OkHttp 5 and the Moshi models, and their
 * paths are relative, so a base URL with a prefix (a proxy such as {@code .../kling/}) is kept.
 */
final class GeneratedApiRetrofitTest {

  // An absolute path ("/v1/...") in @GET/@POST would make Retrofit drop the base URL's path.
  private static final Pattern ABSOLUTE_PATH =
      Pattern.compile("@(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\(\"/");

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private VideosApi api() {
    return new Retrofit.Builder()
        .baseUrl(server.url("/kling/"))
        .client(new OkHttpClient())
        .addConverterFactory(MoshiConverterFactory.create(KlingMoshi.create()))
        .build()
        .create(VideosApi.class);
  }

  @Test
  void postsSnakeCaseJsonUnderTheBaseUrlPrefix() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"code\":0,\"data\":{\"task_id\":\"t-1\",\"task_status\":\"queued\"}}")
        .build());

    Response<TaskResponse> response = api().createVideoTask("text2video",
        new CreateVideoTaskRequest().prompt("a cat").aspectRatio(AspectRatio.RATIO_1_1), true)
        .execute();

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/kling/v1/videos/text2video/tasks?dry_run=true", recorded.getTarget());
    assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals("{\"aspect_ratio\":\"1:1\",\"prompt\":\"a cat\"}", recorded.getBody().utf8());
    assertEquals("queued", response.body().getData().getTaskStatus().value());
  }

  @Test
  void getsWithPathParametersAndNoOptionalQuery() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"code\":0}").build());

    api().getVideoTask("image2video", "t 1/2").execute();

    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals("/kling/v1/videos/image2video/tasks/t%201%2F2", recorded.getTarget());
  }

  @Test
  void noGeneratedApiUsesAnAbsolutePath() throws IOException {
    Path base = Path.of(System.getProperty("basedir", "."), "target");
    List<Path> roots = List.of(
        base.resolve("golden-sources/src/main/java/io/github/klingjava/golden/api"),
        base.resolve("generated-sources/openapi/src/main/java/io/github/klingjava/generated/api"));
    int checked = 0;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.list(root)) {
        for (Path file : files.toList()) {
          assertFalse(ABSOLUTE_PATH.matcher(Files.readString(file)).find(),
              file + " has an absolute @GET/@POST path");
          checked++;
        }
      }
    }
    assertTrue(checked > 0, "no generated API interface found under " + roots);
  }
}
