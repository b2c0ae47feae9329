package io.github.klingjava.task;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TaskPoller} that answers the polls of many tasks with few queries: when one task's poll is due,
 * it asks for that task and for up to {@code limit - 1} other tasks being waited for in ONE batch query
 * (the new standard's {@code GET /tasks?task_ids=a,b,...}); the answers for the others are kept, and their
 * own polls, due shortly after, take them without a query. A kept answer is used once and only while it is
 * younger than {@code maxAge}, so no wait sees a snapshot older than that. The {@link TaskWaiter} is
 * unchanged: it polls task by task as for the legacy standard.
 *
 * <pre>{@code
 * BatchingPoller poller = BatchingPoller.create(query, 20, Clock.systemUTC(), Duration.ofSeconds(10));
 * TaskWaiter waiter = TaskWaiter.builder(poller).build();
 * }</pre>
 */
public final class BatchingPoller implements TaskPoller {

  /** One batch query. */
  @FunctionalInterface
  public interface BatchQuery {
    /**
     * @param required the task whose poll is due: the answer must hold it (else throw a typed exception
     *     carrying the raw body)
     * @param ids at most the poller's limit of ids, {@code required} first
     * @param timeLimit how long the query may take, or null
     * @return the tasks found, in the legacy shape ({@link NewStandardTasks#toLegacy})
     */
    List<Task> query(String required, List<String> ids, Duration timeLimit);
  }

  private record Snapshot(Task task, Instant at) {
  }

  private final BatchQuery query;
  private final int limit;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration forgetAfter;
  private final Map<String, Instant> waiting = new LinkedHashMap<>(); // id -> last poll
  private final Map<String, Snapshot> kept = new HashMap<>();
  private final AtomicInteger queries = new AtomicInteger();

  private BatchingPoller(BatchQuery query, int limit, Clock clock, Duration maxAge) {
    this.query = Objects.requireNonNull(query, "query");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
    }
    this.limit = limit;
    // a task nobody polled for this long (its wait ended by a callback, a timeout or a cancel) is dropped
    this.forgetAfter = maxAge.multipliedBy(10).plusMinutes(1);
  }

  /**
   * @param query the batch query
   * @param limit ids per query (the spec's {@code maxItems} of {@code task_ids})
   * @param clock the clock that dates kept answers
   * @param maxAge how old a kept answer may be when its own poll takes it
   * @return a poller
   */
  public static BatchingPoller create(BatchQuery query, int limit, Clock clock, Duration maxAge) {
    return new BatchingPoller(query, limit, clock, maxAge);
  }

  @Override
  public TaskResponse poll(String taskId) {
    return poll(taskId, null);
  }

  @Override
  public synchronized TaskResponse poll(String taskId, Duration timeLimit) {
    Objects.requireNonNull(taskId, "taskId");
    Instant now = clock.instant();
    forgetIdle(now);
    waiting.remove(taskId); // re-inserted last: the most recently answered go last into the next batches
    waiting.put(taskId, now);
    Snapshot snapshot = kept.remove(taskId);
    if (snapshot != null && !snapshot.at().plus(maxAge).isBefore(now)) {
      return answer(taskId, snapshot.task());
    }
    List<String> ids = batchFor(taskId);
    queries.incrementAndGet();
    Task mine = null;
    for (Task task : query.query(taskId, ids, timeLimit)) {
      if (taskId.equals(task.getTaskId())) {
        mine = task;
      } else if (task.getTaskId() != null && waiting.containsKey(task.getTaskId())) {
        kept.put(task.getTaskId(), new Snapshot(task, now));
        waiting.put(task.getTaskId(), waiting.remove(task.getTaskId()));
      }
    }
    if (mine == null) {
      throw new IllegalStateException("the batch query answered without task " + taskId
          + "; a BatchQuery must throw when the required task is missing");
    }
    return answer(taskId, mine);
  }

  /**
   * Announces tasks whose waits are starting, so the first poll due already asks for them together
   * (without it a task joins the batches with its own first poll).
   */
  public synchronized void expect(java.util.Collection<String> taskIds) {
    Instant now = clock.instant();
    for (String id : taskIds) {
      waiting.putIfAbsent(Objects.requireNonNull(id, "taskId"), now);
    }
  }

  /** How many batch queries were sent. */
  public int queries() {
    return queries.get();
  }

  /** The ids this poller asks about besides the one due: the others waited for, least recently answered first. */
  private List<String> batchFor(String taskId) {
    List<String> ids = new ArrayList<>(limit);
    ids.add(taskId);
    for (String other : waiting.keySet()) {
      if (ids.size() == limit) {
        break;
      }
      if (!other.equals(taskId) && !kept.containsKey(other)) {
        ids.add(other);
      }
    }
    return ids;
  }

  private TaskResponse answer(String taskId, Task task) {
    if (task.getTaskStatus() != null && task.getTaskStatus().isTerminal()) {
      waiting.remove(taskId); // its wait ends with this answer
    }
    return new TaskResponse().code(0).message("SUCCEED").data(task);
  }

  private void forgetIdle(Instant now) {
    waiting.values().removeIf(last -> last.plus(forgetAfter).isBefore(now));
    kept.keySet().retainAll(waiting.keySet());
  }
}
