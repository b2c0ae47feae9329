package io.github.klingjava.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class KlingTransportExceptionTest {

  @Test
  void keepsTheCauseAndNamesItsKind() {
    SocketTimeoutException timeout = new SocketTimeoutException("timeout");

    KlingTransportException e = KlingTransportException.of(timeout);

    assertSame(timeout, e.getCause());
    assertInstanceOf(KlingException.class, e);
    assertEquals("I/O failure talking to the Kling API (SocketTimeoutException: timeout)", e.getMessage());
  }

  @Test
  void causeWithoutMessage() {
    KlingTransportException e = KlingTransportException.of(new ConnectException());

    assertEquals("I/O failure talking to the Kling API (ConnectException)", e.getMessage());
  }
}
