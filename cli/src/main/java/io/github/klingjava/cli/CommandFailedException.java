package io.github.klingjava.cli;

/** Work that did not succeed (a failed task, a wait past its deadline): exit code 1, one line. */
final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailedException(String message) {
    super(message);
  }
}
