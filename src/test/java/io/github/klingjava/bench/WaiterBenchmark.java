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
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.task.SubmitExecutor;
import io.github.klingjava.vendor.VendorProfile;
import java.util.TreeSet;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Waits on 1,000 tasks of the lifecycle double (each ready 0.1 to 2 s after its submit) and prints
 * the threads the waiter used, the polls it made, and its wall time against the slowest task's
 * own completion time measured in the same run; then makes 1,000 {@code submitAndWaitAsync} calls
 * through the real client and prints every thread that made an HTTP call. A benchmark: the only
 * assertion is the thread bound of issue #12 (at most 8), never a timing.
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
    waitOnly(1000, PollScheduler.DEFAULT_THREADS);
    int threads = submitAndWait(1000);
    org.junit.jupiter.api.Assertions.assertTrue(threads <= 8, threads + " threads for 1,000 submits");
  }

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : PollScheduler.DEFAULT_THREADS;
    run(tasks, threads);
  }

  static void run(int tasks, int threads) throws Exception {
    waitOnly(tasks, threads);
    System.out.println();
    submitAndWait(tasks);
  }

  /** 1,000 waits on tasks submitted beforehand: polls, lateness and wall time against the baseline. */
  static void waitOnly(int tasks, int threads) throws Exception {
    Random random = new Random(42);
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(8, 1, java.util.concurrent.TimeUnit.MINUTES)).build();
    try (LifecycleDouble kling = LifecycleDouble.create().start();
        PollScheduler scheduler = PollScheduler.withThreads(threads)) {
      enqueue(kling, tasks, random);
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

  /**
   * 1,000 {@code submitAndWaitAsync} calls through the real client: every HTTP call runs on the thread
   * that makes it, so an EventListener's {@code callStart} sees each thread the client used for submits
   * and polls (virtual threads are counted with their carriers).
   *
   * @return the number of threads that made HTTP calls, carriers included
   */
  static int submitAndWait(int tasks) throws Exception {
    ThreadCensus census = new ThreadCensus();
    OkHttpClient http = new OkHttpClient.Builder().eventListener(census).build();
    List<CompletableFuture<Task>> waits = new ArrayList<>();
    try (LifecycleDouble kling = LifecycleDouble.create().start();
        KlingClient client = KlingClient.builder()
            .vendor(VendorProfile.cometApi().withBaseUrl(kling.baseUrl() + "/kling"))
            .credentials(Credentials.apiKey("bench-key-not-a-secret-0001"))
            .okHttpClient(http).build()) {
      enqueue(kling, tasks, new Random(7));
      long start = System.nanoTime();
      for (int i = 0; i < tasks; i++) {
        waits.add(client.imageGeneration().submitAndWaitAsync(
            new ImageGenerationRequest().prompt("bench " + i), OPTIONS));
      }
      CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).join();
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("submitAndWaitAsync    %d calls, %d tasks created, %d ms%n", tasks,
          kling.requests().stream().filter(r -> "POST".equals(r.method())).count(), millis);
      System.out.printf("threads used          %d in total: %s (submit executor: %s threads)%n",
          census.total(), census.describe(), SubmitExecutor.usesVirtualThreads() ? "virtual" : "platform");
      return census.total();
    } finally {
      http.connectionPool().evictAll();
    }
  }

  private static void enqueue(LifecycleDouble kling, int tasks, Random random) {
    for (int i = 0; i < tasks; i++) {
      kling.enqueue(TaskScript.builder()
          .readyAfter(Duration.ofMillis(100 + random.nextInt(1901))).build());
    }
  }

  /** The threads (and, for virtual threads, carrier threads) that started HTTP calls. */
  static final class ThreadCensus extends EventListener {
    private final Set<String> platform = ConcurrentHashMap.newKeySet();
    private final Set<String> virtual = ConcurrentHashMap.newKeySet();
    private final Set<String> carriers = ConcurrentHashMap.newKeySet();

    @Override
    public void callStart(Call call) {
      Thread thread = Thread.currentThread();
      String text = thread.toString();
      if (isVirtual(thread)) {
        virtual.add(thread.getName() + "#" + thread.getId());
        int at = text.lastIndexOf('@');
        if (at > 0) {
          carriers.add(text.substring(at + 1));
        }
      } else {
        platform.add(thread.getName());
      }
    }

    private static boolean isVirtual(Thread thread) {
      try {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
      } catch (ReflectiveOperationException e) {
        return false; // Java 17: no virtual threads
      }
    }

    int total() {
      return platform.size() + virtual.size() + carriers.size();
    }

    String describe() {
      return platform.size() + " platform " + new TreeSet<>(platform) + ", " + virtual.size()
          + " virtual, " + carriers.size() + " carriers " + new TreeSet<>(carriers);
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
