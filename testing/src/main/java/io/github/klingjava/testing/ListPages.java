package io.github.klingjava.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A list route of the double, served page by page in the spec's {@code x-kling-paging} shapes:
 *
 * <ul>
 *   <li>{@link #byPageNumber}: {@code ?pageNum=&pageSize=} over a fixed list of items, answering
 *       {@code {"code":0,"data":[...]}}; a page past the end is empty;</li>
 *   <li>{@link #byCursor}: scripted pages, the first for a request without cursor, each next one for the
 *       cursor the page before it gave (read from the query or the JSON body), answering
 *       {@code {"code":0,"data":{"result":[...],"next_cursor":...,"has_more":...}}}. Pages may be empty in
 *       the middle, and a page may give a cursor again (then the double answers it with the page that cursor
 *       first led to, as a looping server would).</li>
 * </ul>
 *
 * <pre>{@code
 * kling.serveList("/v1/videos/image2video", ListPages.byPageNumber(ListPages.tasks(7)));
 * kling.serveList("/v1/account/ledger", ListPages.byCursor("cursor", List.of(
 *     ListPages.page(List.of(Map.of("id", "a")), "c1", true),
 *     ListPages.page(List.of(), "c2", true),                   // an empty page in the middle
 *     ListPages.page(List.of(Map.of("id", "b")), null, false))));
 * }</pre>
 */
public final class ListPages {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private final List<Map<String, Object>> items;
  private final String cursorName;
  private final List<CursorPage> pages;
  private final Map<String, Integer> pageOfCursor = new HashMap<>();
  private final AtomicInteger served = new AtomicInteger();

  private ListPages(List<Map<String, Object>> items, String cursorName, List<CursorPage> pages) {
    this.items = items;
    this.cursorName = cursorName;
    this.pages = pages;
    for (int i = 1; i < pages.size(); i++) {
      pageOfCursor.putIfAbsent(pages.get(i - 1).nextCursor, i);
    }
  }

  /** A page-number list of these items (each a JSON object as a map). */
  public static ListPages byPageNumber(List<Map<String, Object>> items) {
    return new ListPages(List.copyOf(items), null, List.of());
  }

  /** A cursor list of these pages; {@code cursorName} is the request parameter or body property. */
  public static ListPages byCursor(String cursorName, List<CursorPage> pages) {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("a cursor list needs at least its first page");
    }
    return new ListPages(null, Objects.requireNonNull(cursorName, "cursorName"), List.copyOf(pages));
  }

  /**
   * @param nextCursor the cursor the page gives, or null for none
   * @param hasMore the page's {@code has_more}, or null to leave it out
   */
  public static CursorPage page(List<Map<String, Object>> items, String nextCursor, Boolean hasMore) {
    return new CursorPage(List.copyOf(items), nextCursor, hasMore);
  }

  /** {@code count} tasks in the spec's Task shape ({@code list-task-1}, ...), state submitted. */
  public static List<Map<String, Object>> tasks(int count) {
    List<Map<String, Object>> tasks = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("task_id", "list-task-" + i);
      task.put("task_status", "submitted");
      task.put("task_info", Map.of());
      task.put("created_at", 1_722_000_000_000L + i);
      task.put("updated_at", 1_722_000_000_000L + i);
      tasks.add(Collections.unmodifiableMap(task));
    }
    return List.copyOf(tasks);
  }

  /** How many pages this list has answered. */
  public int pagesServed() {
    return served.get();
  }

  /** A cursor list answers POSTs too (its cursor may travel in the body); a page-number list GETs only. */
  boolean isCursor() {
    return items == null;
  }

  byte[] answer(String rawQuery, byte[] body, String requestId) {
    served.incrementAndGet();
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("code", 0);
    envelope.put("message", "SUCCEED");
    envelope.put("request_id", requestId);
    Map<String, String> query = query(rawQuery);
    if (items != null) {
      int num = Integer.parseInt(query.getOrDefault("pageNum", "1"));
      int size = Integer.parseInt(query.getOrDefault("pageSize", "30"));
      long from = Math.min((long) (num - 1) * size, items.size());
      envelope.put("data", items.subList((int) from, (int) Math.min(from + size, items.size())));
    } else {
      String cursor = query.containsKey(cursorName) ? query.get(cursorName) : bodyCursor(body);
      CursorPage page = pages.get(cursor == null || cursor.isEmpty() ? 0 : pageOfCursor.getOrDefault(cursor, 0));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("result", page.items);
      data.put("next_cursor", page.nextCursor);
      if (page.hasMore != null) {
        data.put("has_more", page.hasMore);
      }
      envelope.put("data", data);
    }
    return JSON.toJson(envelope).getBytes(StandardCharsets.UTF_8);
  }

  private String bodyCursor(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      Object parsed = JSON.fromJson(new String(body, StandardCharsets.UTF_8));
      Object cursor = parsed instanceof Map<?, ?> map ? map.get(cursorName) : null;
      return cursor instanceof String text ? text : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  /** One scripted page of a cursor list. */
  public static final class CursorPage {
    private final List<Map<String, Object>> items;
    private final String nextCursor;
    private final Boolean hasMore;

    private CursorPage(List<Map<String, Object>> items, String nextCursor, Boolean hasMore) {
      this.items = items;
      this.nextCursor = nextCursor;
      this.hasMore = hasMore;
    }
  }
}
