package io.github.klingjava.task;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Collects what a class logs through System.Logger, which the JDK routes to java.util.logging when
 * no other backend is installed (the case in this build).
 */
final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final Level previous;
  private final List<LogRecord> records = new ArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    this.previous = logger.getLevel();
  }

  static LogCapture of(Class<?> type) {
    LogCapture capture = new LogCapture(Logger.getLogger(type.getName()));
    capture.logger.addHandler(capture);
    capture.logger.setLevel(Level.ALL);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
  }

  synchronized List<String> messagesContaining(String text) {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .map(r -> new java.text.MessageFormat(r.getMessage()).format(
            r.getParameters() == null ? new Object[0] : r.getParameters()))
        .filter(m -> m.contains(text))
        .collect(Collectors.toList());
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previous);
  }
}
