package io.github.klingjava.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The loopback server every contestant talks to: a minimal HTTP/1.1 keep-alive server (one thread
 * per connection, fixed buffers) that reads and discards the request body and answers every route
 * with the same ~300 B task envelope in one write. It allocates next to nothing per request, so the
 * heap figures of an upload are the client's, and only the clients differ.
 */
final class Loopback implements AutoCloseable {
  static final String TASK_ID = "867283741759111202";
  static final byte[] ANSWER = ("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":"
      + "\"CjhBg2dn9yAAAAAADqmIXA\",\"data\":{\"task_id\":\"" + TASK_ID + "\","
      + "\"task_status\":\"submitted\",\"task_status_msg\":\"\",\"task_info\":{\"external_task_id\":"
      + "\"order-1045\"},\"created_at\":1722769557708,\"updated_at\":1722769557708,"
      + "\"task_result\":{\"images\":[{\"index\":0,\"url\":\"https://cdn.example.com/a.png\"}]}}}")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] RESPONSE = response();

  private final ServerSocket server;

  Loopback() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static byte[] response() {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + ANSWER.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + ANSWER.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(ANSWER, 0, all, head.length, ANSWER.length);
    return all;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        Thread t = new Thread(() -> serve(socket), "loopback");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void serve(Socket socket) {
    byte[] line = new byte[8192];
    byte[] sink = new byte[64 * 1024];
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        long length = 0;
        int n;
        boolean first = true;
        while ((n = readLine(in, line)) > 0) { // request line and headers, up to the blank line
          if (!first && startsWithIgnoreCase(line, n, "content-length:")) {
            length = Long.parseLong(new String(line, 15, n - 15, StandardCharsets.US_ASCII).trim());
          }
          first = false;
        }
        if (n < 0) {
          return; // the client closed the connection
        }
        while (length > 0) {
          int r = in.read(sink, 0, (int) Math.min(sink.length, length));
          if (r < 0) {
            return;
          }
          length -= r;
        }
        out.write(RESPONSE);
        out.flush();
      }
    } catch (IOException e) {
      // connection dropped: nothing to do
    }
  }

  /** Reads one CRLF-terminated line into buf; its length without CRLF, or -1 at end of stream. */
  private static int readLine(InputStream in, byte[] buf) throws IOException {
    int n = 0;
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        return n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
      }
      if (n < buf.length) {
        buf[n++] = (byte) c;
      }
    }
    return n == 0 ? -1 : n;
  }

  private static boolean startsWithIgnoreCase(byte[] buf, int n, String prefix) {
    if (n < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase((char) buf[i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
