package io.github.klingjava.task;

import io.github.klingjava.error.KlingException;
import io.github.klingjava.generated.model.TaskResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * What a submit did: {@link Kind#CREATED} (the answer to our own POST) or
 * {@link Kind#FOUND_AFTER_AMBIGUOUS_FAILURE} (the POST failed in a way that left open whether Kling got
 * it, e.g. a reset after sending, a timeout, a 5xx or a truncated answer, and a query by the submit's
 * {@code external_task_id} found the task it had created). Either way {@link #response()} holds the task.
 *
 * <pre>{@code
 * SubmitOutcome outcome = client.imageGeneration().submitWithOutcome(request);
 * if (outcome.kind() == SubmitOutcome.Kind.FOUND_AFTER_AMBIGUOUS_FAILURE) {
 *   log.info("recovered task {} after {}", outcome.taskId(), outcome.ambiguousFailure().get());
 * }
 * }</pre>
 */
public final class SubmitOutcome {

  /** How the task in the outcome came about. */
  public enum Kind {
    /** Kling answered our submit (possibly a re-submit after a lookup found nothing). */
    CREATED,
    /** The submit's answer was lost; the lookup by {@code external_task_id} found the task. */
    FOUND_AFTER_AMBIGUOUS_FAILURE
  }

  private final Kind kind;
  private final TaskResponse response;
  private final String externalTaskId;
  private final KlingException ambiguousFailure;
  private final int submits;

  private SubmitOutcome(Kind kind, TaskResponse response, String externalTaskId,
      KlingException ambiguousFailure, int submits) {
    this.kind = kind;
    this.response = Objects.requireNonNull(response, "response");
    this.externalTaskId = externalTaskId;
    this.ambiguousFailure = ambiguousFailure;
    this.submits = submits;
  }

  static SubmitOutcome created(TaskResponse response, String externalTaskId, KlingException before,
      int submits) {
    return new SubmitOutcome(Kind.CREATED, response, externalTaskId, before, submits);
  }

  static SubmitOutcome found(TaskResponse response, String externalTaskId, KlingException failure,
      int submits) {
    return new SubmitOutcome(Kind.FOUND_AFTER_AMBIGUOUS_FAILURE, response, externalTaskId, failure,
        submits);
  }

  /** @return created, or found after an ambiguous failure */
  public Kind kind() {
    return kind;
  }

  /** @return the answer holding the task: the submit's own, or the lookup's */
  public TaskResponse response() {
    return response;
  }

  /** @return the task id, never null (a response without one is refused before an outcome exists) */
  public String taskId() {
    return response.getData().getTaskId();
  }

  /** @return the {@code external_task_id} sent (yours or generated), empty when opted out */
  public Optional<String> externalTaskId() {
    return Optional.ofNullable(externalTaskId);
  }

  /** @return the last ambiguous failure that led to a lookup, empty when the first submit answered */
  public Optional<KlingException> ambiguousFailure() {
    return Optional.ofNullable(ambiguousFailure);
  }

  /** @return how many task-creating POSTs this submit sent (1 unless a lookup found nothing) */
  public int submits() {
    return submits;
  }

  @Override
  public String toString() {
    return "SubmitOutcome{" + kind + ", taskId=" + taskId() + ", submits=" + submits + "}";
  }
}
