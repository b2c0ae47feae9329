package io.github.klingjava.task;

import io.github.klingjava.error.BusinessCode;
import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.KlingException;
import io.github.klingjava.error.KlingTransportException;
import io.github.klingjava.error.ServerException;
import io.github.klingjava.error.UnexpectedResponseException;
import io.github.klingjava.generated.model.TaskResponse;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Submits a task without ever creating it twice. The submit carries an {@code external_task_id}; when
 * it fails ambiguously (it may have reached Kling: a transport failure after connecting, a 5xx, a 2xx
 * whose body is cut or unreadable), the task is looked up by that id: found, it is the outcome; only
 * when Kling answers that it does not exist (404, code 1203) is the submit sent again, at most
 * {@code maxSubmits} times in all. A failed lookup ends with the submit's own failure (the lookup's
 * attached as suppressed): the task may exist, so nothing is re-sent blindly.
 *
 * <pre>{@code
 * String id = AmbiguousSubmits.newExternalId();
 * SubmitOutcome outcome = AmbiguousSubmits.submit(id, () -> service.raw().submit(request).body(),
 *     service::getByExternalId, 3);
 * }</pre>
 */
public final class AmbiguousSubmits {

  /** Prefix of generated ids, so they are recognisable in Kling's console. */
  public static final String GENERATED_PREFIX = "kj-";

  private AmbiguousSubmits() {
  }

  /** @return a fresh {@code external_task_id}: {@value #GENERATED_PREFIX} and a random UUID */
  public static String newExternalId() {
    return GENERATED_PREFIX + UUID.randomUUID();
  }

  /**
   * @param externalId the id the submit carries; null to submit once with no recovery
   * @param submit sends the POST once
   * @param lookup queries by external id
   * @param maxSubmits the most POSTs, at least 1
   * @return the outcome
   * @throws KlingException the submit's failure when it was not ambiguous, or could not be resolved
   */
  public static SubmitOutcome submit(String externalId, Supplier<TaskResponse> submit,
      Function<String, TaskResponse> lookup, int maxSubmits) {
    Objects.requireNonNull(submit, "submit");
    KlingException last = null;
    for (int sent = 1; ; sent++) {
      try {
        return SubmitOutcome.created(submit.get(), externalId, last, sent);
      } catch (KlingException e) {
        if (externalId == null || !isAmbiguous(e)) {
          throw e;
        }
        last = e;
      }
      try {
        TaskResponse found = lookup.apply(externalId);
        if (found != null && found.getData() != null && found.getData().getTaskId() != null) {
          return SubmitOutcome.found(found, externalId, last, sent);
        }
      } catch (KlingException lookupFailure) {
        if (!isAbsent(lookupFailure) || sent >= maxSubmits) {
          last.addSuppressed(lookupFailure);
          throw last;
        }
        continue; // Kling says the task does not exist: nothing was created, so send it again
      }
      throw last;
    }
  }

  /**
   * @param e what a submit threw
   * @return true when the POST may have created a task although no answer says so
   */
  public static boolean isAmbiguous(KlingException e) {
    if (e instanceof KlingApiException && ((KlingApiException) e).taskId().isPresent()) {
      return false; // the answer names the created task: nothing to look up, nothing to re-send
    }
    if (e instanceof KlingTransportException || e instanceof ServerException) {
      return true;
    }
    if (e instanceof UnexpectedResponseException) {
      int status = ((KlingApiException) e).httpStatus();
      return status >= 200 && status < 300 || status >= 500;
    }
    return false;
  }

  private static boolean isAbsent(KlingException e) {
    return e instanceof KlingApiException
        && ((KlingApiException) e).httpStatus() == 404
        && Integer.valueOf(BusinessCode.RESOURCE_NOT_FOUND.code())
            .equals(((KlingApiException) e).businessCode());
  }
}
