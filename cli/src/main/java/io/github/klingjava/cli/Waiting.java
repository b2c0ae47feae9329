package io.github.klingjava.cli;

import io.github.klingjava.client.TaskFamilyService;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.task.TaskStatus;
import io.github.klingjava.task.WaitOptions;
import java.time.Duration;

/**
 * Polls one task until it succeeds, fails or passes its deadline, with the client's default backoff
 * (or a fixed {@code --poll-interval}), and shows a progress line per poll: rewritten in place on a
 * terminal, one plain line each otherwise (logs, CI).
 */
final class Waiting {
  private final Kling.Io io;
  private final String label;
  private final Duration timeout;
  private final Duration fixedInterval;

  Waiting(Kling.Io io, String label, Duration timeout, Duration fixedInterval) {
    this.io = io;
    this.label = label;
    this.timeout = timeout;
    this.fixedInterval = fixedInterval;
  }

  TaskResponse until(TaskFamilyService<?> service, String taskId) {
    WaitOptions defaults = WaitOptions.defaults();
    long start = System.nanoTime();
    Duration delay = fixedInterval != null ? fixedInterval : defaults.initialDelay();
    Duration deadline = timeout != null ? timeout : defaults.timeout();
    for (int polls = 1; ; polls++) {
      sleep(delay);
      TaskResponse answer = service.get(taskId);
      Task task = answer.getData();
      TaskStatus status = TaskStatus.ofTask(task);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      show(taskId, status, elapsed, polls);
      if (TaskStatus.SUCCEED.equals(status)) {
        endLine();
        return answer;
      }
      if (TaskStatus.FAILED.equals(status)) {
        endLine();
        throw new CommandFailedException("task " + taskId + " failed: "
            + (task.getTaskStatusMsg() == null ? "no task_status_msg" : task.getTaskStatusMsg()));
      }
      if (elapsed.compareTo(deadline) >= 0) {
        endLine();
        throw new CommandFailedException("task " + taskId + " is still " + (status == null ? "without task_status" : status.value()) + " after "
            + seconds(elapsed) + " (--timeout " + deadline + ")");
      }
      if (fixedInterval == null) {
        long next = (long) (delay.toMillis() * defaults.multiplier());
        delay = Duration.ofMillis(Math.min(next, defaults.maxInterval().toMillis()));
      }
    }
  }

  private void show(String taskId, TaskStatus status, Duration elapsed, int polls) {
    String line = label + " " + taskId + ": " + (status == null ? "no task_status" : status.value()) + ", " + seconds(elapsed) + ", "
        + polls + (polls == 1 ? " poll" : " polls");
    if (io.terminal()) {
      io.err().print("\r\033[K" + line);
      io.err().flush();
    } else {
      io.err().println(line);
    }
  }

  private void endLine() {
    if (io.terminal()) {
      io.err().println();
    }
  }

  private static String seconds(Duration elapsed) {
    return String.format(java.util.Locale.ROOT, "%.1fs elapsed", elapsed.toMillis() / 1000.0);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted while waiting");
    }
  }
}
