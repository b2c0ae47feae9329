package io.github.klingjava.testing;

import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.generated.model.ResultImage;
import io.github.klingjava.generated.model.ResultVideo;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.generated.model.TaskResult;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.task.TaskStatus;
import java.util.List;

/** Small factories for task snapshots in tests. */
public final class Tasks {

  private Tasks() {
  }

  private static final JsonAdapter<Task> TASKS = KlingMoshi.create().adapter(Task.class);

  /** Read from JSON, so it works whatever Java type the model gives {@code task_status}. */
  public static Task task(String id, TaskStatus status, long updatedAt) {
    String json = "{\"task_id\":\"" + id + "\",\"task_status\":\"" + status.value()
        + "\",\"task_status_msg\":\"\",\"created_at\":1764470400000,\"updated_at\":"
        + updatedAt + "}";
    try {
      return TASKS.fromJson(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Task succeededWithImages(String id, String... urls) {
    TaskResult result = new TaskResult();
    for (int i = 0; i < urls.length; i++) {
      result.addImagesItem(new ResultImage().index(i).url(urls[i]));
    }
    return task(id, TaskStatus.SUCCEED, 1_764_470_431_000L).taskResult(result);
  }

  public static Task succeededWithVideos(String id, List<ResultVideo> videos) {
    return task(id, TaskStatus.SUCCEED, 1_764_470_431_000L)
        .taskResult(new TaskResult().videos(videos));
  }

  public static Task failed(String id, String message) {
    return task(id, TaskStatus.FAILED, 1_764_470_409_000L).taskStatusMsg(message)
        .taskResult(new TaskResult());
  }

  public static TaskResponse envelope(Task task, String requestId) {
    return new TaskResponse().code(0).message("SUCCEED").requestId(requestId).data(task);
  }
}
