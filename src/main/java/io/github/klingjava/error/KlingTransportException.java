package io.github.klingjava.error;

import java.io.IOException;

/**
 * The request did not produce an HTTP answer: a timeout, a refused connection, a TLS failure, a
 * connection reset while reading. The original {@link IOException} is kept as the cause.
 *
 * <pre>{@code
 * try (Response response = call.execute()) {
 *   ...
 * } catch (IOException e) {
 *   throw KlingTransportException.of(e);
 * }
 * }</pre>
 */
public final class KlingTransportException extends KlingException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message a one-line description that must not contain secrets
   * @param cause the I/O failure
   */
  public KlingTransportException(String message, IOException cause) {
    super(message, cause);
  }

  /**
   * Wraps an I/O failure with a message naming its kind.
   *
   * @param cause the I/O failure
   * @return the exception to throw
   */
  public static KlingTransportException of(IOException cause) {
    String detail = cause.getMessage() == null ? "" : ": " + SafeText.oneLine(cause.getMessage(), 200);
    return new KlingTransportException(
        "I/O failure talking to the Kling API (" + cause.getClass().getSimpleName() + detail + ")", cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
