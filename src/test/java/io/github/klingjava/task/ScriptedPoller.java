package io.github.klingjava.task;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.testing.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** Answers polls from a script, one step per poll; the last step repeats. Records poll times. */
final class ScriptedPoller implements TaskPoller {

  private final Clock clock;
  private final Deque<Supplier<TaskResponse>> steps = new ArrayDeque<>();
  private final List<Instant> pollTimes = new ArrayList<>();
  private Supplier<TaskResponse> last;

  ScriptedPoller(Clock clock) {
    this.clock = clock;
  }

  ScriptedPoller status(String taskId, TaskStatus status, int times) {
    for (int i = 0; i < times; i++) {
      long updated = 1_764_470_400_000L + steps.size();
      then(() -> Tasks.envelope(Tasks.task(taskId, status, updated), "req-poll"));
    }
    return this;
  }

  ScriptedPoller task(Task task) {
    return then(() -> Tasks.envelope(task, "req-final"));
  }

  ScriptedPoller error(RuntimeException error) {
    return then(() -> {
      throw error;
    });
  }

  ScriptedPoller then(Supplier<TaskResponse> step) {
    steps.add(step);
    return this;
  }

  @Override
  public synchronized TaskResponse poll(String taskId) {
    pollTimes.add(clock.instant());
    Supplier<TaskResponse> step = steps.isEmpty() ? last : steps.poll();
    last = step;
    return step.get();
  }

  synchronized List<Instant> pollTimes() {
    return List.copyOf(pollTimes);
  }

  synchronized int polls() {
    return pollTimes.size();
  }
}
