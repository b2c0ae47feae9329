package io.github.klingjava.error;

/**
 * The account cannot run the request (1100-1103, or HTTP 403 without a code): account
 * exception, arrears, exhausted resource pack, or no permission for the API or model. Needs a
 * human; never retried.
 */
public final class AccountException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  AccountException(ErrorDetails details) {
    super(details);
  }
}
