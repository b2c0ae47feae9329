package io.github.klingjava.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.error.PagingException;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.testing.LifecycleDouble;
import io.github.klingjava.testing.ListPages;
import io.github.klingjava.testing.RecordedRequest;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import io.github.klingjava.vendor.TaskFamily;
import io.github.klingjava.vendor.VendorProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code listAll()} of a family over the lifecycle double's multi-page lists, and a cursor list over HTTP. */
final class ListAllThroughTheDoubleTest {
  private static final String ROUTE = "/" + TaskFamily.IMAGE_TO_VIDEO.operation("list").orElseThrow().path();
  private static final SpecPaging RECIPE = TaskFamily.IMAGE_TO_VIDEO.operation("list").orElseThrow().paging().orElseThrow();

  private LifecycleDouble kling;
  private KlingClient client;

  @BeforeEach
  void start() {
    kling = LifecycleDouble.create().start();
    client = KlingClient.builder()
        .vendor(VendorProfile.custom(kling.baseUrl() + "/kling/"))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001"))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    kling.close();
  }

  private List<String> queries() {
    return kling.requests().stream().map(RecordedRequest::query).toList();
  }

  private static List<String> ids(Iterable<Task> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.getTaskId()));
    return ids;
  }

  @Test
  void listAllWalksEveryPageAndStopsAtTheShortOne() {
    ListPages pages = ListPages.byPageNumber(ListPages.tasks(7));
    kling.serveList(ROUTE, pages);
    assertEquals(List.of("list-task-1", "list-task-2", "list-task-3", "list-task-4", "list-task-5",
        "list-task-6", "list-task-7"), ids(client.imageToVideo().autoPager(3)));
    assertEquals(List.of("pageNum=1&pageSize=3", "pageNum=2&pageSize=3", "pageNum=3&pageSize=3"), queries());
  }

  @Test
  void anExactMultipleEndsAtTheEmptyPageAfterIt() {
    ListPages pages = ListPages.byPageNumber(ListPages.tasks(6));
    kling.serveList(ROUTE, pages);
    assertEquals(6, ids(client.imageToVideo().autoPager(3)).size());
    assertEquals(3, pages.pagesServed());
  }

  @Test
  void anEmptyFirstPageIsOneRequestWithTheSpecsDefaultSize() {
    kling.serveList(ROUTE, ListPages.byPageNumber(List.of()));
    assertEquals(List.of(), ids(client.imageToVideo().listAll()));
    assertEquals(List.of("pageNum=1&pageSize=" + RECIPE.defaultPageSize().orElseThrow()), queries());
  }

  @Test
  void aPageSizeAboveTheSpecMaximumIsRefusedBeforeSending() {
    int tooBig = RECIPE.maxPageSize().orElseThrow() + 1;
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> client.imageToVideo().autoPager(tooBig));
    Violation v = e.violations().get(0);
    assertEquals("$." + RECIPE.sizeParameter().orElseThrow(), v.path());
    assertEquals("maximum", v.rule());
    assertEquals(List.of(), kling.requests());
    assertEquals("maximum", assertThrows(KlingValidationException.class,
        () -> client.imageToVideo().list(1, tooBig)).violations().get(0).rule());
  }

  @Test
  void closingTheStreamEarlyFetchesNoMorePages() {
    ListPages pages = ListPages.byPageNumber(ListPages.tasks(100));
    kling.serveList(ROUTE, pages);
    try (Stream<Task> tasks = client.imageToVideo().listAll(PagerOptions.defaults().pageSize(5)).stream()) {
      assertEquals(7, tasks.limit(7).count());
    }
    assertEquals(2, pages.pagesServed());
  }

  @Test
  void maxItemsBoundsTheWalkOverHttp() {
    ListPages pages = ListPages.byPageNumber(ListPages.tasks(100));
    kling.serveList(ROUTE, pages);
    assertEquals(12, ids(client.imageToVideo().listAll(PagerOptions.defaults().pageSize(10).maxItems(12))).size());
    assertEquals(2, pages.pagesServed());
  }

  @Test
  void itemsAsJsonTreesOrTheSpecsModelButNoOtherType() {
    kling.serveList(ROUTE, ListPages.byPageNumber(ListPages.tasks(2)));
    List<Object> trees = new ArrayList<>();
    client.imageToVideo().listAll(Object.class, PagerOptions.defaults()).forEach(trees::add);
    assertEquals("list-task-2", ((Map<?, ?>) trees.get(1)).get("task_id"));
    assertEquals(Task.class, RECIPE.itemType(), "the spec's item schema, derived by the generator");
    assertThrows(IllegalArgumentException.class, () -> client.imageToVideo().listAll(String.class, PagerOptions.defaults()));
  }

  @Test
  void aCursorListInTheBodyWithAnEmptyMiddlePageAndARepeatingCursor() {
    kling.serveList("/v1/test/ledger", ListPages.byCursor("cursor", List.of(
        ListPages.page(List.of(Map.of("id", "a"), Map.of("id", "b")), "c1", true),
        ListPages.page(List.of(), "c2", true),
        ListPages.page(List.of(Map.of("id", "c")), "c1", true))));
    SpecPaging recipe = SpecPaging.of(Object.class, "style", "cursor", "cursor", "cursor", "in", "body",
        "next", "/data/next_cursor", "hasMore", "/data/has_more", "items", "/data/result");
    PageReader<Object> reader = PageReader.create(recipe, Object.class, KlingMoshi.create(), "testLedger");
    Pager<Object> pager = Pager.cursors(cursor -> reader.read(post("/v1/test/ledger", cursor)), "testLedger",
        PagerOptions.defaults());
    List<Object> seen = new ArrayList<>();
    PagingException e = assertThrows(PagingException.class, () -> pager.forEach(seen::add));
    assertEquals(PagingException.Reason.REPEATED_CURSOR, e.reason());
    assertEquals(List.of(Map.of("id", "a"), Map.of("id", "b"), Map.of("id", "c")), seen);
    assertTrue(e.rawBody().contains("\"next_cursor\":\"c1\""), e.rawBody());
    assertEquals(List.of("{}", "{\"cursor\":\"c1\"}", "{\"cursor\":\"c2\"}"),
        kling.requests().stream().map(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).toList());
  }

  private String post(String path, String cursor) {
    Moshi moshi = KlingMoshi.create();
    String body = moshi.adapter(Object.class).toJson(cursor == null ? Map.of() : Map.of("cursor", cursor));
    Request request = new Request.Builder().url(kling.baseUrl() + path)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      return response.body().string();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
