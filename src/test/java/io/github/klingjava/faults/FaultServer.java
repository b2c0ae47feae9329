package io.github.klingjava.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A misbehaving Kling on a loopback raw socket: each request takes the next scripted {@link Fault}
 * (or, when the script is empty, a correct answer: a POST creates a task, a GET finds it by task id
 * or external id, else 404 with code 1203). It records every request and every task it created, so a
 * test can count task-creating POSTs and duplicate tasks per {@code external_task_id}.
 */
final class FaultServer implements AutoCloseable {

  private static final Pattern EXTERNAL_ID = Pattern.compile("\"external_task_id\"\\s*:\\s*\"([^\"]*)\"");

  /** What the server does with one request. */
  @FunctionalInterface
  interface Fault {
    void serve(Exchange exchange) throws IOException, InterruptedException;
  }

  private final Deque<Fault> script = new ArrayDeque<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> createdByExternalId = new ConcurrentHashMap<>();
  private final Map<String, String> tasks = new ConcurrentHashMap<>();
  private final AtomicInteger created = new AtomicInteger();
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private ServerSocket server;
  private volatile boolean closed;

  FaultServer start() throws IOException {
    return start(0);
  }

  FaultServer start(int port) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    Thread acceptor = new Thread(this::acceptLoop, "fault-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** A task that exists before the case starts, for queries and waits. */
  void seed(String id) {
    tasks.put(id, id);
  }

  int port() {
    return server.getLocalPort();
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  synchronized FaultServer then(Fault fault) {
    script.add(fault);
    return this;
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  long posts() {
    return requests().stream().filter(r -> r.startsWith("POST")).count();
  }

  int tasksCreated() {
    return created.get();
  }

  /** @return how many external ids got more than one task */
  long duplicates() {
    return createdByExternalId.values().stream().filter(n -> n.get() > 1).count();
  }

  private synchronized Fault next() {
    return script.poll();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Thread handler = new Thread(() -> serve(socket), "fault-server-conn");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      while (!closed && !socket.isClosed()) {
        Exchange exchange = Exchange.read(this, socket, in);
        if (exchange == null) {
          return;
        }
        requests.add(exchange.method + " " + exchange.path);
        Fault fault = next();
        if (fault == null) {
          exchange.answerCorrectly();
        } else {
          fault.serve(exchange);
        }
        if (exchange.connectionDone) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the connection ends; the client sees what the fault did
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    if (server != null) {
      server.close();
    }
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** One request and the means to answer it well or badly. */
  static final class Exchange {
    final String method;
    final String path;
    final Map<String, String> headers;
    final String body;
    private final FaultServer server;
    private final Socket socket;
    private boolean connectionDone;

    private Exchange(FaultServer server, Socket socket, String method, String path,
        Map<String, String> headers, String body) {
      this.server = server;
      this.socket = socket;
      this.method = method;
      this.path = path;
      this.headers = headers;
      this.body = body;
    }

    static Exchange read(FaultServer server, Socket socket, InputStream in) throws IOException {
      String line = readLine(in);
      if (line == null || line.isEmpty()) {
        return null;
      }
      String[] parts = line.split(" ");
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      return new Exchange(server, socket, parts[0], parts[1], headers,
          new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b == '\n') {
          return line.toString(StandardCharsets.UTF_8).replace("\r", "");
        }
        line.write(b);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    String externalId() {
      Matcher m = EXTERNAL_ID.matcher(body);
      return m.find() ? m.group(1) : null;
    }

    /** Records a task for this POST, as Kling would on receiving it. */
    String createTask() {
      String id = "task-" + (server.created.incrementAndGet());
      String external = externalId();
      server.tasks.put(id, id);
      if (external != null) {
        server.tasks.put(external, id);
        server.createdByExternalId.computeIfAbsent(external, k -> new AtomicInteger()).incrementAndGet();
      }
      return id;
    }

    static String taskJson(String id) {
      return "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"req-" + id + "\",\"data\":{\"task_id\":\""
          + id + "\",\"task_status\":\"submitted\",\"created_at\":1722769557708,\"updated_at\":1722769557708}}";
    }

    static String succeededJson(String id) {
      return "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"req-" + id + "\",\"data\":{\"task_id\":\""
          + id + "\",\"task_status\":\"succeed\",\"created_at\":1722769557708,\"updated_at\":1722769557708,"
          + "\"task_result\":{\"images\":[{\"index\":0,\"url\":\"https://cdn.example.com/a.png\"}]}}}";
    }

    void answerCorrectly() throws IOException {
      if ("POST".equals(method)) {
        respond(200, taskJson(createTask()));
        return;
      }
      String id = path.substring(path.lastIndexOf('/') + 1);
      String task = server.tasks.get(id);
      if (task == null) {
        respond(404, "{\"code\":1203,\"message\":\"Task does not exist\",\"request_id\":\"req-404\"}");
      } else {
        respond(200, succeededJson(task));
      }
    }

    void respond(int status, String json, String... extraHeaders) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      writeHead(status, bytes.length, extraHeaders);
      out().write(bytes);
      out().flush();
    }

    void writeHead(int status, long contentLength, String... extraHeaders) throws IOException {
      StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
      head.append("Content-Type: application/json\r\n");
      if (contentLength >= 0) {
        head.append("Content-Length: ").append(contentLength).append("\r\n");
      }
      for (String h : extraHeaders) {
        head.append(h).append("\r\n");
      }
      out().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out().flush();
    }

    void writeRaw(String text) throws IOException {
      out().write(text.getBytes(StandardCharsets.UTF_8));
      out().flush();
    }

    /** Closes with a TCP reset (SO_LINGER 0). */
    void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
      connectionDone = true;
    }

    /** Closes cleanly (FIN). */
    void hangUp() throws IOException {
      socket.close();
      connectionDone = true;
    }

    private OutputStream out() throws IOException {
      return socket.getOutputStream();
    }
  }
}
