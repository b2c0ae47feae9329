package io.github.klingjava.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.UnknownServiceException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Which I/O failures are worth another attempt, and which prove nothing reached the server. */
final class TransportFailures {

  private TransportFailures() {
  }

  /**
   * Permanent failures (bad certificate, cleartext not permitted, protocol violation) and
   * cancellation or interruption come back the same way, so they are not retried; the same list
   * as OkHttp's own connection-retry logic.
   */
  static boolean isRetryable(IOException e) {
    if (e instanceof InterruptedIOException) {
      return e instanceof SocketTimeoutException;
    }
    if (e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException) {
      return false;
    }
    return !(e instanceof SSLPeerUnverifiedException || e instanceof ProtocolException
        || e instanceof UnknownServiceException);
  }

  /**
   * True only for failures that happen before a connection exists, so no request bytes can have
   * reached the server. Timeouts are excluded: a read timeout may come after the server got the
   * whole request.
   */
  static boolean happenedBeforeSending(IOException e) {
    return e instanceof ConnectException || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException;
  }
}
