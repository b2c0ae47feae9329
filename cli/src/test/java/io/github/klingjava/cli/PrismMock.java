package io.github.klingjava.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The pinned Prism mocking the repository's spec on a free port of 127.0.0.1, for the list command. */
final class PrismMock implements AutoCloseable {
  private final Process process;
  private final int port;

  private PrismMock(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static PrismMock start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process = new ProcessBuilder("node", Repo.prismCli().toString(), "mock", "-h", "127.0.0.1",
        "-p", String.valueOf(port), Repo.spec().toString()).redirectErrorStream(true).start();
    CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
      // Not closed here: Prism dies writing its log to a closed pipe. drain() reads it to the end.
      BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      try {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.contains("Prism is listening")) {
            drain(lines);
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    if (!Boolean.TRUE.equals(listening.get(60, TimeUnit.SECONDS))) {
      process.destroyForcibly();
      throw new IllegalStateException("Prism did not start");
    }
    awaitPort(port);
    return new PrismMock(process, port);
  }

  /** Prism logs "listening" a moment before its socket accepts: wait for a connection to succeed. */
  private static void awaitPort(int port) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("Prism logged that it listens but port " + port + " does not answer");
  }

  private static void drain(BufferedReader lines) {
    Thread t = new Thread(() -> {
      try {
        while (lines.readLine() != null) {
          // keep the pipe from filling up
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "prism-output");
    t.setDaemon(true);
    t.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
