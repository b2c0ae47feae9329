package io.github.klingjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.callback.CallbackReceiver;
import io.github.klingjava.callback.CallbackResult;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.download.AddressPolicy;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.NewStandardOptions;
import io.github.klingjava.generated.model.NewStandardTextToVideoRequest;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.VideoModel;
import io.github.klingjava.paging.Pager;
import io.github.klingjava.paging.PagerOptions;
import io.github.klingjava.task.TaskView;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flow per standard through the lifecycle double over HTTP on 127.0.0.1: submit, wait, download,
 * read through the one {@link TaskView}. The new standard's waits share batch queries: fewer
 * {@code GET /tasks} than tasks.
 */
class StandardFlowsTest {
  private static final String FRAME = "https://cdn.example.com/frame.png";
  private static final int TASKS = 30;

  private final WaitOptions fast = WaitOptions.builder().initialDelay(Duration.ofMillis(50)).multiplier(1.5)
      .maxInterval(Duration.ofMillis(200)).jitter(0).timeout(Duration.ofSeconds(30)).build();

  private LifecycleDouble kling;
  private KlingClient client;

  @BeforeEach
  void setUp() {
    kling = LifecycleDouble.create().start();
    kling.defaultScript(TaskScript.builder().pollsBeforeOutcome(2).results(1).fileSize(2048).build());
    client = KlingClient.builder().vendor(VendorProfile.custom(kling.baseUrl()))
        .credentials(Credentials.apiKey("flow-key-not-a-secret"))
        .downloadPolicy(AddressPolicy.publicOnly().allowRange("127.0.0.1/32")).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    kling.close();
  }

  @Test
  void legacyStandardSubmitWaitDownload(@TempDir Path out) throws Exception {
    String id = client.imageToVideo().submit(new ImageToVideoRequest().modelName(VideoModel.of("kling-v2-6"))
        .image(FRAME)).getData().getTaskId();
    Task done = client.imageToVideo().waitFor(id, fast);
    TaskView view = TaskView.of(done);
    assertEquals(TaskView.Standard.LEGACY, view.standard());
    assertEquals(TaskView.State.SUCCEEDED, view.state());
    assertEquals(1, view.videoUrls().size());
    List<Path> files = client.downloader().download(view.legacyTask(), out);
    assertEquals(1, files.size());
    assertEquals(2048, Files.size(files.get(0)));
  }

  @Test
  void newStandardSubmitWaitWithBatchQueriesDownload(@TempDir Path out) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      ids.add(client.newStandard().textToVideo("kling-3.0")
          .submit(new NewStandardTextToVideoRequest().prompt("A fox in fresh snow, take " + i)).getData().getId());
    }
    List<TaskView> done = client.newStandard().waitForAll(ids, fast);

    long batchQueries = kling.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().equals("/tasks")).count();
    System.out.println("StandardFlowsTest: " + batchQueries + " GET /tasks queries answered the polls of " + TASKS
        + " tasks (" + kling.totalPolls() + " task polls)");
    assertTrue(batchQueries < TASKS, "GET /tasks requests: " + batchQueries + " for " + TASKS + " tasks");
    assertEquals(batchQueries, client.newStandard().poller().queries());
    assertTrue(kling.requests().stream().filter(r -> r.path().equals("/tasks"))
        .allMatch(r -> java.net.URLDecoder.decode(r.query(), java.nio.charset.StandardCharsets.UTF_8)
            .split(",").length <= client.newStandard().batchLimit()));
    for (TaskView view : done) {
      assertEquals(TaskView.Standard.NEW, view.standard());
      assertEquals(TaskView.State.SUCCEEDED, view.state());
      assertEquals("succeeded", view.status());
      assertEquals("unit", view.billing().get(0).chargeType());
      assertEquals(1, client.downloader().download(view, out.resolve(view.id())).size());
    }
    assertEquals(TASKS, done.size());
  }

  @Test
  void aNewStandardCallbackEndsTheWaitThroughTheSameReceiver() throws Exception {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(1000).results(1).build());
    CallbackEndpoint endpoint = new CallbackEndpoint(CallbackReceiver.builder().requireToken("flow-token")
        .waiter(client.newStandard().waiter()).build());
    try {
      String id = client.newStandard().textToVideo("kling-3.0").submit(new NewStandardTextToVideoRequest()
          .prompt("A fox").options(new NewStandardOptions().callbackUrl(endpoint.url("flow-token"))))
          .getData().getId();
      var wait = client.newStandard().waiter().waitForAsync(id, fast);
      assertTrue(kling.finishNow(id));
      TaskView view = TaskView.of(wait.get(10, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(TaskView.State.SUCCEEDED, view.state());
      CallbackResult last = endpoint.results().get(endpoint.results().size() - 1);
      TaskView delivered = last.view().orElseThrow();
      assertEquals(TaskView.Standard.NEW, delivered.standard());
      assertEquals(TaskView.State.SUCCEEDED, delivered.state());
      assertEquals(1, delivered.videoUrls().size());
      assertEquals("5", delivered.billing().get(0).amount());
    } finally {
      endpoint.close();
    }
  }

  @Test
  void newStandardTasksAreListedLazilyByCursorPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(client.newStandard().textToVideo("kling-3.0")
          .submit(new NewStandardTextToVideoRequest().prompt("A heron at dawn, take " + i)).getData().getId());
    }
    int before = kling.requests().size();
    Pager<TaskView> tasks = client.newStandard().listAll(null, PagerOptions.defaults().pageSize(2));
    assertEquals(before, kling.requests().size(), "nothing is fetched before the pager is iterated");
    List<String> listed = tasks.stream().map(TaskView::id).toList();
    assertEquals(ids, listed);
    List<RecordedRequest> pages = kling.requests().stream().skip(before).toList();
    assertEquals(3, pages.size(), "5 tasks, 2 per page");
    assertTrue(pages.stream().allMatch(r -> r.method().equals("POST") && r.path().equals("/tasks")));
    assertTrue(pages.get(0).bodyText().contains("\"limit\":2"), pages.get(0).bodyText());
    assertTrue(pages.get(1).bodyText().contains("\"cursor\":\"2\""), pages.get(1).bodyText());
    assertEquals(List.of(ids.get(0)), client.newStandard().listAll(null, PagerOptions.defaults().pageSize(2))
        .stream().limit(1).map(TaskView::id).toList(), "a short stream fetches one page");
    KlingValidationException tooBig = assertThrows(KlingValidationException.class,
        () -> client.newStandard().listAll(null, PagerOptions.defaults().pageSize(501)));
    assertTrue(tooBig.getMessage().contains("$.limit"), tooBig.getMessage());
  }
}
