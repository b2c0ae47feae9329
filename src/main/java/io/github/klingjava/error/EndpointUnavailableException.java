package io.github.klingjava.error;

/**
 * HTTP 404 without a business code: the vendor does not serve this route at all. CometAPI
 * answers {@code {"code": null, "message": "404"}} on its image-expansion route. Choose another
 * vendor for this operation; retrying does not help.
 */
public final class EndpointUnavailableException extends KlingApiException {

  private static final long serialVersionUID = 1L;

  EndpointUnavailableException(ErrorDetails details) {
    super(details);
  }
}
