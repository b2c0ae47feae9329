package io.github.klingjava.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.download.DownloadException.Reason;
import io.github.klingjava.generated.model.ResultVideo;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.TaskStatus;
import io.github.klingjava.testing.DoubleClient;
import io.github.klingjava.testing.LifecycleDouble;
import io.github.klingjava.testing.TaskScript;
import io.github.klingjava.testing.Tasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from the lifecycle double over HTTP on 127.0.0.1. */
class ResultDownloaderTest {

  @TempDir
  Path root;

  /** The double listens on 127.0.0.1, which the default policy refuses. */
  private static final AddressPolicy LOOPBACK = AddressPolicy.publicOnly().allowRange("127.0.0.1/32");

  private final OkHttpClient http = new OkHttpClient();
  private LifecycleDouble kling;
  private DoubleClient client;
  private Path out;

  @BeforeEach
  void setUp() {
    kling = LifecycleDouble.create().start();
    client = new DoubleClient(http, kling.baseUrl());
    out = root.resolve("out");
  }

  @AfterEach
  void tearDown() {
    kling.close();
  }

  /** Runs a task to its outcome on the double and returns it. */
  private Task finished(String family, TaskScript script) {
    kling.enqueue(script);
    String id = client.submit(family, "{}").getData().getTaskId();
    kling.finishNow(id);
    return client.poller(family).poll(id).getData();
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static byte[] expected(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = LifecycleDouble.contentByte(i);
    }
    return bytes;
  }

  @Test
  void savesImagesUnderTaskIdAndIndexWithProgress() throws Exception {
    Task task = finished(DoubleClient.IMAGES,
        TaskScript.builder().results(2).fileSize(200_000).build());
    List<long[]> progress = new ArrayList<>();
    ResultDownloader downloader = ResultDownloader.builder(http).addressPolicy(LOOPBACK)
        .progress((file, done, total) -> progress.add(new long[] {done, total})).build();

    List<Path> saved = downloader.download(task, out);

    String id = task.getTaskId();
    assertEquals(List.of(id + "-0.png", id + "-1.png"), names(out));
    assertEquals(out.toRealPath().resolve(id + "-0.png"), saved.get(0));
    assertArrayEquals(expected(200_000), Files.readAllBytes(saved.get(1)));
    long[] last = progress.get(progress.size() - 1);
    assertEquals(200_000, last[0]);
    assertEquals(200_000, last[1]);
    assertTrue(progress.size() > 2, "streamed in chunks");
  }

  @Test
  void savesVideosUnderTaskIdAndVideoIdWithoutAnnouncedLength() throws Exception {
    Task task = finished(DoubleClient.VIDEOS,
        TaskScript.builder().fileSize(100_000).announceLength(false).build());
    List<Long> totals = new ArrayList<>();
    List<Path> saved = ResultDownloader.builder(http).addressPolicy(LOOPBACK)
        .progress((file, done, total) -> totals.add(total)).build().download(task, out);

    assertEquals(List.of(task.getTaskId() + "-video-0.mp4"), names(out));
    assertEquals(100_000, Files.size(saved.get(0)));
    assertTrue(totals.stream().allMatch(t -> t == -1));
  }

  @Test
  void hostileNamesNeverLeaveTheDirectory() throws Exception {
    Task task = finished(DoubleClient.IMAGES, TaskScript.builder()
        .taskId("../../evil/..\\..\\C:\\x")
        .fileName("../../../../../../tmp/pwned.sh").build());
    Task encoded = finished(DoubleClient.IMAGES, TaskScript.builder()
        .taskId("/etc/passwd").fileName("..%2F..%2F.ssh%2Fauthorized_keys").build());

    ResultDownloader downloader = ResultDownloader.builder(http).addressPolicy(LOOPBACK).build();
    downloader.download(task, out);
    downloader.download(encoded, out);

    assertEquals(List.of("______evil_______C__x-0.png", "_etc_passwd-0.png"), names(out));
    assertEquals(List.of("out"), names(root), "nothing written beside the directory");
  }

  @Test
  void hostileVideoIdsAreSanitisedToo() throws Exception {
    Task task = finished(DoubleClient.VIDEOS, TaskScript.builder().build());
    String url = task.getTaskResult().getVideos().get(0).getUrl();
    Task forged = Tasks.succeededWithVideos("t1", List.of(
        new ResultVideo().id("../../x").url(url), new ResultVideo().id("../../x").url(url),
        new ResultVideo().url(url)));

    ResultDownloader.builder(http).addressPolicy(LOOPBACK).build().download(forged, out);

    assertEquals(List.of("t1-2.mp4", "t1-______x.mp4", "t1-______x_2.mp4"), names(out));
  }

  @Test
  void anAnnouncedOversizeIsRefusedBeforeReading() throws Exception {
    Task task = finished(DoubleClient.IMAGES, TaskScript.builder().fileSize(50_000).build());
    DownloadException e = assertThrows(DownloadException.class,
        () -> ResultDownloader.builder(http).addressPolicy(LOOPBACK).maxBytes(10_000).build().download(task, out));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertTrue(names(out).isEmpty(), "no file, no temp file");
  }

  @Test
  void anUnannouncedOversizeIsCutOffAndDeleted() throws Exception {
    Task task = finished(DoubleClient.IMAGES,
        TaskScript.builder().fileSize(300_000).announceLength(false).build());
    List<Long> seen = new ArrayList<>();
    DownloadException e = assertThrows(DownloadException.class,
        () -> ResultDownloader.builder(http).addressPolicy(LOOPBACK).maxBytes(100_000)
            .progress((f, done, total) -> seen.add(done)).build().download(task, out));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertTrue(names(out).isEmpty(), "partial file deleted");
    assertTrue(seen.get(seen.size() - 1) <= 100_000, "never wrote past the cap");
  }

  @Test
  void aWrongContentTypeIsRefusedUnlessConfigured() throws Exception {
    Task task = finished(DoubleClient.IMAGES,
        TaskScript.builder().contentType("text/html; charset=utf-8").build());
    DownloadException e = assertThrows(DownloadException.class,
        () -> ResultDownloader.builder(http).addressPolicy(LOOPBACK).build().download(task, out));
    assertEquals(Reason.WRONG_CONTENT_TYPE, e.reason());
    assertTrue(names(out).isEmpty());

    Task video = finished(DoubleClient.VIDEOS,
        TaskScript.builder().contentType("image/png").build());
    assertEquals(Reason.WRONG_CONTENT_TYPE, assertThrows(DownloadException.class,
        () -> ResultDownloader.builder(http).addressPolicy(LOOPBACK).build().download(video, out)).reason());

    Task octets = finished(DoubleClient.IMAGES,
        TaskScript.builder().contentType("application/octet-stream").build());
    List<Path> saved = ResultDownloader.builder(http).addressPolicy(LOOPBACK)
        .imageTypes("image/*", "application/octet-stream").build().download(octets, out);
    assertTrue(saved.get(0).toString().endsWith(".bin"));
  }

  @Test
  void httpErrorsNameTheUrlWithoutItsQuery() {
    String expired = kling.baseUrl() + "/files/gone.png?sig=nope&token=cdn-secret";
    Task task = Tasks.succeededWithImages("t2", expired);
    DownloadException e = assertThrows(DownloadException.class,
        () -> ResultDownloader.builder(http).addressPolicy(LOOPBACK).build().download(task, out));
    assertEquals(Reason.HTTP_STATUS, e.reason());
    assertTrue(e.getMessage().contains("/files/gone.png"), e.getMessage());
    assertFalse(e.getMessage().contains("cdn-secret"), e.getMessage());

    Task bad = Tasks.succeededWithImages("t3", "file:///etc/passwd");
    assertEquals(Reason.BAD_URL, assertThrows(DownloadException.class,
        () -> ResultDownloader.builder(http).addressPolicy(LOOPBACK).build().download(bad, out)).reason());
  }

  @Test
  void onlySucceededTasksHaveResults() {
    Task processing = Tasks.task("t4", TaskStatus.PROCESSING, 1L);
    assertThrows(IllegalArgumentException.class,
        () -> ResultDownloader.builder(http).addressPolicy(LOOPBACK).build().download(processing, out));
  }
}
