package io.github.klingjava.error;

/**
 * Base of every exception the Kling client throws.
 *
 * <p>Unchecked on purpose: callers decide where to handle failures, and most of them are not
 * recoverable at the call site. Catch this type to handle "anything the client reports"; catch
 * {@link KlingApiException} for answers from a server and {@link KlingTransportException} for
 * I/O failures.
 *
 * <pre>{@code
 * try {
 *   client.images().generate(request);
 * } catch (RateLimitException e) {
 *   e.retryAfter().ifPresent(this::scheduleLater);
 * } catch (KlingException e) {
 *   log.warn("Kling call failed: {}", e.getMessage()); // messages never carry secrets
 * }
 * }</pre>
 */
public class KlingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message a one-line description that must not contain secrets
   */
  public KlingException(String message) {
    super(message);
  }

  /**
   * @param message a one-line description that must not contain secrets
   * @param cause the underlying failure
   */
  public KlingException(String message, Throwable cause) {
    super(message, cause);
  }
}
