package io.github.klingjava.paging;

import io.github.klingjava.error.PagingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a list, fetched lazily page by page as you iterate: as an {@link Iterable} or a
 * {@link Stream}. A page is fetched only when the items before it are used up and one more is asked for,
 * never ahead; each {@link #iterator()} or {@link #stream()} walks the list anew from its first page.
 *
 * <pre>{@code
 * // every task of the family, 100 per request, at most 1000 of them
 * try (Stream<Task> tasks = client.imageToVideo().listAll(PagerOptions.defaults().pageSize(100).maxItems(1000)).stream()) {
 *   tasks.filter(t -> t.getTaskStatus().equals(TaskStatus.FAILED)).forEach(this::report);
 * }
 * for (Task task : client.imageToVideo().autoPager(50)) {
 *   if (done(task)) break;   // nothing more is fetched
 * }
 * }</pre>
 *
 * <p>Bounded: {@link PagerOptions#maxPages}, {@link PagerOptions#maxItems}, the spec's highest page number
 * (page-number lists), and a bound on empty pages in a row (cursor lists). Cancellable: closing the stream,
 * {@link #cancel()} (from any thread) and interrupting the iterating thread all stop the fetching; a closed
 * stream ends at once, cancel ends the iteration after the page in hand as if the list ended, an interrupt throws {@link PagingException} with reason
 * {@code INTERRUPTED} (the thread's flag stays set). A cursor the server repeats throws
 * {@link PagingException} with reason {@code REPEATED_CURSOR} after that page's items, instead of looping.
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {
  private final Supplier<PageWalk<T>> walks;
  private final PagerOptions options;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private Pager(Supplier<PageWalk<T>> walks, PagerOptions options) {
    this.walks = walks;
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * A page-number list over {@code fetcher}: pages {@code firstPage..lastPage} of {@code pageSize} items,
   * ending at the first short or empty page. The limits come from the spec ({@link SpecPaging}); this
   * factory checks only that they are coherent.
   */
  public static <T> Pager<T> pageNumbers(PageNumberFetcher<T> fetcher, int firstPage, int lastPage, int pageSize,
      PagerOptions options) {
    Objects.requireNonNull(fetcher, "fetcher");
    if (pageSize < 1 || firstPage > lastPage) {
      throw new IllegalArgumentException("pageSize " + pageSize + " and pages " + firstPage + ".." + lastPage);
    }
    return new Pager<>(() -> new PageNumberWalk<>(fetcher, firstPage, lastPage, pageSize), options);
  }

  /**
   * A cursor list over {@code fetcher}, ending when a page says {@code hasMore: false} or has no next cursor.
   *
   * @param operation names the list in exception messages, e.g. its operationId
   */
  public static <T> Pager<T> cursors(CursorFetcher<T> fetcher, String operation, PagerOptions options) {
    Objects.requireNonNull(fetcher, "fetcher");
    return new Pager<>(() -> new CursorWalk<>(fetcher, options.maxEmptyPages(), operation), options);
  }

  /**
   * The same list with each item converted as it is handed out, e.g. a list's generated item model into a
   * view of it. The result fetches the same pages on the same demand; it has bounds of its own options and a
   * {@link #cancel()} of its own.
   *
   * <pre>{@code
   * Pager<TaskView> views = tasksPager.map(TaskView::of);
   * }</pre>
   */
  public <R> Pager<R> map(Function<? super T, ? extends R> convert) {
    Objects.requireNonNull(convert, "convert");
    return new Pager<>(() -> {
      PageWalk<T> walk = walks.get();
      return () -> {
        Page<T> page = walk.next();
        if (page == null) {
          return null;
        }
        List<R> items = new ArrayList<>(page.items().size());
        page.items().forEach(item -> items.add(convert.apply(item)));
        return Page.ofCursor(items, page.nextCursor().orElse(null), page.hasMore().orElse(null), page.rawBody());
      };
    }, options);
  }

  /** A fresh walk from the first page; nothing is fetched until {@code hasNext()} needs a page. */
  @Override
  public Iterator<T> iterator() {
    return new Items<>(walks.get(), options, cancelled);
  }

  /**
   * A fresh walk as a sequential stream; closing it (try-with-resources) stops the fetching. Short-circuiting
   * operations ({@code limit}, {@code findFirst}, {@code anyMatch}) fetch only the pages they need.
   */
  public Stream<T> stream() {
    Items<T> items = new Items<>(walks.get(), options, cancelled);
    Spliterator<T> spliterator = Spliterators.spliteratorUnknownSize(items,
        Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(items::close);
  }

  /** Stops every walk of this pager: no further page is fetched and iterations end. Safe from any thread. */
  public void cancel() {
    cancelled.set(true);
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  /** The bounds of this pager. */
  public PagerOptions options() {
    return options;
  }

  private static final class Items<T> implements Iterator<T> {
    private final PageWalk<T> walk;
    private final PagerOptions options;
    private final AtomicBoolean cancelled;
    private Iterator<T> page;
    private long pages;
    private long handedOut;
    private boolean ended;
    private volatile boolean closed;

    Items(PageWalk<T> walk, PagerOptions options, AtomicBoolean cancelled) {
      this.walk = walk;
      this.options = options;
      this.cancelled = cancelled;
    }

    @Override
    public boolean hasNext() {
      if (closed || handedOut >= options.maxItems()) {
        return false; // a closed stream ends at once; a cancel lets the page in hand finish
      }
      while (page == null || !page.hasNext()) {
        if (ended || closed || cancelled.get() || pages >= options.maxPages()) {
          return false;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new PagingException(PagingException.Reason.INTERRUPTED, pages + 1, null, null,
              "interrupted before page " + (pages + 1) + " was fetched");
        }
        Page<T> next = walk.next();
        if (next == null) {
          ended = true;
          return false;
        }
        pages++;
        page = next.items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the list has no more items");
      }
      handedOut++;
      return page.next();
    }

    void close() {
      closed = true;
    }
  }
}
