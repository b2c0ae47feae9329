package io.github.klingjava.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new standard in the double: {@code POST /<product>/<model>} creates a task, {@code GET /tasks} answers
 * up to {@value #BATCH_LIMIT} tasks by {@code task_ids} or {@code external_task_ids} (exactly one), and
 * {@code POST /tasks} pages through the new-standard tasks with a cursor ({@code limit}, {@code cursor},
 * {@code filters} on status). Each task in a batch answer counts as one poll of that task, so its script
 * (statuses, rate limits, server errors) plays as for the legacy routes.
 */
final class NewStandardRoutes {
  static final int BATCH_LIMIT = 20;
  private static final Pattern CREATE = Pattern.compile(
      "^(?:/kling)?/(text-to-video|image-to-video|omni-video|motion-control)/([^/]+)/?$");
  private static final Pattern TASKS = Pattern.compile("^(?:/kling)?/tasks/?$");

  /** Answers an error the way the double's legacy routes do. */
  interface Errors {
    void error(HttpExchange exchange, int status, int code, String message, java.time.Duration retryAfter)
        throws IOException;
  }

  private final TaskBook book;
  private final Clock clock;
  private final Supplier<String> baseUrl;
  private final Consumer<ScriptedTask> onSubmit;
  private final BiConsumer<ScriptedTask, CallbackOutbox.Entry> onChange;
  private final Errors errors;
  private final JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);

  NewStandardRoutes(TaskBook book, Clock clock, Supplier<String> baseUrl, Consumer<ScriptedTask> onSubmit,
      BiConsumer<ScriptedTask, CallbackOutbox.Entry> onChange, Errors errors) {
    this.book = book;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.onSubmit = onSubmit;
    this.onChange = onChange;
    this.errors = errors;
  }

  /** @return false when the request is not one of the new standard's routes */
  boolean handle(HttpExchange exchange, String method, String path, String query, byte[] body,
      List<Runnable> afterAnswer) throws IOException {
    Matcher create = CREATE.matcher(path);
    if ("POST".equals(method) && create.matches()) {
      create(exchange, body);
      return true;
    }
    if (!TASKS.matcher(path).matches()) {
      return false;
    }
    if ("GET".equals(method)) {
      batch(exchange, query, afterAnswer);
    } else if ("POST".equals(method)) {
      page(exchange, body);
    } else {
      errors.error(exchange, 404, 1202, "Request method is invalid", null);
    }
    return true;
  }

  private void create(HttpExchange exchange, byte[] body) throws IOException {
    Map<?, ?> request = object(body);
    if (request == null) {
      errors.error(exchange, 400, 1200, "Invalid request parameters", null);
      return;
    }
    Map<?, ?> options = request.get("options") instanceof Map<?, ?> o ? o : Map.of();
    ScriptedTask task = book.create(true, text(options.get("external_task_id")),
        text(options.get("callback_url")), baseUrl.get(), clock.instant());
    task.markNewStandard();
    onSubmit.accept(task);
    DoubleHandler.send(exchange, 200, TaskJson.newStandard(List.of(task.snapshot()), false, book.nextRequestId()));
  }

  private void batch(HttpExchange exchange, String query, List<Runnable> afterAnswer) throws IOException {
    String byId = parameter(query, "task_ids");
    String byExternal = parameter(query, "external_task_ids");
    if ((byId == null) == (byExternal == null)) {
      errors.error(exchange, 400, 1201, "exactly one of task_ids and external_task_ids", null);
      return;
    }
    String[] ids = (byId != null ? byId : byExternal).split(",");
    if (ids.length > BATCH_LIMIT) {
      errors.error(exchange, 400, 1201, "at most " + BATCH_LIMIT + " ids", null);
      return;
    }
    List<ScriptedTask.Snapshot> found = new ArrayList<>();
    for (String id : ids) {
      ScriptedTask task = book.find(id);
      if (task == null) {
        continue; // the batch answers the tasks it found
      }
      ScriptedTask.PollAnswer answer = task.poll(clock.instant());
      if (answer.change().callback() != null) {
        afterAnswer.add(() -> onChange.accept(task, answer.change().callback()));
      }
      if (answer.rateLimit() != null) {
        errors.error(exchange, 429, 1302, "Requests are too fast", answer.rateLimit());
        return;
      }
      if (answer.serverError() != null) {
        int status = answer.serverError();
        errors.error(exchange, status, status == 503 ? 5001 : status == 504 ? 5002 : 5000, "Server error", null);
        return;
      }
      found.add(answer.snapshot());
    }
    DoubleHandler.send(exchange, 200, TaskJson.newStandard(found, true, book.nextRequestId()));
  }

  private void page(HttpExchange exchange, byte[] body) throws IOException {
    Map<?, ?> request = object(body);
    if (request == null) {
      errors.error(exchange, 400, 1200, "Invalid request parameters", null);
      return;
    }
    int limit = request.get("limit") instanceof Number n ? n.intValue() : 100;
    String cursor = text(request.get("cursor"));
    int from = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
    List<String> statuses = statusFilter(request.get("filters"));
    List<ScriptedTask.Snapshot> all = new ArrayList<>();
    for (String id : book.taskIds()) {
      ScriptedTask task = book.find(id);
      ScriptedTask.Snapshot snapshot = task.snapshot();
      if (task.isNewStandard() && (statuses == null || statuses.contains(TaskJson.newStatus(snapshot.status())))) {
        all.add(snapshot);
      }
    }
    int to = Math.min(all.size(), from + limit);
    String next = to < all.size() ? Integer.toString(to) : null;
    DoubleHandler.send(exchange, 200, TaskJson.page(all.subList(Math.min(from, to), to), next,
        book.nextRequestId()));
  }

  private static List<String> statusFilter(Object filters) {
    if (!(filters instanceof List<?> list)) {
      return null;
    }
    for (Object f : list) {
      if (f instanceof Map<?, ?> filter && "status".equals(filter.get("key"))
          && filter.get("values") instanceof List<?> values) {
        return values.stream().map(String::valueOf).toList();
      }
    }
    return null;
  }

  private Map<?, ?> object(byte[] body) {
    try {
      Object parsed = json.fromJson(new String(body, StandardCharsets.UTF_8));
      return parsed instanceof Map ? (Map<?, ?>) parsed : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String parameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value instanceof String ? (String) value : null;
  }
}
