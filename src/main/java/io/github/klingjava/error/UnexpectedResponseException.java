package io.github.klingjava.error;

/**
 * An answer outside the documented table: an unknown status without a code, a 2xx whose
 * envelope {@code code} is not 0, or a body that is not a Kling envelope at all. Inspect
 * {@link #rawBody()}.
 */
public final class UnexpectedResponseException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  UnexpectedResponseException(ErrorDetails details) {
    super(details);
  }
}
