package io.github.klingjava.error;

import java.time.Duration;

/**
 * What {@link ErrorHandler} learned about one error answer; the constructor argument of every
 * {@link KlingApiException}, so that adding a field does not touch nine constructors.
 */
record ErrorDetails(
    ErrorFamily family,
    int httpStatus,
    Integer businessCode,
    String codeText,
    String serverMessage,
    String requestId,
    String rawBody,
    Duration retryAfter,
    boolean retryable,
    String taskId,
    String problem) {
}
