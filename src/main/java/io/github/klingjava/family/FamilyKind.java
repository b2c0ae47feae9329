package io.github.klingjava.family;

/**
 * How a family's operations answer: {@code task} families answer a submit with a task to poll
 * ({@code submit/get/list/waitFor}); {@code sync} families answer each {@code call} at once with the result.
 * The spec's {@code x-kling-family.kind} names it.
 */
public enum FamilyKind {
  /** Asynchronous: submit, then query or wait for the task. */
  TASK,
  /** Synchronous: every operation answers with its result (identify-face, TTS, session steps). */
  SYNC;

  /** The kind named {@code task} or {@code sync}, as the spec writes it. */
  public static FamilyKind of(String specValue) {
    switch (specValue) {
      case "task":
        return TASK;
      case "sync":
        return SYNC;
      default:
        throw new IllegalArgumentException("x-kling-family.kind must be task or sync, found " + specValue);
    }
  }
}
