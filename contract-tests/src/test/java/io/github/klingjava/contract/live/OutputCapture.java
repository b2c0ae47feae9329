package io.github.klingjava.contract.live;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tees System.out and System.err into a buffer while live tests run, so a test can prove that no
 * secret was printed. Output still reaches the console.
 */
public final class OutputCapture implements AutoCloseable {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  /** Starts capturing. */
  public OutputCapture() {
    System.setOut(new PrintStream(new Tee(originalOut, buffer), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr, buffer), true, StandardCharsets.UTF_8));
  }

  /** @return everything printed so far */
  public synchronized String text() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int value) throws java.io.IOException {
      a.write(value);
      synchronized (b) {
        b.write(value);
      }
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      synchronized (b) {
        b.write(bytes, off, len);
      }
    }
  }
}
