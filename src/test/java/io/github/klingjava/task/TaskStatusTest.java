package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.json.KlingMoshi;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskStatusTest {

  @Test
  void knownValuesMapToTheirConstants() {
    assertSame(TaskStatus.SUBMITTED, TaskStatus.of("submitted"));
    assertSame(TaskStatus.PROCESSING, TaskStatus.of("processing"));
    assertSame(TaskStatus.SUCCEED, TaskStatus.of("succeed"));
    assertSame(TaskStatus.FAILED, TaskStatus.of("failed"));
    assertEquals(List.of(TaskStatus.SUBMITTED, TaskStatus.PROCESSING, TaskStatus.SUCCEED,
        TaskStatus.FAILED), TaskStatus.knownValues());
    TaskStatus.knownValues().forEach(s -> assertTrue(s.isKnown()));
  }

  @Test
  void unknownValuesAreKeptAndCompareByValue() {
    TaskStatus queueing = TaskStatus.of("queueing");
    assertFalse(queueing.isKnown());
    assertFalse(queueing.isTerminal());
    assertEquals("queueing", queueing.value());
    assertEquals("queueing", queueing.toString());
    assertEquals(TaskStatus.of("queueing"), queueing);
    assertEquals(TaskStatus.of("queueing").hashCode(), queueing.hashCode());
    assertNotSame(TaskStatus.of("queueing"), queueing);
    // Kling writes "succeed"; "succeeded" is another (unknown) value, not terminal.
    assertFalse(TaskStatus.of("succeeded").isTerminal());
    assertThrows(NullPointerException.class, () -> TaskStatus.of(null));
  }

  @Test
  void onlySucceedAndFailedAreTerminal() {
    assertTrue(TaskStatus.SUCCEED.isTerminal());
    assertTrue(TaskStatus.FAILED.isTerminal());
    assertFalse(TaskStatus.SUBMITTED.isTerminal());
    assertFalse(TaskStatus.PROCESSING.isTerminal());
  }

  @Test
  void readsAndWritesThroughTheClientsMoshi() throws Exception {
    JsonAdapter<Task> adapter = KlingMoshi.create().adapter(Task.class);
    Task known = adapter.fromJson("{\"task_id\":\"867283741759111202\",\"task_status\":\"succeed\","
        + "\"created_at\":1764470400000,\"updated_at\":1764470431000}");
    assertSame(TaskStatus.SUCCEED, TaskStatus.ofTask(known));

    Task unknown = adapter.fromJson("{\"task_id\":\"1\",\"task_status\":\"queueing\"}");
    assertEquals("queueing", TaskStatus.ofTask(unknown).value());
    assertTrue(adapter.toJson(unknown).contains("\"task_status\":\"queueing\""));
  }
}
