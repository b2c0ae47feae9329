package io.github.klingjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.callback.CallbackReceiver;
import io.github.klingjava.callback.CallbackResult;
import io.github.klingjava.callback.CallbackResult.Outcome;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.PollScheduler;
import io.github.klingjava.task.TaskFailedException;
import io.github.klingjava.task.TaskStatus;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.task.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waiter and the callback receiver against the double over real HTTP on 127.0.0.1. The
 * waiter's timers run on a manual scheduler and the double shares its fake clock, so backoff
 * and Retry-After are checked on recorded request times without waiting for them.
 */
class LifecycleEndToEndTest {

  private static final String TOKEN = "e2e-secret-token";

  private final WaitOptions options = WaitOptions.builder().initialDelay(Duration.ofSeconds(1))
      .multiplier(2).maxInterval(Duration.ofSeconds(8)).jitter(0)
      .timeout(Duration.ofMinutes(5)).build();

  private MutableClock clock;
  private ManualScheduler scheduler;
  private LifecycleDouble kling;
  private DoubleClient client;
  private TaskWaiter waiter;
  private CallbackEndpoint endpoint;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2025-12-01T00:00:00Z"));
    scheduler = new ManualScheduler(clock);
    kling = LifecycleDouble.create(clock).start();
    client = new DoubleClient(new OkHttpClient(), kling.baseUrl() + "/kling");
    waiter = TaskWaiter.builder(client.poller(DoubleClient.IMAGES))
        .scheduler(PollScheduler.using(scheduler)).submitExecutor(scheduler).clock(clock).build();
    endpoint = new CallbackEndpoint(CallbackReceiver.builder().requireToken(TOKEN)
        .waiter(waiter).build());
  }

  @AfterEach
  void tearDown() {
    endpoint.close();
    kling.close();
  }

  private String submit(String callbackUrl) {
    String body = callbackUrl == null ? "{\"prompt\":\"fox\"}"
        : "{\"prompt\":\"fox\",\"callback_url\":\"" + callbackUrl + "\"}";
    return client.submit(DoubleClient.IMAGES, body).getData().getTaskId();
  }

  private List<Long> getSeconds(String taskId) {
    Instant start = kling.requests().get(0).time();
    return kling.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().endsWith("/" + taskId))
        .map(r -> Duration.between(start, r.time()).toSeconds())
        .collect(Collectors.toList());
  }

  private static List<String> statuses(List<CallbackDelivery> sent) {
    return sent.stream().map(CallbackDelivery::status).collect(Collectors.toList());
  }

  @Test
  void succeedsAfterNPollsWithResultsServedByTheDouble() throws Exception {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(3).results(2).build());
    CompletableFuture<Task> wait = waiter.submitAndWaitAsync(
        () -> client.submit(DoubleClient.IMAGES, "{\"prompt\":\"fox\"}"), options);
    scheduler.runUntilDone(wait);

    Task task = wait.get();
    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(task));
    assertEquals(2, task.getTaskResult().getImages().size());
    assertTrue(task.getTaskResult().getImages().get(0).getUrl().startsWith(kling.baseUrl()));
    assertEquals(4, kling.pollCount(task.getTaskId()));
    assertEquals(List.of(1L, 3L, 7L, 15L), getSeconds(task.getTaskId()));
  }

  @Test
  void failureCarriesTheMessageAndTheRequestId() {
    kling.enqueue(
        TaskScript.builder().pollsBeforeOutcome(1).fail("Image pixel is invalid").build());
    CompletableFuture<Task> wait = waiter.waitForAsync(submit(null), options);
    scheduler.runUntilDone(wait);

    ExecutionException e = assertThrows(ExecutionException.class, wait::get);
    TaskFailedException failed = assertInstanceOf(TaskFailedException.class, e.getCause());
    assertEquals("Image pixel is invalid", failed.statusMessage());
    assertTrue(failed.requestId().orElseThrow().startsWith("double-"));
  }

  @Test
  void rateLimitAndServerErrorsDelayButDoNotFailTheWait() throws Exception {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(2)
        .rateLimitAt(2, Duration.ofSeconds(20)).serverErrorAt(3, 500).serverErrorAt(4, 503)
        .statusAt(1, "queueing").build());
    String id = submit(null);
    CompletableFuture<Task> wait = waiter.waitForAsync(id, options);
    scheduler.runUntilDone(wait);

    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(wait.get()));
    // GET 2 (at 3 s) was a 429 with Retry-After: 20, so GET 3 waited until 23 s, not 7 s.
    assertEquals(List.of(1L, 3L, 23L, 31L, 39L, 47L), getSeconds(id));
    assertEquals(6, kling.pollCount(id), "2 answered polls, 3 errors, then the outcome");
  }

  @Test
  void callbackBeforePollingFinishedEndsTheWaitAndThePolls() throws Exception {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(100).build());
    String id = submit(endpoint.url(TOKEN));
    CompletableFuture<Task> wait = waiter.waitForAsync(id, options);
    scheduler.advance(Duration.ofSeconds(3));
    assertEquals(2, kling.pollCount(id));

    // The double calls back synchronously, after the task's earlier callback (1st poll's).
    assertTrue(kling.finishNow(id));

    assertTrue(wait.isDone());
    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(wait.get()));
    assertEquals(List.of("processing", "succeed"), statuses(kling.callbacks()));
    CallbackResult received = endpoint.results().get(1);
    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(received.task().orElseThrow()));
    assertEquals(Outcome.ACCEPTED, received.outcome());
    assertTrue(received.matchedWait());
    scheduler.advance(Duration.ofMinutes(10));
    assertEquals(2, kling.pollCount(id), "no poll after the callback");
  }

  @Test
  void callbackAfterPollingFinishedAndItsDuplicateAreAcknowledged() throws Exception {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(1).build());
    String id = submit(endpoint.url(TOKEN));
    CompletableFuture<Task> wait = waiter.waitForAsync(id, options);
    scheduler.runUntilDone(wait);
    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(wait.get()));

    // processing (1st poll) and succeed (2nd poll) were each called back after the answer, in the
    // order of the changes, each with the state of its own change.
    List<CallbackDelivery> sent = kling.awaitCallbacks(2, Duration.ofSeconds(10));
    assertEquals(List.of("processing", "succeed"), statuses(sent));
    assertEquals(200, kling.sendCallback(id), "a resend is acknowledged");

    List<CallbackResult> results = endpoint.results();
    assertEquals(3, results.size());
    assertEquals(Outcome.ACCEPTED, results.get(1).outcome());
    assertEquals(Outcome.DUPLICATE, results.get(2).outcome());
    assertEquals(0, waiter.outstanding());
  }

  @Test
  void callbackWithAWrongTokenIsRefusedAndPollingStillFinishes() throws Exception {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(100).build());
    String id = submit(endpoint.url("guessed-token"));
    CompletableFuture<Task> wait = waiter.waitForAsync(id, options);
    scheduler.advance(Duration.ofSeconds(1));

    kling.finishNow(id);

    assertEquals(401, kling.callbacks().get(0).responseCode());
    CallbackResult refused = endpoint.results().get(0);
    assertEquals("wrong token", refused.reason());
    assertFalse(refused.toString().contains(TOKEN));
    assertFalse(wait.isDone(), "a refused callback does not end the wait");
    scheduler.runUntilDone(wait);
    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(wait.get()));
    assertEquals(2, kling.pollCount(id));
  }
}
