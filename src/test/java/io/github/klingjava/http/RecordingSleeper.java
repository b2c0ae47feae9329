package io.github.klingjava.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records each wait and returns at once, optionally running an action. */
final class RecordingSleeper implements Sleeper {

  interface Action {
    void run() throws Exception;
  }

  private final List<Duration> waits = new ArrayList<>();
  private Action onSleep = () -> { };

  RecordingSleeper onSleep(Action action) {
    this.onSleep = action;
    return this;
  }

  List<Duration> waits() {
    return waits;
  }

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    waits.add(duration);
    try {
      onSleep.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
