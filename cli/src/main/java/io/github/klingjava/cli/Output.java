package io.github.klingjava.cli;

import io.github.klingjava.client.KlingClient;
import io.github.klingjava.generated.model.ResultImage;
import io.github.klingjava.generated.model.ResultVideo;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.task.TaskStatus;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a family command prints its answer: readable lines, or with {@code --json} the vendor's answer as
 * JSON on stdout and nothing else there (progress and saved files go to stderr); {@code --out DIR} saves a
 * succeeded task's images or videos.
 */
final class Output {
  @Option(names = "--json", description = "Print the answer as JSON (stdout holds only the JSON).")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Save a succeeded task's images or videos into DIR (result URLs expire after 30 days).")
  Path out;

  void task(KlingClient client, Kling.Io io, TaskResponse answer) {
    if (json) {
      io.out().println(client.moshi().adapter(TaskResponse.class).indent("  ").toJson(answer));
    } else {
      describe(io, answer.getData());
    }
    save(client, io, answer.getData());
  }

  void list(KlingClient client, Kling.Io io, TaskListResponse answer) {
    if (json) {
      io.out().println(client.moshi().adapter(TaskListResponse.class).indent("  ").toJson(answer));
      return;
    }
    List<Task> tasks = answer.getData() == null ? List.of() : answer.getData();
    for (Task task : tasks) {
      io.out().println(task.getTaskId() + "  " + status(task) + "  created_at " + task.getCreatedAt());
    }
    io.out().println(tasks.size() + (tasks.size() == 1 ? " task" : " tasks"));
  }

  private void save(KlingClient client, Kling.Io io, Task task) {
    if (out == null) {
      return;
    }
    if (!TaskStatus.SUCCEED.equals(TaskStatus.ofTask(task))) {
      io.err().println("kling: nothing saved: task " + task.getTaskId() + " is " + status(task));
      return;
    }
    for (Path file : client.downloader().download(task, out)) {
      (json ? io.err() : io.out()).println("saved " + file);
    }
  }

  private static void describe(Kling.Io io, Task task) {
    io.out().println("task_id  " + task.getTaskId());
    io.out().println("status   " + status(task));
    if (task.getTaskStatusMsg() != null && !task.getTaskStatusMsg().isEmpty()) {
      io.out().println("message  " + task.getTaskStatusMsg());
    }
    if (task.getTaskResult() != null) {
      if (task.getTaskResult().getImages() != null) {
        for (ResultImage image : task.getTaskResult().getImages()) {
          io.out().println("image    " + image.getUrl());
        }
      }
      if (task.getTaskResult().getVideos() != null) {
        for (ResultVideo video : task.getTaskResult().getVideos()) {
          io.out().println("video    " + video.getUrl());
        }
      }
    }
  }

  private static String status(Task task) {
    TaskStatus status = TaskStatus.ofTask(task);
    return status == null ? "(no task_status)" : status.value();
  }
}
