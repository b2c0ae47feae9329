package io.github.klingjava.client;

import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;

/**
 * What a successful answer must hold to be a result (trust, #8: no half answers): a task envelope
 * has {@code data} with a {@code task_id}; a list envelope has a {@code data} array. The spec's
 * {@code required} lists say the same; the parser is lenient, so this is checked here.
 */
final class CompleteAnswers {

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
    if (value instanceof TaskListResponse && ((TaskListResponse) value).getData() == null) {
      return "$.data is missing or null: the answer carries no list";
    }
    return null;
  }
}
