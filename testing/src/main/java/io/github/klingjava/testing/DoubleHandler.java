package io.github.klingjava.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes the double's requests: submit, query, result files; records every one. */
final class DoubleHandler implements HttpHandler {

  private static final Pattern TASK_ROUTE = Pattern.compile("^(?:/kling)?/v1/(images/generations"
      + "|images/multi-image2image|images/editing/expand|videos/image2video)(?:/([^/]+))?/?$");
  private static final Pattern SIG = Pattern.compile("(?:^|&)sig=([A-Za-z0-9]+)");
  private static final int CHUNK = 64 * 1024;

  private final TaskBook book;
  private final Clock clock;
  private final Supplier<String> baseUrl;
  private final Consumer<ScriptedTask> onSubmit;
  private final BiConsumer<ScriptedTask, CallbackOutbox.Entry> onChange;
  private final Map<String, ListPages> lists;
  private final JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);
  private final NewStandardRoutes newStandard;

  DoubleHandler(TaskBook book, Clock clock, Supplier<String> baseUrl,
      Consumer<ScriptedTask> onSubmit, BiConsumer<ScriptedTask, CallbackOutbox.Entry> onChange,
      Map<String, ListPages> lists) {
    this.lists = lists;
    this.book = book;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.onSubmit = onSubmit;
    this.onChange = onChange;
    this.newStandard = new NewStandardRoutes(book, clock, baseUrl, onSubmit, onChange, this::error);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    List<Runnable> afterAnswer = new ArrayList<>(1);
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      book.record(new RecordedRequest(method, path, query, exchange.getRequestHeaders(), body,
          clock.instant()));
      route(exchange, method, path, query, body, afterAnswer);
    } catch (RuntimeException e) {
      // The exchange is closed; the client sees a reset. Nothing else to do in a test double.
    } finally {
      // After the answer went out (or failed), as a vendor would; even after a failure, so the
      // task's later callbacks, queued behind this one, are not held up.
      afterAnswer.forEach(Runnable::run);
    }
  }

  private void route(HttpExchange exchange, String method, String path, String query,
      byte[] body, List<Runnable> afterAnswer) throws IOException {
    Matcher sig = SIG.matcher(query == null ? "" : query);
    if ("GET".equals(method) && sig.find() && book.file(sig.group(1)) != null) {
      serveFile(exchange, book.file(sig.group(1)));
      return;
    }
    ListPages list = lists.get(path.startsWith("/kling/") ? path.substring("/kling".length()) : path);
    if (list != null && ("GET".equals(method) || list.isCursor())) {
      send(exchange, 200, list.answer(query, body, book.nextRequestId()));
      return;
    }
    if (newStandard.handle(exchange, method, path, query, body, afterAnswer)) {
      return;
    }
    Matcher route = TASK_ROUTE.matcher(path);
    if (!route.matches()) {
      error(exchange, 404, 1202, "Request method is invalid", null);
      return;
    }
    boolean videos = route.group(1).startsWith("videos");
    if ("POST".equals(method) && route.group(2) == null) {
      submit(exchange, videos, body);
      return;
    }
    if ("GET".equals(method) && route.group(2) != null) {
      poll(exchange, URLDecoder.decode(route.group(2), StandardCharsets.UTF_8), afterAnswer);
      return;
    }
    error(exchange, 404, 1202, "Request method is invalid", null);
  }

  private void submit(HttpExchange exchange, boolean videos, byte[] body) throws IOException {
    Map<?, ?> request;
    try {
      Object parsed = json.fromJson(new String(body, StandardCharsets.UTF_8));
      request = parsed instanceof Map ? (Map<?, ?>) parsed : null;
    } catch (IOException | RuntimeException e) {
      request = null;
    }
    if (request == null) {
      error(exchange, 400, 1200, "Invalid request parameters", null);
      return;
    }
    ScriptedTask task = book.create(videos, text(request.get("external_task_id")),
        text(request.get("callback_url")), baseUrl.get(), clock.instant());
    onSubmit.accept(task);
    send(exchange, 200, TaskJson.envelope(task.snapshot(), book.nextRequestId()));
  }

  private void poll(HttpExchange exchange, String id, List<Runnable> afterAnswer)
      throws IOException {
    ScriptedTask task = book.find(id);
    if (task == null) {
      error(exchange, 404, 1203, "Task does not exist", null);
      return;
    }
    ScriptedTask.PollAnswer answer = task.poll(clock.instant());
    if (answer.change().callback() != null) {
      afterAnswer.add(() -> onChange.accept(task, answer.change().callback()));
    }
    if (answer.rateLimit() != null) {
      error(exchange, 429, 1302, "Requests are too fast", answer.rateLimit());
      return;
    }
    if (answer.serverError() != null) {
      int status = answer.serverError();
      int code = status == 503 ? 5001 : status == 504 ? 5002 : 5000;
      error(exchange, status, code, "Server error " + code, null);
      return;
    }
    send(exchange, 200, TaskJson.envelope(answer.snapshot(), book.nextRequestId()));
  }

  private void error(HttpExchange exchange, int status, int code, String message,
      Duration retryAfter) throws IOException {
    if (retryAfter != null) {
      long seconds = (retryAfter.toMillis() + 999) / 1000; // whole seconds, rounded up
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
    }
    send(exchange, status, TaskJson.error(code, message, book.nextRequestId()));
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void serveFile(HttpExchange exchange, TaskBook.FileSpec file) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", file.contentType());
    long length = file.size() == 0 ? -1 : file.announceLength() ? file.size() : 0;
    exchange.sendResponseHeaders(200, length);
    byte[] chunk = new byte[CHUNK];
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < file.size(); ) {
        int n = (int) Math.min(CHUNK, file.size() - sent);
        for (int i = 0; i < n; i++) {
          chunk[i] = LifecycleDouble.contentByte(sent + i);
        }
        out.write(chunk, 0, n);
        sent += n;
      }
    } catch (IOException clientGaveUp) {
      // Expected when a client refuses an oversized file half way.
    }
  }

  private static String text(Object value) {
    return value instanceof String ? (String) value : null;
  }
}
