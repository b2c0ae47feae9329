package io.github.klingjava.error;

/**
 * The caller's IP address is not on the account's whitelist (1304). Not retryable: the
 * whitelist or the network path must change.
 */
public final class IpPolicyException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  IpPolicyException(ErrorDetails details) {
    super(details);
  }
}
