package io.github.klingjava.cli;

/** A command line the CLI refuses before anything is sent: one line naming the field, the value and the rule. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String field, String value, String rule) {
    super(field + ": " + (value == null ? "" : value + ": ") + rule);
  }

  BadInputException(String field, String value, String rule, Throwable cause) {
    super(field + ": " + (value == null ? "" : value + ": ") + rule, cause);
  }
}
