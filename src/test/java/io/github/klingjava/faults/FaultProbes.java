package io.github.klingjava.faults;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.EventListener;

/** What the fault suite watches besides outcomes: open HTTP calls and log records. */
final class FaultProbes {

  private FaultProbes() {
  }

  /** Counts calls started and finished: a call neither ended nor failed holds a response open. */
  static final class CallCounter extends EventListener {
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    @Override
    public void callStart(Call call) {
      started.incrementAndGet();
    }

    @Override
    public void callEnd(Call call) {
      finished.incrementAndGet();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      finished.incrementAndGet();
    }

    int open() {
      return started.get() - finished.get();
    }

    /** Waits briefly for calls still finishing (a poll cut off by the waiter's deadline). */
    boolean awaitBalanced() throws InterruptedException {
      for (int i = 0; i < 100 && open() != 0; i++) {
        Thread.sleep(20);
      }
      return open() == 0;
    }
  }

  /** Captures every java.util.logging record (OkHttp's leak warnings and the library's logs). */
  static final class LogTap extends Handler implements AutoCloseable {
    private final StringBuffer text = new StringBuffer();

    static LogTap install() {
      LogTap tap = new LogTap();
      Logger.getLogger("").addHandler(tap);
      return tap;
    }

    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      if (record.getParameters() != null) {
        message = java.text.MessageFormat.format(message, record.getParameters());
      }
      text.append(record.getLoggerName()).append(": ").append(message).append('\n');
      if (record.getThrown() != null) {
        text.append(FaultInjectionTest.describe(record.getThrown()));
      }
    }

    String text() {
      return text.toString();
    }

    void clear() {
      text.setLength(0);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
      Logger.getLogger("").removeHandler(this);
    }
  }

}
