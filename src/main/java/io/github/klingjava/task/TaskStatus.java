package io.github.klingjava.task;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.json.WireEnum;
import java.util.List;
import java.util.Objects;

/**
 * The lifecycle state of a Kling task: {@code submitted -> processing -> succeed | failed}.
 *
 * <p>An open enum: the spec marks the set as extensible, so {@link #of(String)} keeps a value this
 * version does not know instead of failing to parse a response. Compare with {@code equals} (or
 * {@code ==} for the constants, which {@code of} returns for known values).
 *
 * <pre>{@code
 * TaskStatus status = task.getTaskStatus();
 * if (status.isTerminal()) { ... }
 * if (!status.isKnown()) { log("new status " + status); }
 * }</pre>
 */
public final class TaskStatus implements WireEnum {

  /** Accepted and queued. */
  public static final TaskStatus SUBMITTED = new TaskStatus("submitted", true);
  /** Being generated. */
  public static final TaskStatus PROCESSING = new TaskStatus("processing", true);
  /** Done; the results are in {@code task_result}. Kling writes "succeed", not "succeeded". */
  public static final TaskStatus SUCCEED = new TaskStatus("succeed", true);
  /** Done without results; the reason is in {@code task_status_msg}. */
  public static final TaskStatus FAILED = new TaskStatus("failed", true);

  private static final List<TaskStatus> KNOWN = List.of(SUBMITTED, PROCESSING, SUCCEED, FAILED);

  private final String value;
  private final boolean known;

  private TaskStatus(String value, boolean known) {
    this.value = value;
    this.known = known;
  }

  /**
   * The constant for a known wire value, or a new instance carrying an unknown one.
   *
   * @param wireValue the value exactly as it appears in JSON
   * @return never null
   */
  public static TaskStatus of(String wireValue) {
    Objects.requireNonNull(wireValue, "wireValue");
    for (TaskStatus candidate : KNOWN) {
      if (candidate.value.equals(wireValue)) {
        return candidate;
      }
    }
    return new TaskStatus(wireValue, false);
  }

  /**
   * The status of a task snapshot.
   *
   * @param task a task from a response or a callback
   * @return its status, or null when the field is absent
   */
  public static TaskStatus ofTask(Task task) {
    return task.getTaskStatus();
  }

  /** @return the statuses this version of the spec defines, in lifecycle order */
  public static List<TaskStatus> knownValues() {
    return KNOWN;
  }

  /** @return the wire value */
  @Override
  public String value() {
    return value;
  }

  /** @return false for a value this version of the spec does not define */
  public boolean isKnown() {
    return known;
  }

  /** @return true for {@code succeed} and {@code failed}: the task will not change any more */
  public boolean isTerminal() {
    return this.equals(SUCCEED) || this.equals(FAILED);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskStatus && ((TaskStatus) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
