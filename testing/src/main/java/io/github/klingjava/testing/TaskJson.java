package io.github.klingjava.testing;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okio.Buffer;

/** Writes Kling's wire format: the envelope, the bare task of callbacks, and error bodies. */
final class TaskJson {

  private TaskJson() {
  }

  static byte[] envelope(ScriptedTask.Snapshot task, String requestId) {
    return write(json -> {
      json.beginObject();
      json.name("code").value(0);
      json.name("message").value("SUCCEED");
      json.name("request_id").value(requestId);
      json.name("data");
      task(json, task);
      json.endObject();
    });
  }

  static byte[] bare(ScriptedTask.Snapshot task) {
    return write(json -> {
      if (task.newStandard()) {
        item(json, task);
      } else {
        task(json, task);
      }
    });
  }

  /** The new standard's envelope: one task item ({@code data} an object) or a batch ({@code data} an array). */
  static byte[] newStandard(List<ScriptedTask.Snapshot> tasks, boolean batch, String requestId) {
    return write(json -> {
      json.beginObject();
      json.name("code").value(0);
      json.name("message").value("SUCCEED");
      json.name("request_id").value(requestId);
      json.name("data");
      if (batch) {
        json.beginArray();
        for (ScriptedTask.Snapshot task : tasks) {
          item(json, task);
        }
        json.endArray();
      } else {
        item(json, tasks.get(0));
      }
      json.endObject();
    });
  }

  /** One cursor page of {@code POST /tasks}: {@code data{result, count, next_cursor, has_more}}. */
  static byte[] page(List<ScriptedTask.Snapshot> tasks, String nextCursor, String requestId) {
    return write(json -> {
      json.beginObject();
      json.name("code").value(0);
      json.name("message").value("SUCCEED");
      json.name("request_id").value(requestId);
      json.name("data").beginObject();
      json.name("result").beginArray();
      for (ScriptedTask.Snapshot task : tasks) {
        item(json, task);
      }
      json.endArray();
      json.name("count").value(tasks.size());
      json.name("next_cursor").value(nextCursor == null ? "" : nextCursor);
      json.name("has_more").value(nextCursor != null);
      json.endObject();
      json.endObject();
    });
  }

  /** The new standard's word for a legacy status ({@code succeed} is {@code succeeded}). */
  static String newStatus(String legacy) {
    return "succeed".equals(legacy) ? "succeeded" : legacy;
  }

  private static void item(JsonWriter json, ScriptedTask.Snapshot task) throws IOException {
    json.beginObject();
    json.name("id").value(task.taskId());
    json.name("status").value(newStatus(task.status()));
    json.name("message").value(task.statusMessage());
    json.name("create_time").value(task.createdAt());
    json.name("update_time").value(task.updatedAt());
    json.name("external_id").value(task.externalTaskId() == null ? "" : task.externalTaskId());
    json.name("outputs").beginArray();
    for (int i = 0; i < task.resultUrls().size(); i++) {
      json.beginObject();
      json.name("type").value(task.videos() ? "video" : "image");
      if (task.videos()) {
        json.name("id").value("video-" + i);
      }
      json.name("url").value(task.resultUrls().get(i));
      if (task.videos()) {
        json.name("duration").value("5.1");
      }
      json.endObject();
    }
    json.endArray();
    json.name("billing").beginArray();
    if ("succeed".equals(task.status())) {
      json.beginObject();
      json.name("charge_type").value("unit");
      json.name("amount").value("5");
      json.name("package_type").value(task.videos() ? "video" : "image");
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  static byte[] error(int code, String message, String requestId) {
    return write(json -> {
      json.beginObject();
      json.name("code").value(code);
      json.name("message").value(message);
      json.name("request_id").value(requestId);
      json.endObject();
    });
  }

  private static void task(JsonWriter json, ScriptedTask.Snapshot task) throws IOException {
    json.beginObject();
    json.name("task_id").value(task.taskId());
    json.name("task_status").value(task.status());
    json.name("task_status_msg").value(task.statusMessage());
    json.name("task_info").beginObject();
    if (task.externalTaskId() != null) {
      json.name("external_task_id").value(task.externalTaskId());
    }
    json.endObject();
    if (task.terminal()) {
      json.name("task_result").beginObject();
      if (!task.resultUrls().isEmpty()) {
        results(json, task);
      }
      json.endObject();
    }
    json.name("created_at").value(task.createdAt());
    json.name("updated_at").value(task.updatedAt());
    json.endObject();
  }

  private static void results(JsonWriter json, ScriptedTask.Snapshot task) throws IOException {
    json.name(task.videos() ? "videos" : "images").beginArray();
    for (int i = 0; i < task.resultUrls().size(); i++) {
      json.beginObject();
      if (task.videos()) {
        json.name("id").value("video-" + i);
        json.name("url").value(task.resultUrls().get(i));
        json.name("duration").value("5.1");
      } else {
        json.name("index").value(i);
        json.name("url").value(task.resultUrls().get(i));
      }
      json.endObject();
    }
    json.endArray();
  }

  private interface Body {
    void write(JsonWriter json) throws IOException;
  }

  private static byte[] write(Body body) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return buffer.readByteArray();
  }
}
