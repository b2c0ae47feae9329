package io.github.klingjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.RateLimitException;
import io.github.klingjava.error.ServerException;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.task.TaskPoller;
import io.github.klingjava.task.TaskStatus;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleDoubleTest {

  private static final BigInteger TWO_TO_53 = BigInteger.TWO.pow(53);

  private final OkHttpClient http = new OkHttpClient();
  private LifecycleDouble kling;

  @BeforeEach
  void start() {
    kling = LifecycleDouble.create().start();
  }

  @AfterEach
  void stop() {
    kling.close();
  }

  @Test
  void bindsLoopbackOnly() {
    URI base = URI.create(kling.baseUrl());
    assertEquals("127.0.0.1", base.getHost());
    assertTrue(base.getPort() > 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/kling"})
  void servesTheFourFamiliesWithAndWithoutPrefix(String prefix) {
    DoubleClient client = new DoubleClient(http, kling.baseUrl() + prefix);
    for (String family : List.of(DoubleClient.IMAGES, DoubleClient.MULTI_IMAGE,
        DoubleClient.EXPAND, DoubleClient.VIDEOS)) {
      kling.enqueue(TaskScript.builder().pollsBeforeOutcome(1).build());
      TaskResponse submitted = client.submit(family, "{\"prompt\":\"a fox\"}");
      assertEquals(0, submitted.getCode());
      assertEquals("SUCCEED", submitted.getMessage());
      assertNotNull(submitted.getRequestId());
      Task task = submitted.getData();
      assertEquals(TaskStatus.SUBMITTED, TaskStatus.ofTask(task));
      assertTrue(new BigInteger(task.getTaskId()).compareTo(TWO_TO_53) > 0, task.getTaskId());
      assertTrue(task.getCreatedAt() > 1_600_000_000_000L, "epoch milliseconds");

      TaskPoller poller = client.poller(family);
      assertEquals(TaskStatus.PROCESSING,
          TaskStatus.ofTask(poller.poll(task.getTaskId()).getData()));
      Task done = poller.poll(task.getTaskId()).getData();
      assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(done));
      boolean videos = family.equals(DoubleClient.VIDEOS);
      assertEquals(videos ? 1 : 0, done.getTaskResult().getVideos() == null ? 0
          : done.getTaskResult().getVideos().size());
      assertEquals(videos ? 0 : 1, done.getTaskResult().getImages() == null ? 0
          : done.getTaskResult().getImages().size());
      assertEquals(2, kling.pollCount(task.getTaskId()));
    }
  }

  @Test
  void idsAreJsonStringsAboveTwoToThe53() throws Exception {
    try (Response response = http.newCall(new Request.Builder()
        .url(kling.baseUrl() + DoubleClient.IMAGES)
        .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json")))
        .build()).execute()) {
      String raw = response.body().string();
      assertTrue(raw.matches(".*\"task_id\":\"\\d{18,19}\".*"), raw);
      assertTrue(raw.matches(".*\"created_at\":\\d{13},.*"), raw);
    }
  }

  @Test
  void failureCarriesTheScriptedMessageAndAnEmptyResult() {
    kling.enqueue(
        TaskScript.builder().pollsBeforeOutcome(0).fail("Image pixel is invalid").build());
    DoubleClient client = new DoubleClient(http, kling.baseUrl());
    String id = client.submit(DoubleClient.IMAGES, "{}").getData().getTaskId();
    Task failed = client.poller(DoubleClient.IMAGES).poll(id).getData();
    assertEquals(TaskStatus.FAILED, TaskStatus.ofTask(failed));
    assertEquals("Image pixel is invalid", failed.getTaskStatusMsg());
    assertNotNull(failed.getTaskResult());
  }

  @Test
  void injectsRateLimitsServerErrorsAndUnknownStatuses() {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(2)
        .rateLimitAt(1, Duration.ofSeconds(3)).serverErrorAt(2, 503).serverErrorAt(3, 500)
        .statusAt(1, "queueing").build());
    DoubleClient client = new DoubleClient(http, kling.baseUrl());
    String id = client.submit(DoubleClient.VIDEOS, "{\"external_task_id\":\"order-7\"}")
        .getData().getTaskId();
    TaskPoller poller = client.poller(DoubleClient.VIDEOS);

    RateLimitException limited = assertThrows(RateLimitException.class, () -> poller.poll(id));
    assertEquals(Duration.ofSeconds(3), limited.retryAfter().orElseThrow());
    assertEquals(1302, limited.businessCode());
    ServerException unavailable = assertThrows(ServerException.class, () -> poller.poll(id));
    assertEquals(503, unavailable.httpStatus());
    assertEquals(500, assertThrows(ServerException.class, () -> poller.poll(id)).httpStatus());
    assertEquals("queueing", TaskStatus.ofTask(poller.poll(id).getData()).value());
    assertEquals(TaskStatus.PROCESSING, TaskStatus.ofTask(poller.poll("order-7").getData()));
    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(poller.poll(id).getData()));
    assertEquals(6, kling.pollCount(id));
  }

  @Test
  void unknownTaskIsA404WithBusinessCode() {
    KlingApiException missing = assertThrows(KlingApiException.class,
        () -> new DoubleClient(http, kling.baseUrl()).poller(DoubleClient.IMAGES).poll("nope"));
    assertEquals(404, missing.httpStatus());
    assertEquals(1203, missing.businessCode());
  }

  @Test
  void recordsEveryRequest() {
    DoubleClient client = new DoubleClient(http, kling.baseUrl() + "/kling");
    String id = client.submit(DoubleClient.EXPAND, "{\"image\":\"x\"}").getData().getTaskId();
    client.poller(DoubleClient.EXPAND).poll(id);

    List<RecordedRequest> requests = kling.requests();
    assertEquals(2, requests.size());
    assertEquals("POST", requests.get(0).method());
    assertEquals("/kling/v1/images/editing/expand", requests.get(0).path());
    assertEquals("{\"image\":\"x\"}", requests.get(0).bodyText());
    assertEquals("Bearer test-key", requests.get(0).header("authorization"));
    assertEquals("GET", requests.get(1).method());
    assertEquals("/kling/v1/images/editing/expand/" + id, requests.get(1).path());
    assertNotNull(requests.get(1).time());
    assertEquals(List.of(id), kling.taskIds());
  }

  @Test
  void servesResultFilesWithTheirContentType() throws Exception {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(0).fileSize(70_000).build());
    DoubleClient client = new DoubleClient(http, kling.baseUrl());
    String id = client.submit(DoubleClient.VIDEOS, "{}").getData().getTaskId();
    String url = client.poller(DoubleClient.VIDEOS).poll(id).getData().getTaskResult()
        .getVideos().get(0).getUrl();
    assertTrue(url.startsWith(kling.baseUrl()), url);
    try (Response file = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertEquals("video/mp4", file.header("Content-Type"));
      byte[] bytes = file.body().bytes();
      assertEquals(70_000, bytes.length);
      assertEquals(LifecycleDouble.contentByte(69_999), bytes[69_999]);
    }
  }

  @Test
  void callsBackWhenATimedTaskIsReadyEvenWithoutPolls() throws Exception {
    CountDownLatch called = new CountDownLatch(1);
    try (CallbackEndpoint endpoint = new CallbackEndpoint(
        io.github.klingjava.callback.CallbackReceiver.builder().onTask(t -> called.countDown())
            .build())) {
      kling.enqueue(TaskScript.builder().readyAfter(Duration.ofMillis(20)).build());
      String id = new DoubleClient(http, kling.baseUrl())
          .submit(DoubleClient.IMAGES, "{\"callback_url\":\"" + endpoint.url(null) + "\"}")
          .getData().getTaskId();
      assertTrue(called.await(10, TimeUnit.SECONDS));
      assertEquals(0, kling.pollCount(id));
      CallbackDelivery delivery = kling.awaitCallbacks(1, Duration.ofSeconds(10)).get(0);
      assertEquals("succeed", delivery.status());
      assertEquals(200, delivery.responseCode());
      assertTrue(delivery.body().startsWith("{\"task_id\":\"" + id + "\""), "bare task object");
    }
  }

  /**
   * While the receiver still holds the task's first callback, the next change's callback waits
   * behind it: a receiver sees a task's callbacks one at a time, in the order of the changes, each
   * with the state of its own change.
   */
  @Test
  void callsBackOneAtATimeInTheOrderOfTheChanges() throws Exception {
    CountDownLatch firstArrived = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (CallbackEndpoint endpoint = new CallbackEndpoint(
        io.github.klingjava.callback.CallbackReceiver.builder().onTask(t -> {
          seen.add(t.getTaskStatus().value());
          if (seen.size() == 1) {
            firstArrived.countDown();
            await(releaseFirst);
          }
        }).build())) {
      kling.enqueue(TaskScript.builder().pollsBeforeOutcome(1).build());
      DoubleClient client = new DoubleClient(http, kling.baseUrl());
      String id = client.submit(DoubleClient.IMAGES,
          "{\"callback_url\":\"" + endpoint.url(null) + "\"}").getData().getTaskId();
      TaskPoller poller = client.poller(DoubleClient.IMAGES);
      assertEquals(TaskStatus.PROCESSING, poller.poll(id).getData().getTaskStatus());
      assertTrue(firstArrived.await(10, TimeUnit.SECONDS));
      // answered while the first callback is still held
      assertEquals(TaskStatus.SUCCEED, poller.poll(id).getData().getTaskStatus());
      releaseFirst.countDown();

      List<CallbackDelivery> sent = kling.awaitCallbacks(2, Duration.ofSeconds(10));
      List<String> statuses = sent.stream().map(CallbackDelivery::status)
          .collect(java.util.stream.Collectors.toList());
      assertEquals(List.of("processing", "succeed"), statuses);
      assertEquals(List.of("processing", "succeed"), seen);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void refusesToCallBackOffThisMachine() {
    kling.enqueue(TaskScript.builder().callbackUrl("http://192.0.2.10/hook").build());
    String id = new DoubleClient(http, kling.baseUrl()).submit(DoubleClient.IMAGES, "{}")
        .getData().getTaskId();
    assertInstanceOf(IllegalArgumentException.class,
        assertThrows(RuntimeException.class, () -> kling.sendCallback(id)));
  }
}
