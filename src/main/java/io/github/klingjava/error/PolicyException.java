package io.github.klingjava.error;

/**
 * A platform strategy or the content security policy refused the request (1300, 1301).
 * Sending the same content again gives the same answer.
 */
public final class PolicyException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  PolicyException(ErrorDetails details) {
    super(details);
  }
}
