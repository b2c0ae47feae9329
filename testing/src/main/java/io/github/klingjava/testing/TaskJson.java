package io.github.klingjava.testing;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    return write(json -> task(json, task));
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
