package io.github.klingjava.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.callback.CallbackResult.Outcome;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.PollScheduler;
import io.github.klingjava.task.TaskStatus;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.testing.ManualScheduler;
import io.github.klingjava.testing.MutableClock;
import io.github.klingjava.testing.Tasks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CallbackReceiverTest {

  /** The spec's {@code callback.images.succeed} example. */
  static final String IMAGES_SUCCEED = """
      {"task_id":"867283741759111202","task_status":"succeed","task_status_msg":"",
       "task_info":{"external_task_id":"order-1042-img"},
       "task_result":{"images":[
         {"index":0,"url":"https://cdn.klingai.example/images/867283741759111202-0.png"},
         {"index":1,"url":"https://cdn.klingai.example/images/867283741759111202-1.png",
          "watermark_url":"https://cdn.klingai.example/images/867283741759111202-1-wm.png"}]},
       "created_at":1764470400000,"updated_at":1764470431000}
      """;

  /** The spec's {@code callback.videos.succeed-with-task-info} example. */
  static final String VIDEOS_SUCCEED = """
      {"task_id":"867283741759111207","task_status":"succeed","task_status_msg":"",
       "task_info":{"parent_video":{"id":"a4c2e3f1-9d8b-4c7a-8e6f-5d4c3b2a1f0e",
         "url":"https://cdn.klingai.example/videos/parent.mp4","duration":"5"},
         "external_task_id":"order-1045-video"},
       "final_unit_deduction":"1","created_at":1764470400000,"updated_at":1764470431000,
       "task_result":{"videos":[{"id":"a4c2e3f1-9d8b-4c7a-8e6f-5d4c3b2a1f0e",
         "url":"https://cdn.klingai.example/videos/867283741759111207.mp4","duration":"5.1"}]}}
      """;

  /** The spec's {@code callback.videos.failed} example. */
  static final String VIDEOS_FAILED = """
      {"task_id":"867283741759111207","task_status":"failed",
       "task_status_msg":"Failure to pass the risk control system",
       "task_info":{"external_task_id":"order-1045-video"},"task_result":{},
       "created_at":1764470400000,"updated_at":1764470409000}
      """;

  private static final String SECRET = "s3cr3t-t0ken-value";
  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));

  private final CallbackReceiver open = CallbackReceiver.builder().build();

  @Test
  void acceptsTheSpecExamples() {
    CallbackResult images = open.receive(IMAGES_SUCCEED, "/kling/callback", JSON);
    assertEquals(Outcome.ACCEPTED, images.outcome());
    assertEquals(200, images.httpStatus());
    Task task = images.task().orElseThrow();
    assertEquals("867283741759111202", task.getTaskId());
    assertSame(TaskStatus.SUCCEED, TaskStatus.ofTask(task));
    assertEquals(2, task.getTaskResult().getImages().size());
    assertEquals(1_764_470_431_000L, task.getUpdatedAt());

    CallbackResult videos = open.receive(VIDEOS_SUCCEED, "/kling/callback", JSON);
    assertTrue(videos.isAccepted());
    assertEquals("5.1",
        videos.task().orElseThrow().getTaskResult().getVideos().get(0).getDuration());

    CallbackResult failed = open.receive(VIDEOS_FAILED, "/kling/callback", JSON);
    assertEquals("Failure to pass the risk control system",
        failed.task().orElseThrow().getTaskStatusMsg());
  }

  @Test
  void readsLeniently() throws Exception {
    String numericIdUnknownFields = "\uFEFF{\"task_id\":867283741759111299,"
        + "\"task_status\":\"queueing\","
        + "\"brand_new_field\":{\"x\":[1,2]},\"created_at\":\"1764470400000\",\"updated_at\":1}";
    Task task = open.receive(numericIdUnknownFields, null, null).task().orElseThrow();
    assertEquals("867283741759111299", task.getTaskId(), "no precision lost above 2^53");
    assertEquals("queueing", TaskStatus.ofTask(task).value());

    String envelope = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":" + VIDEOS_FAILED + "}";
    assertEquals("867283741759111207",
        open.receive(envelope, null, null).task().orElseThrow().getTaskId());

    byte[] latin1 = ("{\"task_id\":\"t-1\",\"task_status\":\"failed\","
        + "\"task_status_msg\":\"Bild ungültig\",\"updated_at\":5}")
        .getBytes(StandardCharsets.ISO_8859_1);
    Task decoded = open.receive(latin1, "",
        Map.of("content-type", List.of("application/json; charset=ISO-8859-1")))
        .task().orElseThrow();
    assertEquals("Bild ungültig", decoded.getTaskStatusMsg());

    CallbackResult zipped = open.receive(gzip(IMAGES_SUCCEED.replace("1764470431000", "7")), "",
        Map.of("Content-Encoding", List.of("gzip")));
    assertTrue(zipped.isAccepted());
  }

  @Test
  void duplicatesAreRecognisedByTaskIdAndUpdatedAt() {
    List<Task> delivered = new ArrayList<>();
    CallbackReceiver receiver = CallbackReceiver.builder().onTask(delivered::add).build();

    assertEquals(Outcome.ACCEPTED, receiver.receive(IMAGES_SUCCEED, "", null).outcome());
    CallbackResult again = receiver.receive(IMAGES_SUCCEED, "", null);
    assertEquals(Outcome.DUPLICATE, again.outcome());
    assertEquals(200, again.httpStatus(), "acknowledged so the vendor stops resending");
    assertEquals(Outcome.ACCEPTED, receiver.receive(
        IMAGES_SUCCEED.replace("1764470431000", "1764470432000"), "", null).outcome());
    assertEquals(2, delivered.size());
  }

  @Test
  void tokenIsRequiredAndNeverEchoed() {
    CallbackReceiver guarded = CallbackReceiver.builder().requireToken(SECRET).build();

    CallbackResult missing = guarded.receive(IMAGES_SUCCEED, "https://me.example/kling", JSON);
    assertEquals(Outcome.REJECTED, missing.outcome());
    assertEquals(401, missing.httpStatus());
    assertEquals("missing token", missing.reason());

    CallbackResult wrong = guarded.receive(IMAGES_SUCCEED,
        "https://me.example/kling?token=s3cr3t-t0ken-valuX", JSON);
    assertEquals(401, wrong.httpStatus());
    assertEquals("wrong token", wrong.reason());
    assertFalse(wrong.toString().contains(SECRET));
    assertFalse(wrong.toString().contains("valuX"));
    assertTrue(wrong.task().isEmpty(), "an unauthenticated body is not even read");

    assertEquals(401, guarded.receive(IMAGES_SUCCEED, "?token=" + SECRET + "&token=x", JSON)
        .httpStatus());
    assertEquals(401, guarded.receive(IMAGES_SUCCEED, "?token=", JSON).httpStatus());

    assertTrue(guarded.receive(IMAGES_SUCCEED,
        "https://me.example/kling?a=1&token=s3cr3t%2Dt0ken%2Dvalue#frag", JSON).isAccepted());
    assertEquals(Outcome.DUPLICATE, guarded.receive(IMAGES_SUCCEED.getBytes(StandardCharsets.UTF_8),
        Map.of("token", List.of(SECRET)), JSON).outcome());
  }

  @Test
  void customTokenParameter() {
    CallbackReceiver guarded = CallbackReceiver.builder().requireToken(SECRET)
        .tokenParameter("sig").build();
    assertEquals(401, guarded.receive(IMAGES_SUCCEED, "token=" + SECRET, null).httpStatus());
    assertTrue(guarded.receive(IMAGES_SUCCEED, "sig=" + SECRET, null).isAccepted());
  }

  @Test
  void rejectsUnreadableBodies() {
    assertRejected(400, open.receive("not json", "", null));
    assertRejected(400, open.receive("[1,2]", "", null));
    assertRejected(400, open.receive("", "", null));
    assertRejected(400, open.receive((String) null, "", null));
    assertRejected(400, open.receive("{\"task_status\":\"succeed\"}", "", null));
    assertRejected(400, open.receive("{\"task_id\":\"1\",\"task_status\":{\"x\":1}}", "", null));
    assertRejected(400, open.receive(new byte[] {1, 2, 3}, "", Map.of("Content-Encoding",
        List.of("gzip"))));
    byte[] huge = new byte[CallbackReceiver.MAX_BODY_BYTES + 1];
    assertRejected(413, open.receive(huge, "", null));
  }

  @Test
  void rejectsAGzipBomb() throws Exception {
    String padded = "{\"task_id\":\"1\",\"pad\":\""
        + "a".repeat(2 * CallbackReceiver.MAX_BODY_BYTES)
        + "\"}";
    byte[] bomb = gzip(padded);
    assertTrue(bomb.length < CallbackReceiver.MAX_BODY_BYTES);
    assertRejected(413, open.receive(bomb, "", Map.of("Content-Encoding", List.of("gzip"))));
  }

  @Test
  void finishesTheMatchingWaitEarly() {
    MutableClock clock = MutableClock.atEpochMillis(0);
    ManualScheduler scheduler = new ManualScheduler(clock);
    TaskWaiter waiter = TaskWaiter.builder(
            id -> Tasks.envelope(Tasks.task(id, TaskStatus.PROCESSING, 1L), "r"))
        .scheduler(PollScheduler.using(scheduler)).clock(clock).build();
    CallbackReceiver receiver = CallbackReceiver.builder().waiter(waiter).build();

    CompletableFuture<Task> wait =
        waiter.waitForAsync("867283741759111202", WaitOptions.defaults());
    scheduler.advance(Duration.ofSeconds(1));
    CallbackResult result = receiver.receive(IMAGES_SUCCEED, "", JSON);

    assertTrue(result.matchedWait());
    assertTrue(wait.isDone());
    assertEquals(2, wait.join().getTaskResult().getImages().size());
    assertEquals(0, scheduler.pending());
    assertFalse(receiver.receive(IMAGES_SUCCEED.replace("31000", "31001"), "", JSON).matchedWait());
  }

  @Test
  void aFailingListenerLetsTheResendThrough() {
    int[] calls = {0};
    CallbackReceiver receiver = CallbackReceiver.builder().onTask(t -> {
      if (calls[0]++ == 0) {
        throw new IllegalStateException("database down");
      }
    }).build();
    assertThrows(IllegalStateException.class, () -> receiver.receive(IMAGES_SUCCEED, "", null));
    assertTrue(receiver.receive(IMAGES_SUCCEED, "", null).isAccepted());
  }

  @Test
  void queryParsingCoversTheFormsFrameworksGive() {
    assertEquals(List.of("a b"), QueryParameters.parse("https://h/p?token=a+b").get("token"));
    assertEquals(List.of("x"), QueryParameters.parse("token=x").get("token"));
    assertEquals(List.of("x"), QueryParameters.parse("/cb?flag&token=x").get("token"));
    assertTrue(QueryParameters.parse("/cb/no-query").isEmpty());
    assertTrue(QueryParameters.parse("?token=%zz").isEmpty(), "broken escape skipped");
    assertTrue(QueryParameters.parse(null).isEmpty());
  }

  private static void assertRejected(int status, CallbackResult result) {
    assertEquals(Outcome.REJECTED, result.outcome(), result.toString());
    assertEquals(status, result.httpStatus(), result.toString());
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
