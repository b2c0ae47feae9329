package io.github.klingjava.contract.client;

import io.github.klingjava.client.KlingClient;
import io.github.klingjava.client.KlingResponse;
import io.github.klingjava.client.TaskFamilyService;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.vendor.TaskFamily;

/**
 * Calls an operation of the spec through the client's facade: the family's service, the operation's
 * kind (submit, get, list) and the request model class of its schema.
 */
public final class FamilyOps {

  /** The task id used for get calls (the spec's TaskId parameter example). */
  public static final String TASK_ID = "867283741759111202";

  private FamilyOps() {
  }

  /**
   * @param family e.g. {@code ImageGeneration}
   * @return whether the client has a task family service for it
   */
  public static boolean serves(String family) {
    // the generated TaskFamily: every task family of the spec has a client service
    return TaskFamily.tasks().stream().anyMatch(f -> capitalised(f.accessor()).equals(family));
  }

  private static String capitalised(String accessor) {
    return Character.toUpperCase(accessor.charAt(0)) + accessor.substring(1);
  }

  /**
   * @param family e.g. {@code ImageGeneration}
   * @return the family's request model class
   */
  public static Class<?> requestType(String family) {
    return family(family).requestType();
  }

  // video-facade (#10): the family comes from the generated TaskFamily (the spec's x-kling-family tags),
  // so a family added to the spec needs no case here.
  private static TaskFamily family(String family) {
    for (TaskFamily candidate : TaskFamily.values()) {
      String accessor = candidate.accessor();
      if ((Character.toUpperCase(accessor.charAt(0)) + accessor.substring(1)).equals(family)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no family in the spec for " + family);
  }

  @SuppressWarnings("unchecked")
  private static TaskFamilyService<Object> service(KlingClient client, String family) {
    return (TaskFamilyService<Object>) client.family(family(family));
  }

  /**
   * Calls the operation through {@code raw()}.
   *
   * @param client the client
   * @param op the operation
   * @param request the request model (submits), else ignored
   * @return the typed answer with its raw view
   */
  public static KlingResponse<?> call(KlingClient client, OperationSpec op, Object request) {
    TaskFamilyService<Object>.Raw raw = service(client, op.family()).raw();
    return switch (op.kind()) {
      case CREATE -> raw.submit(request);
      case GET -> raw.get(TASK_ID);
      case LIST -> raw.list(1, 30);
    };
  }

  /**
   * @param client the client
   * @param op a get operation
   * @param id the id to query
   * @return the answer
   */
  public static KlingResponse<?> get(KlingClient client, OperationSpec op, String id) {
    return service(client, op.family()).raw().get(id);
  }

  /**
   * @param client the client
   * @param op a list operation
   * @param pageNum the page
   * @param pageSize the size
   * @return the answer
   */
  public static KlingResponse<?> list(KlingClient client, OperationSpec op, int pageNum, int pageSize) {
    return service(client, op.family()).raw().list(pageNum, pageSize);
  }
}
