package io.github.klingjava.task;

import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.generated.model.NewStandardTask;
import io.github.klingjava.generated.model.ResultAudio;
import io.github.klingjava.generated.model.ResultImage;
import io.github.klingjava.generated.model.ResultVideo;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskInfo;
import io.github.klingjava.generated.model.TaskResult;
import io.github.klingjava.json.KlingMoshi;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A new-standard task item ({@code id, status, message, create_time, update_time, external_id, outputs,
 * billing}; RECONCILIATION N18) read as the legacy {@link Task} the waiter, the callback receiver and the
 * downloader work with: {@code succeeded} becomes {@code succeed}, {@code message} the
 * {@code task_status_msg}, and the video, image and audio outputs a {@code task_result}. Nothing is
 * dropped: every original property stays readable in the task's additional properties, where
 * {@link TaskView#of(Task)} finds the billing and the outputs of other types (voice, element).
 *
 * <pre>{@code
 * Task legacy = NewStandardTasks.toLegacy(item);   // waiter.offer(legacy), downloader.download(legacy, dir)
 * }</pre>
 */
public final class NewStandardTasks {
  private static final JsonAdapter<Object> TREES = KlingMoshi.create().adapter(Object.class);
  private static final JsonAdapter<Task> TASKS = KlingMoshi.create().adapter(Task.class);

  private NewStandardTasks() {
  }

  /**
   * @param item a task item of {@code GET /tasks}, {@code POST /tasks} or a create answer
   * @return the same task in the legacy shape, the item's properties kept as additional properties
   */
  public static Task toLegacy(NewStandardTask item) {
    java.util.Objects.requireNonNull(item, "item");
    Task task = TASKS.fromJsonValue(TREES.toJsonValue(item));
    return adopt(task);
  }

  /**
   * @param task a body parsed as a legacy task
   * @return true when it was written in the new dialect (an {@code id} and a {@code status}, no
   *     {@code task_status} of its own)
   */
  public static boolean isNewStandard(Task task) {
    Map<String, Object> extra = task.getAdditionalProperties();
    return extra.get("id") != null && extra.containsKey("status");
  }

  /**
   * @param task a body parsed as a legacy task
   * @return the same task when it has a {@code task_id}; for a new-standard body (an {@code id} and no
   *     {@code task_id}) the task with the legacy fields filled in
   */
  public static Task adopt(Task task) {
    Map<String, Object> extra = task.getAdditionalProperties();
    if (task.getTaskId() != null || extra.get("id") == null) {
      return task;
    }
    String status = text(extra.get("status"));
    task.taskId(text(extra.get("id")))
        .taskStatus(status == null ? null : TaskStatus.of("succeeded".equals(status) ? "succeed" : status))
        .taskStatusMsg(text(extra.get("message")))
        .createdAt(number(extra.get("create_time")))
        .updatedAt(number(extra.get("update_time")));
    String external = text(extra.get("external_id"));
    if (external != null && task.getTaskInfo() == null) {
      task.taskInfo(new TaskInfo().externalTaskId(external));
    }
    if (task.getTaskResult() == null && extra.get("outputs") instanceof List<?> outputs && !outputs.isEmpty()) {
      task.taskResult(result(outputs));
    }
    return task;
  }

  /** The video, image and audio outputs as {@code task_result} arrays, for the downloader. */
  private static TaskResult result(List<?> outputs) {
    TaskResult result = new TaskResult();
    int images = 0;
    for (Object o : outputs) {
      if (!(o instanceof Map<?, ?> output)) {
        continue;
      }
      String type = text(output.get("type"));
      if ("video".equals(type)) {
        result.addVideosItem(new ResultVideo().id(text(output.get("id"))).url(text(output.get("url")))
            .watermarkUrl(text(output.get("watermark_url"))).duration(text(output.get("duration"))));
      } else if ("image".equals(type)) {
        result.addImagesItem(new ResultImage().index(images++).url(text(output.get("url")))
            .watermarkUrl(text(output.get("watermark_url"))));
      } else if ("audio".equals(type)) {
        result.addAudiosItem(new ResultAudio().id(text(output.get("id"))).mp3Url(text(output.get("mp3_url")))
            .wavUrl(text(output.get("wav_url"))).mp3Duration(text(output.get("mp3_duration")))
            .wavDuration(text(output.get("wav_duration"))));
      }
    }
    return result;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }

  private static Long number(Object value) {
    try {
      return value == null ? null : new BigDecimal(text(value)).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
