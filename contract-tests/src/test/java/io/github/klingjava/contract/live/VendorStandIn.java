package io.github.klingjava.contract.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local upstream on 127.0.0.1 that plays CometAPI for the live tests: every route under
 * {@code /kling}, answers taken from the spec's own examples (no hand-kept copies), the expand
 * route answering 404 {@code {"code": null, "message": "404"}} as CometAPI documents, and one
 * planted drift: the image-to-video query answers {@code task_status} as a number. It checks the
 * bearer key without ever storing or printing it.
 */
public final class VendorStandIn implements AutoCloseable {

  /** The operation whose answer is drifted. */
  public static final String DRIFTED_OPERATION = "getImageToVideoTask";
  /** Where Prism must report the drift. */
  public static final String DRIFTED_LOCATION = "response.body.data.task_status";

  private static final String PREFIX = "/kling";

  private final SpecDocument spec;
  private final HttpServer server;
  private final byte[] keyDigest;
  private final AtomicInteger authorized = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();

  /**
   * @param spec the spec whose examples are served
   * @param apiKey the key the stand-in accepts (only its digest is kept)
   */
  public VendorStandIn(SpecDocument spec, String apiKey) {
    this.spec = spec;
    this.keyDigest = digest("Bearer " + apiKey);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the stand-in", e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** @return the upstream URL, CometAPI-style: {@code http://127.0.0.1:<port>/kling} */
  public String upstream() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  /** @return requests that carried the expected bearer key */
  public int authorizedRequests() {
    return authorized.get();
  }

  /** @return requests without it */
  public int rejectedRequests() {
    return rejected.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !MessageDigest.isEqual(keyDigest, digest(auth))) {
        rejected.incrementAndGet();
        send(exchange, 401, errorExample("401", "authentication-failed-1000"));
        return;
      }
      authorized.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      OperationSpec op = path.startsWith(PREFIX) ? match(exchange.getRequestMethod(), path.substring(PREFIX.length())) : null;
      if (op == null) {
        send(exchange, 404, errorExample("404", "method-invalid-1202"));
      } else if (op.family().equals("ImageExpansion")) {
        send(exchange, 404, op.responseExamples().get("404").get("cometapi-route-unavailable"));
      } else {
        send(exchange, 200, answer(op));
      }
    }
  }

  private JsonNode answer(OperationSpec op) {
    JsonNode example = switch (op.kind()) {
      case CREATE -> op.okExamples().values().stream().filter(e -> e.path("code").asInt(-1) == 0)
          .findFirst().orElseThrow();
      case GET -> op.okExamples().get("succeed");
      case LIST -> op.okExamples().get("page-of-two");
    };
    JsonNode copy = example.deepCopy();
    if (op.operationId().equals(DRIFTED_OPERATION)) {
      ((ObjectNode) copy.get("data")).set("task_status", IntNode.valueOf(99)); // the planted drift
    }
    return copy;
  }

  private OperationSpec match(String method, String path) {
    for (OperationSpec op : spec.operations()) {
      String pattern = op.path().replaceAll("\\{[^}]+}", "[^/]+");
      if (op.method().equalsIgnoreCase(method) && path.matches(pattern)) {
        return op;
      }
    }
    return null;
  }

  private JsonNode errorExample(String status, String name) {
    return spec.operations().get(0).responseExamples().get(status).get(name);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
