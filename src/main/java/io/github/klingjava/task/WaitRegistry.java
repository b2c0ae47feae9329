package io.github.klingjava.task;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which waits are outstanding, by task id, so that a callback can finish them early. It also keeps
 * the last few terminal snapshots nobody was waiting for: a callback can beat the caller to
 * {@code waitFor} (the vendor may call back before the submit answer is even processed).
 */
final class WaitRegistry {

  private static final int EARLY_ARRIVALS = 1024;

  private final Map<String, Set<PollLoop>> loops = new ConcurrentHashMap<>();
  // Guarded by itself; access order makes it an LRU, so memory stays bounded.
  private final Map<String, Task> earlyArrivals = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Task> eldest) {
      return size() > EARLY_ARRIVALS;
    }
  };

  /** Registers a wait, then replays a terminal snapshot that arrived before it, if any. */
  void register(PollLoop loop) {
    // Add inside compute, under the map's lock for this key, so a concurrent unregister cannot drop
    // the set between creating it and adding to it.
    loops.compute(loop.taskId(), (id, set) -> {
      Set<PollLoop> waits = set == null ? ConcurrentHashMap.newKeySet() : set;
      waits.add(loop);
      return waits;
    });
    loop.result().whenComplete((task, error) -> unregister(loop));
    Task early;
    synchronized (earlyArrivals) {
      early = earlyArrivals.get(loop.taskId());
    }
    if (early != null) {
      loop.accept(early, null);
    }
  }

  private void unregister(PollLoop loop) {
    loops.computeIfPresent(loop.taskId(), (id, set) -> {
      set.remove(loop);
      return set.isEmpty() ? null : set;
    });
  }

  /**
   * Hands a snapshot to every wait on its {@code task_id} or {@code external_task_id}.
   *
   * @return true when at least one outstanding wait was waiting for it
   */
  boolean offer(Task task) {
    boolean matched = offerTo(task.getTaskId(), task);
    TaskInfo info = task.getTaskInfo();
    String externalId = info == null ? null : info.getExternalTaskId();
    if (externalId != null && !externalId.equals(task.getTaskId())) {
      matched |= offerTo(externalId, task);
    }
    TaskStatus status = TaskStatus.ofTask(task);
    if (!matched && status != null && status.isTerminal()) {
      remember(task.getTaskId(), task);
      if (externalId != null) {
        remember(externalId, task);
      }
    }
    return matched;
  }

  private boolean offerTo(String id, Task task) {
    if (id == null) {
      return false;
    }
    Set<PollLoop> waiting = loops.get(id);
    if (waiting == null || waiting.isEmpty()) {
      return false;
    }
    for (PollLoop loop : waiting) {
      loop.accept(task, null);
    }
    return true;
  }

  private void remember(String id, Task task) {
    synchronized (earlyArrivals) {
      earlyArrivals.put(id, task);
    }
  }

  /** Cancels every outstanding wait, e.g. because the threads polling for them stop. */
  void cancelAll() {
    loops.values().forEach(set -> set.forEach(loop -> loop.result().cancel(false)));
  }

  /** @return the number of outstanding waits */
  int outstanding() {
    // A finished wait leaves the map in a completion callback that may run after a caller's join()
    // returned; counting only unfinished results keeps the answer exact at every moment.
    return (int) loops.values().stream().flatMap(Set::stream).filter(loop -> !loop.result().isDone()).count();
  }
}
