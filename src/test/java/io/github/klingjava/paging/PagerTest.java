package io.github.klingjava.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.error.PagingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pager's walk over fetchers that count their pages: where each style stops, its bounds, cancelling. */
final class PagerTest {

  /** A page-number list of {@code total} numbered items; records every (pageNum, pageSize) asked for. */
  private static final class Numbers implements PageNumberFetcher<Integer> {
    final int total;
    final List<String> asked = new ArrayList<>();

    Numbers(int total) {
      this.total = total;
    }

    @Override
    public Page<Integer> fetch(int pageNum, int pageSize) {
      asked.add(pageNum + "x" + pageSize);
      int from = Math.min((pageNum - 1) * pageSize, total);
      return Page.of(IntStream.range(from, Math.min(from + pageSize, total)).boxed().toList(), "{\"page\":" + pageNum + "}");
    }
  }

  /** A cursor list of scripted pages: the first for no cursor, each next one for the cursor before it. */
  private static final class Cursors implements CursorFetcher<String> {
    final List<Page<String>> pages;
    final List<String> asked = new ArrayList<>();

    @SafeVarargs
    Cursors(Page<String>... pages) {
      this.pages = List.of(pages);
    }

    @Override
    public Page<String> fetch(String cursor) {
      asked.add(String.valueOf(cursor));
      return pages.get(asked.size() - 1);
    }
  }

  private static Page<String> page(String next, Boolean hasMore, String... items) {
    return Page.ofCursor(List.of(items), next, hasMore, "{\"next\":\"" + next + "\"}");
  }

  private static Pager<Integer> numbers(Numbers fetcher, int size, PagerOptions options) {
    return Pager.pageNumbers(fetcher, 1, 1000, size, options);
  }

  private static <T> List<T> all(Iterable<T> pager) {
    List<T> out = new ArrayList<>();
    pager.forEach(out::add);
    return out;
  }

  @Test
  void pageNumbersEmptyFirstPageIsOneRequestAndNoItems() {
    Numbers fetcher = new Numbers(0);
    assertEquals(List.of(), all(numbers(fetcher, 5, PagerOptions.defaults())));
    assertEquals(List.of("1x5"), fetcher.asked);
  }

  @Test
  void pageNumbersShortLastPageEndsWithoutAnotherRequest() {
    Numbers fetcher = new Numbers(7);
    assertEquals(IntStream.range(0, 7).boxed().toList(), all(numbers(fetcher, 5, PagerOptions.defaults())));
    assertEquals(List.of("1x5", "2x5"), fetcher.asked);
  }

  @Test
  void pageNumbersExactMultipleEndsAtTheEmptyPageAfterTheLastFullOne() {
    Numbers fetcher = new Numbers(10);
    assertEquals(10, all(numbers(fetcher, 5, PagerOptions.defaults())).size());
    assertEquals(List.of("1x5", "2x5", "3x5"), fetcher.asked);
  }

  @Test
  void pageNumbersStopAtTheSpecsLastPage() {
    Numbers fetcher = new Numbers(100);
    assertEquals(6, all(Pager.pageNumbers(fetcher, 1, 3, 2, PagerOptions.defaults())).size());
    assertEquals(List.of("1x2", "2x2", "3x2"), fetcher.asked);
  }

  @Test
  void maxItemsStopsHandingOutAndFetchesNoFurtherPage() {
    Numbers fetcher = new Numbers(100);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), all(numbers(fetcher, 5, PagerOptions.defaults().maxItems(7))));
    assertEquals(List.of("1x5", "2x5"), fetcher.asked);
  }

  @Test
  void maxPagesBoundsTheRequests() {
    Numbers fetcher = new Numbers(100);
    assertEquals(15, all(numbers(fetcher, 5, PagerOptions.defaults().maxPages(3))).size());
    assertEquals(3, fetcher.asked.size());
  }

  @Test
  void nothingIsFetchedAheadOfDemand() {
    Numbers fetcher = new Numbers(100);
    Iterator<Integer> items = numbers(fetcher, 5, PagerOptions.defaults()).iterator();
    assertEquals(0, fetcher.asked.size(), "creating the iterator fetches nothing");
    for (int i = 0; i < 5; i++) {
      items.next();
    }
    assertEquals(1, fetcher.asked.size(), "the fifth item is the first page's last: no second page yet");
    assertTrue(items.hasNext());
    assertEquals(2, fetcher.asked.size());
  }

  @Test
  void anEarlyStreamCloseOrShortCircuitFetchesNoMorePages() {
    Numbers fetcher = new Numbers(100);
    Pager<Integer> pager = numbers(fetcher, 5, PagerOptions.defaults());
    assertEquals(List.of(0, 1, 2, 3, 4, 5), pager.stream().limit(6).toList());
    assertEquals(2, fetcher.asked.size());

    Numbers second = new Numbers(100);
    Iterator<Integer> items;
    try (Stream<Integer> stream = numbers(second, 5, PagerOptions.defaults()).stream()) {
      items = stream.iterator();
      items.next();
    }
    assertFalse(items.hasNext(), "after close the stream ends, though the first page had more");
    assertEquals(1, second.asked.size());
  }

  @Test
  void cancelStopsEveryWalkFromAnotherThread() throws Exception {
    Numbers fetcher = new Numbers(100);
    Pager<Integer> pager = numbers(fetcher, 5, PagerOptions.defaults());
    Iterator<Integer> items = pager.iterator();
    items.next();
    Thread canceller = new Thread(pager::cancel);
    canceller.start();
    canceller.join();
    assertTrue(pager.isCancelled());
    int rest = 0;
    while (items.hasNext()) {
      items.next();
      rest++;
    }
    assertEquals(4, rest, "the page in hand is finished, none fetched after the cancel");
    assertEquals(1, fetcher.asked.size());
  }

  @Test
  void anInterruptStopsBeforeTheNextPageAndKeepsTheFlag() {
    Numbers fetcher = new Numbers(100);
    Iterator<Integer> items = numbers(fetcher, 5, PagerOptions.defaults()).iterator();
    Thread.currentThread().interrupt();
    try {
      PagingException e = assertThrows(PagingException.class, items::hasNext);
      assertEquals(PagingException.Reason.INTERRUPTED, e.reason());
      assertTrue(Thread.currentThread().isInterrupted(), "the flag stays for the caller");
      assertEquals(0, fetcher.asked.size());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void eachIterationWalksTheListAnew() {
    Numbers fetcher = new Numbers(3);
    Pager<Integer> pager = numbers(fetcher, 5, PagerOptions.defaults());
    assertEquals(all(pager), all(pager));
    assertEquals(List.of("1x5", "1x5"), fetcher.asked);
  }

  @Test
  void cursorEmptyFirstPageEndsTheList() {
    Cursors fetcher = new Cursors(page(null, false));
    assertEquals(List.of(), all(Pager.cursors(fetcher, "op", PagerOptions.defaults())));
    assertEquals(List.of("null"), fetcher.asked);
  }

  @Test
  void cursorEmptyMiddlePageWithHasMoreContinues() {
    Cursors fetcher = new Cursors(page("c1", true, "a", "b"), page("c2", true), page("c3", false, "c"));
    assertEquals(List.of("a", "b", "c"), all(Pager.cursors(fetcher, "op", PagerOptions.defaults())));
    assertEquals(List.of("null", "c1", "c2"), fetcher.asked);
  }

  @Test
  void cursorEndsAtHasMoreFalseOrAtNoNextCursor() {
    Cursors stopFlag = new Cursors(page("c1", false, "a"));
    assertEquals(List.of("a"), all(Pager.cursors(stopFlag, "op", PagerOptions.defaults())));
    Cursors noFlag = new Cursors(page("c1", null, "a"), page("", null, "b"));
    assertEquals(List.of("a", "b"), all(Pager.cursors(noFlag, "op", PagerOptions.defaults())));
    assertEquals(List.of("null", "c1"), noFlag.asked);
  }

  @Test
  void aRepeatingCursorThrowsWithTheRawBodyAfterItsPageInsteadOfLooping() {
    Cursors fetcher = new Cursors(page("c1", true, "a"), page("c2", true, "b"), page("c1", true, "c"),
        page("c9", false, "never"));
    List<String> seen = new ArrayList<>();
    PagingException e = assertThrows(PagingException.class,
        () -> Pager.cursors(fetcher, "listLedger", PagerOptions.defaults()).forEach(seen::add));
    assertEquals(PagingException.Reason.REPEATED_CURSOR, e.reason());
    assertEquals("c1", e.cursor());
    assertEquals(3, e.page());
    assertEquals("{\"next\":\"c1\"}", e.rawBody());
    assertTrue(e.getMessage().startsWith("listLedger: page 3"), e.getMessage());
    assertEquals(List.of("a", "b", "c"), seen, "the repeating page's items are handed out first");
    assertEquals(3, fetcher.asked.size());
  }

  @Test
  void tooManyEmptyPagesInARowAreRefused() {
    Cursors fetcher = new Cursors(page("c1", true), page("c2", true), page("c3", true, "late"));
    PagingException e = assertThrows(PagingException.class,
        () -> all(Pager.cursors(fetcher, "op", PagerOptions.defaults().maxEmptyPages(1))));
    assertEquals(PagingException.Reason.TOO_MANY_EMPTY_PAGES, e.reason());
    assertEquals(2, fetcher.asked.size());
  }

  @Test
  void cursorMaxItemsAndStreamsShortCircuit() {
    Cursors fetcher = new Cursors(page("c1", true, "a", "b"), page("c2", true, "c"), page(null, false, "d"));
    AtomicReference<List<String>> got = new AtomicReference<>();
    got.set(all(Pager.cursors(fetcher, "op", PagerOptions.defaults().maxItems(2))));
    assertEquals(List.of("a", "b"), got.get());
    assertEquals(1, fetcher.asked.size());
  }

  @Test
  void badOptionsAreRefusedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> PagerOptions.defaults().maxItems(0));
    assertThrows(IllegalArgumentException.class, () -> PagerOptions.defaults().maxPages(0));
    assertThrows(IllegalArgumentException.class, () -> PagerOptions.defaults().maxEmptyPages(-1));
  }
}
