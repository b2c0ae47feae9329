package io.github.klingjava.cli;

import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.KlingException;
import io.github.klingjava.task.TaskFailedException;
import io.github.klingjava.task.TaskTimeoutException;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;

/** Turns what a command threw into its lines on stderr and an exit code; a stack trace only with --debug. */
final class Failures {
  private Failures() {
  }

  static int report(Exception e, Kling.Io io) {
    int code = Kling.FAILED;
    if (e instanceof CommandFailedException) {
      io.err().println("kling: " + e.getMessage());
    } else if (e instanceof BadInputException) {
      io.err().println("kling: " + e.getMessage());
      code = Kling.BAD_INPUT;
    } else if (e instanceof KlingValidationException invalid) {
      // One line per violation: the JSON path, the value and the rule, as the client names them.
      for (Violation v : invalid.violations()) {
        io.err().println("kling: " + v.message());
      }
      code = Kling.BAD_INPUT;
    } else if (e instanceof TaskFailedException || e instanceof TaskTimeoutException) {
      io.err().println("kling: " + e.getMessage());
    } else if (e instanceof KlingApiException api) {
      io.err().println("kling: " + api.getClass().getSimpleName() + ": " + api.getMessage());
    } else if (e instanceof KlingException) {
      io.err().println("kling: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } else {
      io.err().println("kling: unexpected " + e.getClass().getName() + ": " + e.getMessage()
          + (io.debug() ? "" : " (--debug shows the stack trace)"));
    }
    if (io.debug()) {
      e.printStackTrace(io.err());
    }
    return code;
  }
}
