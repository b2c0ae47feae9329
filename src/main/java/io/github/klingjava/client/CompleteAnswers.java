package io.github.klingjava.client;

import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;

/**
 * What a successful answer must hold to be a result (trust, #8: no half answers): a task envelope
 * has {@code data} with a {@code task_id}; a list envelope has a {@code data} array. The spec's
 * {@code required} lists say the same; the parser is lenient, so this is checked here. Every other envelope
 * of the spec (sync calls: deletes, account costs, billing pages, session steps) requires its {@code data} too,
 * so an envelope model whose {@code getData()} answers null is incomplete as well.
 */
final class CompleteAnswers {
  /** The {@code getData()} accessor of an envelope model, or null for a class without one (looked up once). */
  private static final ClassValue<java.lang.reflect.Method> DATA = new ClassValue<>() {
    @Override
    protected java.lang.reflect.Method computeValue(Class<?> type) {
      try {
        return type.getMethod("getData");
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  };

  private CompleteAnswers() {
  }

  /**
   * @param value a parsed 2xx body
   * @return what is missing, naming the JSON path, or null when the answer is complete
   */
  static String missingPart(Object value) {
    if (value instanceof TaskResponse) {
      TaskResponse r = (TaskResponse) value;
      if (r.getData() == null) {
        return "$.data is missing or null: the answer carries no task";
      }
      String id = r.getData().getTaskId();
      return id == null || id.isBlank() ? "$.data.task_id is missing or empty" : null;
    }
    if (value instanceof io.github.klingjava.generated.model.NewStandardTaskResponse r) {
      String id = r.getData() == null ? null : r.getData().getId();
      return r.getData() == null ? "$.data is missing or null: the answer carries no task"
          : id == null || id.isBlank() ? "$.data.id is missing or empty" : null;
    }
    if (value instanceof io.github.klingjava.generated.model.NewStandardTaskBatchResponse r && r.getData() == null) {
      return "$.data is missing or null: the answer carries no list";
    }
    if (value instanceof io.github.klingjava.generated.model.NewStandardTaskPageResponse r
        && (r.getData() == null || r.getData().getResult() == null)) {
      return "$.data.result is missing or null: the answer carries no page";
    }
    if (value instanceof TaskListResponse && ((TaskListResponse) value).getData() == null) {
      return "$.data is missing or null: the answer carries no list";
    }
    return value == null ? null : missingData(value);
  }

  private static String missingData(Object envelope) {
    java.lang.reflect.Method data = DATA.get(envelope.getClass());
    if (data == null) {
      return null;
    }
    try {
      return data.invoke(envelope) == null ? "$.data is missing or null: the answer carries no result" : null;
    } catch (ReflectiveOperationException e) {
      return null; // an accessor that cannot be read says nothing about completeness
    }
  }
}
