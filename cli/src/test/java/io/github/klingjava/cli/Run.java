package io.github.klingjava.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the CLI: exit code, stdout and stderr. */
record Run(int code, String out, String err) {

  /** An obviously fake key: tests only talk to 127.0.0.1. */
  static final Map<String, String> ENV = Map.of("KLING_API_KEY", "test-fake-kling-key");

  static Run of(String... args) {
    return of(ENV, false, args);
  }

  static Run of(Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = Kling.run(args, new Kling.Io(env, o, e, terminal, false));
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
