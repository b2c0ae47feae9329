package io.github.klingjava.error;

/**
 * The credentials were refused (business codes 1000-1004, or HTTP 401 without a code): the
 * key is wrong, or the JWT is empty, malformed, not yet valid or expired. Not retryable as is.
 */
public final class AuthenticationException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
