package io.github.klingjava.contract.prism;

/**
 * A backend cannot run on this machine. The message is one line that says what is missing and
 * names the fix (a command to run or a property to set).
 */
public final class PrerequisiteMissingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is missing and how to fix it
   */
  public PrerequisiteMissingException(String message) {
    super(message);
  }

  /**
   * @param message what is missing and how to fix it
   * @param cause the underlying failure
   */
  public PrerequisiteMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}
