package io.github.klingjava.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.json.KlingMoshi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results of every shape (issue #10): images, videos and audios, each with its watermarked copy, and result
 * arrays the spec does not declare yet (kept as additional properties) are all saved.
 */
final class ResultShapesTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path out;

  private Task task(String result) throws Exception {
    return KlingMoshi.create().adapter(Task.class).fromJson("{\"task_id\":\"t-1\",\"task_status\":\"succeed\","
        + "\"final_unit_deduction\":\"2.5\",\"watermark_info\":{\"enabled\":true},\"task_result\":" + result + "}");
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  @Test
  void listsEveryUrlOfEveryResultArray() throws Exception {
    Task task = task("{\"images\":[{\"index\":0,\"url\":\"" + url("/i.png") + "\",\"watermark_url\":\""
        + url("/iw.png") + "\"}],\"videos\":[{\"id\":\"v1\",\"url\":\"" + url("/v.mp4") + "\",\"watermark_url\":\""
        + url("/vw.mp4") + "\",\"duration\":\"5\"}],\"audios\":[{\"id\":\"a1\",\"url\":\"" + url("/a.mp3")
        + "\",\"duration\":\"3\"},{\"id\":\"a2\",\"mp3_url\":\"" + url("/b.mp3") + "\",\"wav_url\":\""
        + url("/b.wav") + "\"}],\"series_images\":[{\"index\":0,\"url\":\"" + url("/s.png") + "\"}]}");

    List<String> files = ResultFiles.of(task).stream().map(f -> f.kind() + " " + f.baseName()).sorted().toList();

    assertEquals(List.of("AUDIO t-1-audio-a1", "AUDIO t-1-audio-a2-mp3", "AUDIO t-1-audio-a2-wav",
        "IMAGE t-1-0", "IMAGE t-1-0-watermark", "IMAGE t-1-series_image-0", "VIDEO t-1-v1",
        "VIDEO t-1-v1-watermark"), files);
    assertEquals("2.5", task.getFinalUnitDeduction());
  }

  @Test
  void theDownloaderSavesAudiosAndWatermarkedCopies() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String type = path.endsWith(".mp3") ? "audio/mpeg" : path.endsWith(".wav") ? "audio/wav" : "video/mp4";
        return new MockResponse.Builder().addHeader("Content-Type", type).body("bytes of " + path).build();
      }
    });
    Task task = task("{\"videos\":[{\"id\":\"v1\",\"url\":\"" + url("/v.mp4") + "\",\"watermark_url\":\""
        + url("/vw.mp4") + "\"}],\"audios\":[{\"id\":\"a1\",\"mp3_url\":\"" + url("/a.mp3") + "\",\"wav_url\":\""
        + url("/a.wav") + "\"}]}");

    ResultDownloader.builder(new OkHttpClient())
        .addressPolicy(AddressPolicy.publicOnly().allowRange("127.0.0.1/32")).build().download(task, out);

    try (Stream<Path> saved = Files.list(out)) {
      assertEquals(List.of("t-1-audio-a1-mp3.mp3", "t-1-audio-a1-wav.wav", "t-1-v1-watermark.mp4", "t-1-v1.mp4"),
          saved.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("bytes of /a.wav", Files.readString(out.resolve("t-1-audio-a1-wav.wav")));
  }
}
