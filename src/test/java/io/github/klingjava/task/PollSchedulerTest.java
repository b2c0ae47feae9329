package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.testing.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PollSchedulerTest {

  @Test
  void threadCountIsBounded() {
    assertThrows(IllegalArgumentException.class, () -> PollScheduler.withThreads(0));
    assertThrows(IllegalArgumentException.class, () -> PollScheduler.withThreads(5));
    try (PollScheduler scheduler = PollScheduler.create()) {
      assertEquals(0, scheduler.threadsStarted(), "threads start on demand");
    }
  }

  /**
   * 1,000 concurrent waits on the largest allowed pool: every poll runs on one of at most four
   * threads. Intervals are a few milliseconds so the test is quick; nothing sleeps.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void thousandTasksAreWaitedOnWithAtMostFourThreads() {
    Set<Thread> pollThreads = ConcurrentHashMap.newKeySet();
    Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    TaskPoller poller = id -> {
      pollThreads.add(Thread.currentThread());
      int n = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      return Tasks.envelope(n < 3 ? Tasks.task(id, TaskStatus.PROCESSING, n)
          : Tasks.succeededWithImages(id, "http://127.0.0.1/" + id + ".png"), "r");
    };
    WaitOptions fast = WaitOptions.builder().initialDelay(Duration.ofMillis(1))
        .maxInterval(Duration.ofMillis(3)).timeout(Duration.ofSeconds(50)).build();

    try (PollScheduler scheduler = PollScheduler.withThreads(PollScheduler.MAX_THREADS)) {
      TaskWaiter waiter = TaskWaiter.builder(poller).scheduler(scheduler).build();
      List<CompletableFuture<Task>> waits = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        waits.add(waiter.waitForAsync("task-" + i, fast));
      }
      assertTrue(scheduler.threadsStarted() <= 4, "no thread per task");
      CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).join();

      assertTrue(pollThreads.size() <= 4, "poll threads: " + pollThreads.size());
      assertTrue(scheduler.threadsStarted() <= 4, "started: " + scheduler.threadsStarted());
      assertEquals(1000, polls.size());
      polls.values().forEach(count -> assertEquals(3, count.get(), "no poll after the end"));
      assertEquals(0, waiter.outstanding());
    }
  }
}
