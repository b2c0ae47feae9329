package io.github.klingjava.testing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the double knows: tasks, their files, the scripts waiting for submits, the log. */
final class TaskBook {

  /** A result file: its size, type and whether its length is announced. */
  record FileSpec(long size, String contentType, boolean announceLength) {
  }

  // Above 2^53 on purpose: a client that parses task ids as numbers loses digits.
  private static final BigInteger FIRST_ID = new BigInteger("867283741759111202");

  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong requestIds = new AtomicLong();
  private final AtomicLong fileKeys = new AtomicLong();
  private final Map<String, ScriptedTask> tasks = new ConcurrentHashMap<>();
  private final Map<String, ScriptedTask> byExternalId = new ConcurrentHashMap<>();
  private final Map<String, FileSpec> files = new ConcurrentHashMap<>();
  private final Queue<TaskScript> scripts = new ConcurrentLinkedQueue<>();
  // Plain lists under their own lock: a copy-on-write list would copy the log on every request.
  private final List<String> order = new ArrayList<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<CallbackDelivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile TaskScript defaultScript = TaskScript.defaults();

  void enqueue(TaskScript script) {
    scripts.add(script);
  }

  void defaultScript(TaskScript script) {
    defaultScript = script;
  }

  /** Creates a task from the next queued script (or the default one). */
  ScriptedTask create(boolean videos, String externalId, String callbackUrl, String baseUrl,
      Instant now) {
    TaskScript script = scripts.poll();
    if (script == null) {
      script = defaultScript;
    }
    String id = script.taskId() != null ? script.taskId()
        : FIRST_ID.add(BigInteger.valueOf(ids.getAndIncrement())).toString();
    String contentType = script.contentType() != null ? script.contentType()
        : videos ? "video/mp4" : "image/png";
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < script.results(); i++) {
      String key = "f" + fileKeys.incrementAndGet();
      files.put(key, new FileSpec(script.fileSize(), contentType, script.announceLength()));
      // The key rides in the query (like a CDN signature), so dot segments in the hostile name
      // cannot stop the double from finding the file.
      urls.add(baseUrl + "/files/" + script.fileName() + "?sig=" + key);
    }
    String target = script.callbackUrl() != null ? script.callbackUrl() : callbackUrl;
    ScriptedTask task = new ScriptedTask(id, externalId, videos, script,
        target == null || target.isEmpty() ? null : target, urls, now);
    tasks.put(id, task);
    synchronized (order) {
      order.add(id);
    }
    if (externalId != null && !externalId.isEmpty()) {
      byExternalId.put(externalId, task);
    }
    return task;
  }

  ScriptedTask find(String idOrExternalId) {
    ScriptedTask task = tasks.get(idOrExternalId);
    return task != null ? task : byExternalId.get(idOrExternalId);
  }

  FileSpec file(String key) {
    return key == null ? null : files.get(key);
  }

  String nextRequestId() {
    return "double-" + requestIds.incrementAndGet();
  }

  void record(RecordedRequest request) {
    synchronized (requests) {
      requests.add(request);
    }
  }

  synchronized void delivered(CallbackDelivery delivery) {
    deliveries.add(delivery);
    notifyAll();
  }

  /** Waits until {@code count} callbacks went out, or the time is up. */
  synchronized List<CallbackDelivery> awaitDeliveries(int count, long timeoutNanos)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    for (long left = timeoutNanos; deliveries.size() < count && left > 0;
        left = deadline - System.nanoTime()) {
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(deliveries);
  }

  List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<CallbackDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  List<String> taskIds() {
    synchronized (order) {
      return List.copyOf(order);
    }
  }
}
