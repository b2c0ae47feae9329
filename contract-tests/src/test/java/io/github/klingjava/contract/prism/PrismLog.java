package io.github.klingjava.contract.prism;

import io.github.klingjava.contract.config.ContractConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Collects one Prism's output: every line goes to a file under the report directory (never to
 * the console), the last lines are kept for error messages, and the readiness line completes
 * {@link #ready()}.
 */
final class PrismLog implements AutoCloseable {

  /** Printed by Prism on stdout once it accepts connections. */
  static final Pattern READY = Pattern.compile(".*Prism is listening on (http://\\S+).*");

  private static final int TAIL = 15;

  private final Path file;
  private final BufferedWriter writer;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CompletableFuture<String> ready = new CompletableFuture<>();

  PrismLog(String logName) {
    try {
      Path dir = ContractConfig.reportDir().resolve("prism-logs");
      Files.createDirectories(dir);
      this.file = dir.resolve(logName);
      this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Prism log", e);
    }
  }

  /** @param line one line of Prism's output */
  synchronized void line(String line) {
    String clean = line.replaceAll("\u001B\\[[0-9;]*m", "").stripTrailing();
    try {
      writer.write(clean);
      writer.newLine();
      writer.flush();
    } catch (IOException ignored) {
      // the log is a convenience; losing a line must not fail a test
    }
    tail.addLast(clean);
    if (tail.size() > TAIL) {
      tail.removeFirst();
    }
    var matcher = READY.matcher(clean);
    if (matcher.matches()) {
      ready.complete(matcher.group(1));
    }
  }

  /** @param problem why Prism will never become ready */
  void failed(String problem) {
    ready.completeExceptionally(new IllegalStateException(problem));
  }

  /** @return completes with the URL Prism listens on */
  CompletableFuture<String> ready() {
    return ready;
  }

  /** @return the last lines, for an error message */
  synchronized String tail() {
    return String.join("\n", tail);
  }

  /** @return the log file */
  Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
