package io.github.klingjava.error;

import java.util.function.Function;

/**
 * The exception families of the business-code table, each with the label that starts its
 * messages and the exception type that represents it.
 */
enum ErrorFamily {
  AUTHENTICATION("Authentication failed", AuthenticationException::new),
  ACCOUNT("Account problem", AccountException::new),
  INVALID_REQUEST("Invalid request", InvalidRequestException::new),
  POLICY("Blocked by a platform or content policy", PolicyException::new),
  RATE_LIMIT("Rate or concurrency limit exceeded", RateLimitException::new),
  IP_POLICY("Blocked by the IP whitelist policy", IpPolicyException::new),
  SERVER("Server error", ServerException::new),
  ENDPOINT_UNAVAILABLE("Endpoint unavailable: the vendor does not serve this route",
      EndpointUnavailableException::new),
  UNEXPECTED("Unexpected response", UnexpectedResponseException::new);

  private final String label;
  private final Function<ErrorDetails, KlingApiException> factory;

  ErrorFamily(String label, Function<ErrorDetails, KlingApiException> factory) {
    this.label = label;
    this.factory = factory;
  }

  String label() {
    return label;
  }

  KlingApiException newException(ErrorDetails details) {
    return factory.apply(details);
  }
}
