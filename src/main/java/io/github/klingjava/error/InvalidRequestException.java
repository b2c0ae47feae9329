package io.github.klingjava.error;

/**
 * The request itself is wrong (1200-1203): invalid parameters, an illegal value (see
 * {@link #serverMessage()}), an invalid method, or a resource such as a model that does not exist.
 */
public final class InvalidRequestException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  InvalidRequestException(ErrorDetails details) {
    super(details);
  }
}
