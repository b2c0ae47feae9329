package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.MultiImageRequest;
import io.github.klingjava.generated.model.SubjectImage;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.generated.model.VideoDuration;
import io.github.klingjava.generated.model.VideoModel;
import io.github.klingjava.task.TaskStatus;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.testing.LifecycleDouble;
import io.github.klingjava.testing.TaskScript;
import io.github.klingjava.vendor.VendorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's flow (submit, wait, download) for every family, end to end against the lifecycle double. */
class ThreeStepFlowTest {
  private static final WaitOptions QUICK = WaitOptions.builder().initialDelay(Duration.ofMillis(5))
      .maxInterval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(20)).build();

  private LifecycleDouble kling;
  private KlingClient client;

  @TempDir
  Path out;

  @BeforeEach
  void start() {
    kling = LifecycleDouble.create().start()
        .defaultScript(TaskScript.builder().pollsBeforeOutcome(2).results(2).build());
    client = KlingClient.builder()
        .vendor(VendorProfile.cometApi().withBaseUrl(kling.baseUrl() + "/kling"))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001"))
        .downloadPolicy(io.github.klingjava.download.AddressPolicy.publicOnly().allowRange("127.0.0.1/32"))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    kling.close();
  }

  @Test
  void imageToVideo() throws Exception {
    TaskResponse submitted = client.imageToVideo().submit(new ImageToVideoRequest()
        .image("https://example.com/cat.jpg").modelName(VideoModel.KLING_V2_MASTER).duration(VideoDuration.SECONDS_5));
    Task done = client.imageToVideo().waitFor(submitted.getData().getTaskId(), QUICK);
    assertSaved(done, client.downloader().download(done, out));
  }

  @Test
  void imageGeneration() throws Exception {
    Task done = client.imageGeneration().submitAndWait(new ImageGenerationRequest().prompt("A red fox"), QUICK);
    assertSaved(done, client.downloader().download(done, out));
  }

  @Test
  void multiImage() throws Exception {
    Task done = client.multiImage().submitAndWait(new MultiImageRequest()
        .subjectImageList(List.of(new SubjectImage().subjectImage("https://example.com/a.png"))), QUICK);
    assertSaved(done, client.downloader().download(done, out));
  }

  @Test
  void imageExpansionAsync() throws Exception {
    Task done = client.imageExpansion().submitAndWaitAsync(new ImageExpansionRequest()
        .image("https://example.com/cat.jpg").upExpansionRatio(0.1f).downExpansionRatio(0.1f)
        .leftExpansionRatio(0.2f).rightExpansionRatio(0.2f), QUICK).get();
    assertSaved(done, client.downloader().download(done, out));
    String body = kling.requests().get(0).bodyText();
    assertTrue(body.contains("bottom_expansion_ratio"), "CometAPI profile renames the bottom ratio: " + body);
  }

  private void assertSaved(Task done, List<Path> files) throws Exception {
    assertEquals(TaskStatus.SUCCEED, done.getTaskStatus());
    assertEquals(2, files.size());
    for (Path file : files) {
      assertTrue(file.startsWith(out) && Files.size(file) > 0, file.toString());
    }
    assertTrue(kling.requests().stream().allMatch(r -> r.path().startsWith("/kling/") || !r.path().startsWith("/v1")));
  }
}
