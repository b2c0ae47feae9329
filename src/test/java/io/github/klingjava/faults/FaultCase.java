package io.github.klingjava.faults;

import java.time.Duration;
import java.util.List;

/**
 * One fault kind: what the server does (a script of faults, one per request), what the client is
 * asked to do, the outcome expected, and the bound the call must finish within.
 */
record FaultCase(String category, String name, List<FaultServer.Fault> script, Action action,
    String expected, Duration bound, Setup setup) {

  /** What the client does against the faulty server. */
  enum Action {
    /** {@code submitWithOutcome}: outcome kind, POSTs sent, tasks the server created. */
    SUBMIT,
    /** {@code get("seed")}: ok, and how many requests it took. */
    GET,
    /** A GET (connection pooled), then a submit on the same client. */
    GET_THEN_SUBMIT,
    /** {@code waitFor("seed")} with a 500 ms deadline. */
    WAIT
  }

  /** Special client or server arrangements of a case. */
  enum Setup {
    NONE,
    /** Nothing listens until the client's first backoff sleep. */
    LATE_START,
    /** Nothing ever listens. */
    NEVER_STARTS,
    /** The first socket's connect times out (injected socket factory). */
    CONNECT_TIMEOUT_ONCE
  }

  static FaultCase of(String category, String name, Action action, String expected,
      FaultServer.Fault... script) {
    return new FaultCase(category, name, List.of(script), action, expected, Duration.ofMillis(2500),
        Setup.NONE);
  }

  FaultCase bound(Duration limit) {
    return new FaultCase(category, name, script, action, expected, limit, setup);
  }

  FaultCase setup(Setup how) {
    return new FaultCase(category, name, script, action, expected, bound, how);
  }
}
