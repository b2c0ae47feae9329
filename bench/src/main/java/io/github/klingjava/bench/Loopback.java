package io.github.klingjava.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback server every contestant talks to: it reads (and discards) the request body and
 * answers every route with the same ~300 B task envelope, so only the clients differ.
 */
final class Loopback implements AutoCloseable {
  static final String TASK_ID = "867283741759111202";
  static final byte[] ANSWER = ("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":"
      + "\"CjhBg2dn9yAAAAAADqmIXA\",\"data\":{\"task_id\":\"" + TASK_ID + "\","
      + "\"task_status\":\"submitted\",\"task_status_msg\":\"\",\"task_info\":{\"external_task_id\":"
      + "\"order-1045\"},\"created_at\":1722769557708,\"updated_at\":1722769557708,"
      + "\"task_result\":{\"images\":[{\"index\":0,\"url\":\"https://cdn.example.com/a.png\"}]}}}")
      .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "loopback");
    t.setDaemon(true);
    return t;
  });

  Loopback() throws IOException {
    // Without it the JDK server's separate header and body writes meet Nagle + delayed ACK: 40 ms a call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      byte[] sink = new byte[16 * 1024];
      try (InputStream in = exchange.getRequestBody()) {
        while (in.read(sink) >= 0) {
          // discard: uploads are only read
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ANSWER.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ANSWER);
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
