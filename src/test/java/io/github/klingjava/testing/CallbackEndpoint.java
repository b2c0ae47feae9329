package io.github.klingjava.testing;

import com.sun.net.httpserver.HttpServer;
import io.github.klingjava.callback.CallbackReceiver;
import io.github.klingjava.callback.CallbackResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * What a user's web endpoint does with {@link CallbackReceiver}: hand over body, URL and
 * headers, answer with the result's status. On 127.0.0.1, for the end-to-end tests.
 */
public final class CallbackEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final List<CallbackResult> results = new CopyOnWriteArrayList<>();

  public CallbackEndpoint(CallbackReceiver receiver) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread thread = new Thread(r, "callback-endpoint");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/hooks/kling", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        CallbackResult result = receiver.receive(body, exchange.getRequestURI().toString(),
            exchange.getRequestHeaders());
        results.add(result);
        exchange.sendResponseHeaders(result.httpStatus(), -1);
      }
    });
    server.start();
  }

  /** @param token appended as {@code ?token=}, or null for none @return the callback_url */
  public String url(String token) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/kling";
    return token == null ? base : base + "?token=" + token;
  }

  public List<CallbackResult> results() {
    return List.copyOf(results);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
