package io.github.klingjava.bench;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.task.PollScheduler;
import io.github.klingjava.task.TaskPoller;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.testing.DoubleClient;
import io.github.klingjava.testing.LifecycleDouble;
import io.github.klingjava.testing.TaskScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Waits on 1,000 tasks of the lifecycle double (each ready 0.1 to 2 s after its submit) and prints
 * the threads the waiter used, the polls it made, and its wall time against the slowest task's
 * own completion time measured in the same run. A benchmark, not a timed test: it asserts nothing.
 *
 * <p>Run it (about 5 s) either way:
 * <pre>
 * mvn -o test -Dtest=WaiterBenchmark -Dkling.bench=true          # JUnit, skipped without the flag
 * mvn -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.github.klingjava.bench.WaiterBenchmark [tasks] [threads]
 * </pre>
 */
@Tag("benchmark")
public final class WaiterBenchmark {

  private static final WaitOptions OPTIONS = WaitOptions.builder()
      .initialDelay(Duration.ofMillis(50)).multiplier(1.5).maxInterval(Duration.ofMillis(500))
      .jitter(0.2).timeout(Duration.ofSeconds(50)).build();

  @Test
  @EnabledIfSystemProperty(named = "kling.bench", matches = "true")
  void thousandTasks() throws Exception {
    run(1000, PollScheduler.DEFAULT_THREADS);
  }

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : PollScheduler.DEFAULT_THREADS;
    run(tasks, threads);
  }

  static void run(int tasks, int threads) throws Exception {
    Random random = new Random(42);
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(8, 1, java.util.concurrent.TimeUnit.MINUTES)).build();
    try (LifecycleDouble kling = LifecycleDouble.create().start();
        PollScheduler scheduler = PollScheduler.withThreads(threads)) {
      for (int i = 0; i < tasks; i++) {
        kling.enqueue(TaskScript.builder()
            .readyAfter(Duration.ofMillis(100 + random.nextInt(1901))).build());
      }
      DoubleClient client = new DoubleClient(http, kling.baseUrl() + "/kling");
      Set<Thread> pollThreads = ConcurrentHashMap.newKeySet();
      TaskPoller images = client.poller(DoubleClient.IMAGES);
      TaskPoller counting = id -> {
        pollThreads.add(Thread.currentThread());
        return images.poll(id);
      };
      TaskWaiter waiter = TaskWaiter.builder(counting).scheduler(scheduler).build();

      Instant start = Instant.now();
      List<String> ids = new ArrayList<>();
      List<CompletableFuture<Task>> waits = new ArrayList<>();
      long[] doneAt = new long[tasks];
      for (int i = 0; i < tasks; i++) {
        TaskResponse submitted = client.submit(DoubleClient.IMAGES, "{\"prompt\":\"bench\"}");
        String id = submitted.getData().getTaskId();
        ids.add(id);
        int index = i;
        waits.add(waiter.waitForAsync(id, OPTIONS)
            .whenComplete((t, e) -> doneAt[index] = System.nanoTime()));
      }
      CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).join();
      Instant end = Instant.now();
      report(kling, ids, scheduler, pollThreads, start, end, doneAt);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void report(LifecycleDouble kling, List<String> ids, PollScheduler scheduler,
      Set<Thread> pollThreads, Instant start, Instant end, long[] doneAtNanos) {
    Instant slowestReady = ids.stream().map(id -> kling.readyAt(id).orElseThrow())
        .max(Instant::compareTo).orElseThrow();
    Duration baseline = Duration.between(start, slowestReady);
    Duration wall = Duration.between(start, end);
    int[] polls = ids.stream().mapToInt(kling::pollCount).sorted().toArray();
    long total = Arrays.stream(polls).sum();
    // How late each task was noticed after it became ready, on one clock (wall = nanoTime).
    long endNanos = System.nanoTime();
    long[] lateMillis = new long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      Instant readyAt = kling.readyAt(ids.get(i)).orElseThrow();
      Instant doneAt = end.minusNanos(endNanos - doneAtNanos[i]);
      lateMillis[i] = Math.max(0, Duration.between(readyAt, doneAt).toMillis());
    }
    Arrays.sort(lateMillis);
    System.out.printf("tasks                 %d%n", ids.size());
    System.out.printf("poll threads          %d started, %d seen polling (cap %d)%n",
        scheduler.threadsStarted(), pollThreads.size(), PollScheduler.MAX_THREADS);
    System.out.printf("total polls           %d%n", total);
    System.out.printf("polls per task        mean %.2f, median %d, max %d%n",
        (double) total / ids.size(), polls[polls.length / 2], polls[polls.length - 1]);
    System.out.printf("noticed after ready   median %d ms, p99 %d ms, max %d ms%n",
        lateMillis[lateMillis.length / 2], lateMillis[(int) (lateMillis.length * 0.99)],
        lateMillis[lateMillis.length - 1]);
    System.out.printf("baseline              %d ms (start -> slowest task ready)%n",
        baseline.toMillis());
    System.out.printf("wall time             %d ms (start -> all waits done) = %.2f x baseline%n",
        wall.toMillis(), (double) wall.toMillis() / baseline.toMillis());
  }
}
