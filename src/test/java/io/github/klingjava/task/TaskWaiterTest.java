package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.KlingException;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskInfo;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.testing.ApiErrors;
import io.github.klingjava.testing.ManualScheduler;
import io.github.klingjava.testing.MutableClock;
import io.github.klingjava.testing.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wait logic on a fake clock and a manually driven scheduler: no test waits for real. */
class TaskWaiterTest {

  private static final Instant T0 = Instant.parse("2025-12-01T00:00:00Z");
  private static final String ID = "867283741759111202";

  private final WaitOptions options = WaitOptions.builder()
      .initialDelay(Duration.ofSeconds(1))
      .multiplier(2)
      .maxInterval(Duration.ofSeconds(8))
      .jitter(0)
      .timeout(Duration.ofSeconds(60))
      .build();

  private MutableClock clock;
  private ManualScheduler scheduler;
  private ScriptedPoller poller;
  private TaskWaiter waiter;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(T0);
    scheduler = new ManualScheduler(clock);
    poller = new ScriptedPoller(clock);
    waiter = TaskWaiter.builder(poller)
        .scheduler(PollScheduler.using(scheduler))
        .submitExecutor(scheduler)
        .clock(clock)
        .random(() -> 0.5)
        .build();
  }

  private List<Long> pollSeconds() {
    return poller.pollTimes().stream()
        .map(t -> Duration.between(T0, t).toSeconds())
        .collect(Collectors.toList());
  }

  private static Throwable failure(CompletableFuture<Task> future) {
    assertTrue(future.isCompletedExceptionally(), "expected a failed wait");
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    return e.getCause();
  }

  @Test
  void succeedsAfterSomePollsWithBackoffUpToTheCeiling() throws Exception {
    Task done = Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png");
    poller.status(ID, TaskStatus.PROCESSING, 4).task(done);

    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    assertSame(done, future.get());
    assertEquals(List.of(1L, 3L, 7L, 15L, 23L), pollSeconds(), "1 s, then x2, capped at 8 s");
    assertEquals(0, scheduler.pending(), "no poll left behind");
    assertEquals(0, waiter.outstanding());
  }

  @Test
  void failedTaskRaisesTaskFailedExceptionWithReasonAndRequestId() {
    poller.status(ID, TaskStatus.PROCESSING, 1).task(Tasks.failed(ID, "Image pixel is invalid"));

    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    TaskFailedException e = assertInstanceOf(TaskFailedException.class, failure(future));
    assertEquals(ID, e.taskId());
    assertEquals("Image pixel is invalid", e.statusMessage());
    assertEquals("req-final", e.requestId().orElseThrow());
    assertTrue(e.getMessage().contains("Image pixel is invalid"));
    assertInstanceOf(KlingException.class, e);
  }

  @Test
  void deadlineStopsTheWaitAfterOneLastPollAtTheDeadline() {
    poller.status(ID, TaskStatus.PROCESSING, 1);
    WaitOptions shortWait = options.toBuilder().timeout(Duration.ofSeconds(20)).build();

    CompletableFuture<Task> future = waiter.waitForAsync(ID, shortWait);
    scheduler.runUntilDone(future);

    TaskTimeoutException e = assertInstanceOf(TaskTimeoutException.class, failure(future));
    assertEquals(ID, e.taskId());
    assertEquals(TaskStatus.PROCESSING, e.lastStatus().orElseThrow());
    assertEquals(Duration.ofSeconds(20), e.elapsed());
    assertEquals(List.of(1L, 3L, 7L, 15L, 20L), pollSeconds());
    assertEquals(0, scheduler.pending());
  }

  @Test
  void cancellingTheFutureStopsFurtherPolls() {
    poller.status(ID, TaskStatus.PROCESSING, 1);
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(1, poller.polls());

    assertTrue(future.cancel(false));
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, poller.polls());
    assertEquals(0, scheduler.pending());
    assertEquals(0, waiter.outstanding());
  }

  @Test
  void unknownStatusIsLoggedOnceAndPolledUntilTheTaskEnds() throws Exception {
    try (LogCapture log = LogCapture.of(TaskWaiter.class)) {
      poller.status(ID, TaskStatus.of("queueing"), 3)
          .task(Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png"));

      CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
      scheduler.runUntilDone(future);

      assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(future.get()));
      assertEquals(4, poller.polls());
      List<String> warnings = log.messagesContaining(ID);
      assertEquals(1, warnings.size(), "logged once per task: " + warnings);
      assertTrue(warnings.get(0).contains("queueing"));
    }
  }

  @Test
  void unknownStatusUntilTheDeadlineTimesOutWithThatStatus() {
    poller.status(ID, TaskStatus.of("queueing"), 1);
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    TaskTimeoutException e = assertInstanceOf(TaskTimeoutException.class, failure(future));
    assertEquals("queueing", e.lastStatus().orElseThrow().value());
  }

  @Test
  void rateLimitWithRetryAfterDelaysTheNextPollAndKeepsWaiting() throws Exception {
    poller.status(ID, TaskStatus.PROCESSING, 1)
        .error(ApiErrors.rateLimited(Duration.ofSeconds(20)))
        .task(Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png"));

    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(future.get()));
    // The 429 came at 3 s; backoff alone would poll at 7 s, Retry-After says not before 23 s.
    assertEquals(List.of(1L, 3L, 23L), pollSeconds());
  }

  @Test
  void retryAfterBeyondTheDeadlineTimesOutWithoutPollingEarly() {
    poller.error(ApiErrors.rateLimited(Duration.ofSeconds(120)));
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    TaskTimeoutException e = assertInstanceOf(TaskTimeoutException.class, failure(future));
    assertEquals(Duration.ofSeconds(60), e.elapsed());
    assertTrue(e.lastStatus().isEmpty(), "no poll ever answered");
    assertEquals(1, poller.polls());
  }

  @Test
  void transientServerErrorsAreRetriedWithBackoff() throws Exception {
    poller.status(ID, TaskStatus.PROCESSING, 1)
        .error(ApiErrors.serverError(500, null))
        .error(ApiErrors.serverError(503, Duration.ofSeconds(2)))
        .error(new UncheckedIOException(new IOException("connection reset")))
        .task(Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png"));

    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(future.get()));
    assertEquals(List.of(1L, 3L, 7L, 15L, 23L), pollSeconds());
  }

  @Test
  void nonRetryableApiErrorFailsTheWaitWithThatException() {
    KlingApiException unauthorized = ApiErrors.unauthorized();
    poller.error(unauthorized);

    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    assertSame(unauthorized, failure(future));
    assertEquals(1, poller.polls());
    assertEquals(0, scheduler.pending());
  }

  @Test
  void answerWithoutDataFailsTheWait() {
    poller.then(() -> new TaskResponse().code(0).message("SUCCEED"));
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);
    assertInstanceOf(KlingException.class, failure(future));
  }

  @Test
  void callbackWhilePollingFinishesTheWaitAndStopsPolling() throws Exception {
    poller.status(ID, TaskStatus.PROCESSING, 1);
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.advance(Duration.ofSeconds(3));
    assertEquals(2, poller.polls());

    Task fromCallback = Tasks.succeededWithImages(ID, "http://127.0.0.1/cb.png");
    assertTrue(waiter.offer(fromCallback));

    assertSame(fromCallback, future.getNow(null));
    scheduler.advance(Duration.ofMinutes(5));
    assertEquals(2, poller.polls(), "polling stopped");
    assertEquals(0, scheduler.pending());
  }

  @Test
  void callbackBeforeTheWaitStartsIsReplayedWithoutAnyPoll() throws Exception {
    Task fromCallback = Tasks.succeededWithImages(ID, "http://127.0.0.1/cb.png");
    assertFalse(waiter.offer(fromCallback), "nobody waits yet");

    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);

    assertSame(fromCallback, future.getNow(null));
    assertEquals(0, poller.polls());
    assertEquals(0, scheduler.pending());
  }

  @Test
  void callbackAfterPollingFinishedChangesNothing() throws Exception {
    Task polled = Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png");
    poller.task(polled);
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    scheduler.runUntilDone(future);

    assertFalse(waiter.offer(Tasks.succeededWithImages(ID, "http://127.0.0.1/late.png")));
    assertSame(polled, future.get());
  }

  @Test
  void failedCallbackFailsTheWaitWithoutRequestId() {
    poller.status(ID, TaskStatus.PROCESSING, 1);
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    waiter.offer(Tasks.failed(ID, "Failure to pass the risk control system"));

    TaskFailedException e = assertInstanceOf(TaskFailedException.class, failure(future));
    assertEquals("Failure to pass the risk control system", e.statusMessage());
    assertTrue(e.requestId().isEmpty());
  }

  @Test
  void nonTerminalCallbackKeepsTheWaitGoing() {
    poller.status(ID, TaskStatus.PROCESSING, 1);
    CompletableFuture<Task> future = waiter.waitForAsync(ID, options);
    assertTrue(waiter.offer(Tasks.task(ID, TaskStatus.PROCESSING, 1L)));
    assertFalse(future.isDone());
    future.cancel(false);
  }

  @Test
  void callbackMatchesAWaitByExternalTaskId() {
    poller.status("order-1042-img", TaskStatus.PROCESSING, 1);
    CompletableFuture<Task> future = waiter.waitForAsync("order-1042-img", options);
    Task done = Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png")
        .taskInfo(new TaskInfo().externalTaskId("order-1042-img"));

    assertTrue(waiter.offer(done));
    assertSame(done, future.getNow(null));
  }

  @Test
  void viewsForOtherFamiliesShareTheCallbackRegistry() {
    ScriptedPoller videos = new ScriptedPoller(clock).status(ID, TaskStatus.PROCESSING, 1);
    CompletableFuture<Task> future = waiter.withPoller(videos).waitForAsync(ID, options);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(1, videos.polls());
    assertEquals(0, poller.polls());

    waiter.offer(Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png"));
    assertTrue(future.isDone());
  }

  @Test
  void submitAndWaitAsyncSubmitsOnItsExecutorThenPolls() throws Exception {
    poller.status(ID, TaskStatus.PROCESSING, 1)
        .task(Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png"));
    CompletableFuture<Task> future = waiter.submitAndWaitAsync(
        () -> Tasks.envelope(Tasks.task(ID, TaskStatus.SUBMITTED, 1L), "req-submit"), options);
    assertFalse(future.isDone());

    scheduler.runUntilDone(future);

    assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(future.get()));
    assertEquals(List.of(1L, 3L), pollSeconds());
  }

  @Test
  void submitAndWaitAsyncReportsTheSubmitError() {
    KlingApiException refused = ApiErrors.unauthorized();
    CompletableFuture<Task> future = waiter.submitAndWaitAsync(() -> {
      throw refused;
    }, options);
    scheduler.runUntilDone(future);
    assertSame(refused, failure(future));
  }

  @Test
  void cancellingASubmitAndWaitStopsThePolls() {
    poller.status(ID, TaskStatus.PROCESSING, 1);
    CompletableFuture<Task> future = waiter.submitAndWaitAsync(
        () -> Tasks.envelope(Tasks.task(ID, TaskStatus.SUBMITTED, 1L), "req-submit"), options);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(1, poller.polls());

    future.cancel(false);
    scheduler.advance(Duration.ofHours(1));
    assertEquals(1, poller.polls());
    assertEquals(0, waiter.outstanding());
  }

  @Test
  void closingAWaiterThatOwnsItsThreadsCancelsItsWaits() {
    TaskWaiter owner = TaskWaiter.builder(new ScriptedPoller(clock)
        .status(ID, TaskStatus.PROCESSING, 1)).build();
    CompletableFuture<Task> pending = owner.waitForAsync(ID, options);
    owner.close();
    assertTrue(pending.isCancelled());
    assertEquals(0, owner.outstanding());

    CompletableFuture<Task> shared = waiter.waitForAsync(ID, options);
    waiter.withPoller(poller).close();
    waiter.close(); // built with a scheduler it was given: leaves the waits alone
    assertFalse(shared.isDone());
  }

  @Test
  void blockingFormsReturnTheTaskOrThrowTheTypedException() {
    WaitOptions fast = WaitOptions.builder().initialDelay(Duration.ofMillis(1))
        .maxInterval(Duration.ofMillis(2)).timeout(Duration.ofSeconds(30)).build();
    ScriptedPoller real = new ScriptedPoller(java.time.Clock.systemUTC())
        .status(ID, TaskStatus.PROCESSING, 2)
        .task(Tasks.succeededWithImages(ID, "http://127.0.0.1/a.png"));
    try (TaskWaiter blocking = TaskWaiter.builder(real).build()) {
      assertEquals(TaskStatus.SUCCEED, TaskStatus.ofTask(blocking.submitAndWait(
          () -> Tasks.envelope(Tasks.task(ID, TaskStatus.SUBMITTED, 1L), "r"), fast)));

      TaskWaiter failing = blocking.withPoller(id -> Tasks.envelope(Tasks.failed(id, "nope"), "r"));
      TaskFailedException e =
          assertThrows(TaskFailedException.class, () -> failing.waitFor("other", fast));
      assertEquals("nope", e.statusMessage());
    }
  }
}
