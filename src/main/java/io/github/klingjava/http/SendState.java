package io.github.klingjava.http;

/**
 * Per-attempt record, carried as a call tag from {@link RetryInterceptor} to {@link ResendGuard}:
 * whether the request reached the network layer, i.e. a connection existed and OkHttp was about to
 * write to it. A failure before that point (DNS, connect refused or timed out, TLS handshake) proves
 * that no byte of the request reached the server.
 */
final class SendState {
  private volatile boolean reachedNetwork;

  /** A new attempt of the same call: nothing of it has reached the network yet. */
  void startAttempt() {
    reachedNetwork = false;
  }

  void markReachedNetwork() {
    reachedNetwork = true;
  }

  boolean reachedNetwork() {
    return reachedNetwork;
  }
}
