package io.github.klingjava.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted Kling server on 127.0.0.1 for tests: the four task families' submit and query routes
 * (with or without the aggregators' {@code /kling} prefix), result files with proper content types,
 * and callbacks. Built on the JDK's HTTP server, so it needs no extra dependency.
 *
 * <pre>{@code
 * try (LifecycleDouble kling = LifecycleDouble.create().start()) {
 *   kling.enqueue(TaskScript.builder().pollsBeforeOutcome(3).results(2).build());
 *   // point the client under test at kling.baseUrl() (or kling.baseUrl() + "/kling"), then:
 *   Task task = waiter.submitAndWait(() -> images.create(request), options);
 *   assertEquals(4, kling.pollCount(task.getTaskId()));   // 3 x processing, then succeed
 *   assertEquals("GET", kling.requests().get(1).method());
 * }
 * }</pre>
 *
 * <p>A submit answers {@code submitted} with a string task id above 2^53 and int64 millisecond
 * timestamps; each query answers {@code processing} until the script's outcome, which stays. Each
 * submit takes the next {@link #enqueue queued script}, or the default one. When the task has a
 * callback URL (the submit's {@code callback_url} or the script's), every status change is POSTed
 * there as the bare task object, after the answer of the query that caused it. A task's callbacks
 * go out one at a time, in the order of its changes, each with the state of its own change (a
 * later poll cannot turn a {@code processing} callback into a second {@code succeed}).
 *
 * <p>The new standard too: {@code POST /text-to-video/<model>} (and image-to-video, omni-video,
 * motion-control) creates a task answered as {@code data{id, status, ...}}; {@code GET /tasks?task_ids=a,b}
 * (or {@code external_task_ids}, exactly one, at most 20) answers every task found in one batch, each
 * counting as one poll of its task; {@code POST /tasks} pages through them with a cursor. Those tasks speak
 * the new dialect everywhere, callbacks included: {@code succeeded}, {@code outputs[]}, {@code billing[]}.
 */
public final class LifecycleDouble implements AutoCloseable {

  static {
    // The JDK server writes headers and body as two packets; with Nagle on, each answer then
    // waits for the client's delayed ACK (~40 ms). Read once by the JDK when its first server
    // starts, so set here only when nobody chose otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Clock clock;
  private final TaskBook book = new TaskBook();
  private final java.util.Map<String, ListPages> lists = new java.util.concurrent.ConcurrentHashMap<>();
  private HttpServer server;
  private ExecutorService workers;
  private ScheduledExecutorService timers;

  private LifecycleDouble(Clock clock) {
    this.clock = clock;
  }

  /** @return a double on the system clock, not yet started */
  public static LifecycleDouble create() {
    return create(Clock.systemUTC());
  }

  /**
   * @param clock for timestamps, recorded request times and {@link TaskScript.Builder#readyAfter}
   * @return a double, not yet started
   */
  public static LifecycleDouble create(Clock clock) {
    return new LifecycleDouble(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Binds a free port on 127.0.0.1 (never another interface) and starts serving.
   *
   * @return this double
   */
  public synchronized LifecycleDouble start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1", e);
    }
    workers = Executors.newFixedThreadPool(8, daemon("lifecycle-double-"));
    timers = Executors.newSingleThreadScheduledExecutor(daemon("lifecycle-double-timer-"));
    server.setExecutor(workers);
    server.createContext("/", new DoubleHandler(book, clock, this::baseUrl, this::armTimer,
        this::changed, lists));
    server.start();
    return this;
  }

  /** @return {@code http://127.0.0.1:PORT}; append {@code /kling} to act as an aggregator */
  public String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Serves a list route page by page ({@link ListPages}: page numbers or cursors, empty and repeating pages
   * as scripted), with or without the {@code /kling} prefix: GETs, and POSTs too for a cursor list. A
   * family's list route ({@code /v1/videos/image2video}) then answers its GETs from it; its submits stay.
   *
   * @param path the route, e.g. {@code /v1/videos/image2video}
   * @param pages what it answers
   * @return this double
   */
  public LifecycleDouble serveList(String path, ListPages pages) {
    lists.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(pages, "pages"));
    return this;
  }

  /**
   * @param script used by the next submit (scripts are used in the order queued)
   * @return this double
   */
  public LifecycleDouble enqueue(TaskScript script) {
    book.enqueue(Objects.requireNonNull(script, "script"));
    return this;
  }

  /**
   * @param script used by submits when no queued script is left
   * @return this double
   */
  public LifecycleDouble defaultScript(TaskScript script) {
    book.defaultScript(Objects.requireNonNull(script, "script"));
    return this;
  }

  /** @return every request received so far, in arrival order */
  public List<RecordedRequest> requests() {
    return book.requests();
  }

  /** @return the ids of the tasks submitted so far, in order */
  public List<String> taskIds() {
    return book.taskIds();
  }

  /**
   * @param taskId a task id or external task id
   * @return how many times the task was queried, error answers included
   */
  public int pollCount(String taskId) {
    ScriptedTask task = book.find(taskId);
    return task == null ? 0 : task.gets();
  }

  /** @return queries of all tasks */
  public int totalPolls() {
    return book.taskIds().stream().mapToInt(this::pollCount).sum();
  }

  /** @return the callbacks sent so far */
  public List<CallbackDelivery> callbacks() {
    return book.deliveries();
  }

  /**
   * Waits for callbacks to have gone out (they are sent from the double's threads).
   *
   * @param count how many callbacks in all
   * @param timeout how long to wait at most
   * @return the callbacks sent so far; fewer than {@code count} when the time ran out
   * @throws InterruptedException when interrupted
   */
  public List<CallbackDelivery> awaitCallbacks(int count, Duration timeout)
      throws InterruptedException {
    return book.awaitDeliveries(count, timeout.toNanos());
  }

  /**
   * @param taskId a task with a time-based script
   * @return when it reaches its outcome, empty for poll-counted scripts
   */
  public Optional<Instant> readyAt(String taskId) {
    ScriptedTask task = book.find(taskId);
    return task == null ? Optional.empty() : Optional.ofNullable(task.readyAt());
  }

  /**
   * Ends a task now with its scripted outcome, and calls back synchronously if it has a callback
   * URL: the way to make a callback beat the polls. The task's earlier callbacks go out first;
   * when this returns, all of them and this one were delivered.
   *
   * @param taskId the task
   * @return true when the task changed (false if it had already ended)
   */
  public boolean finishNow(String taskId) {
    ScriptedTask task = require(taskId);
    ScriptedTask.Change change = task.finishNow(clock.instant());
    if (change.callback() != null) {
      task.outbox().releaseAndAwait(change.callback(), snapshot -> post(task, snapshot));
    }
    return change.happened();
  }

  /**
   * POSTs the task's current state to its callback URL now, even if unchanged (a resend), after
   * the task's callbacks already queued.
   *
   * @param taskId the task
   * @return the receiver's HTTP status, or -1 when the POST failed
   */
  public int sendCallback(String taskId) {
    ScriptedTask task = require(taskId);
    if (task.callbackUrl() == null) {
      throw new IllegalStateException("task " + taskId + " has no callback URL");
    }
    return task.outbox().releaseAndAwait(task.queueResend(), snapshot -> post(task, snapshot));
  }

  /** Sends one callback with the state of its change, and logs it. */
  private int post(ScriptedTask task, ScriptedTask.Snapshot snapshot) {
    byte[] body = TaskJson.bare(snapshot);
    int status = CallbackSender.post(task.callbackUrl(), body);
    book.delivered(new CallbackDelivery(snapshot.taskId(), snapshot.status(),
        CallbackSender.text(body), status));
    return status;
  }

  /**
   * The content of every result file, byte by byte, so tests can check what they saved.
   *
   * @param position offset in the file
   * @return the byte at that offset
   */
  public static byte contentByte(long position) {
    return (byte) (position % 251);
  }

  /** Stops serving and the double's threads. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      workers.shutdownNow();
      timers.shutdownNow();
    }
  }

  /** A change's callback, released once the answer that caused it went out. */
  private void changed(ScriptedTask task, CallbackOutbox.Entry callback) {
    task.outbox().release(callback, snapshot -> post(task, snapshot));
  }

  /** Time-based tasks with a callback URL call back when ready even if nobody polls. */
  private void armTimer(ScriptedTask task) {
    if (task.readyAt() == null || task.callbackUrl() == null || timers.isShutdown()) {
      return;
    }
    // Rounded up, and re-armed if it fires early: timers and the clock need not agree exactly.
    long delay = Math.max(1, Duration.between(clock.instant(), task.readyAt()).toMillis() + 1);
    timers.schedule(() -> {
      if (clock.instant().isBefore(task.readyAt())) {
        armTimer(task);
      } else {
        ScriptedTask.Change change = task.finishIfReady(clock.instant());
        if (change.callback() != null) {
          changed(task, change.callback());
        }
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  private ScriptedTask require(String taskId) {
    ScriptedTask task = book.find(taskId);
    if (task == null) {
      throw new IllegalArgumentException("no task " + taskId);
    }
    return task;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
