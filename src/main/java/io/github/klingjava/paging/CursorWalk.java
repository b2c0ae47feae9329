package io.github.klingjava.paging;

import io.github.klingjava.error.PagingException;
import java.util.HashSet;
import java.util.Set;

/**
 * Cursor style: the first page without a cursor, then each page's next cursor. The list ends when the
 * server says {@code hasMore: false} or gives no (or an empty) next cursor. A cursor already followed
 * would loop forever: its page is still handed out, and the walk throws when asked for the page after it.
 * Empty pages that say more are coming are followed, up to a bound in a row.
 */
final class CursorWalk<T> implements PageWalk<T> {
  private final CursorFetcher<T> fetcher;
  private final int maxEmptyPages;
  private final String operation;
  private final Set<String> followed = new HashSet<>();
  private String cursor;
  private long pageNo;
  private int emptyRun;
  private boolean ended;
  private PagingException pending;

  CursorWalk(CursorFetcher<T> fetcher, int maxEmptyPages, String operation) {
    this.fetcher = fetcher;
    this.maxEmptyPages = maxEmptyPages;
    this.operation = operation;
  }

  @Override
  public Page<T> next() {
    if (pending != null) {
      throw pending;
    }
    if (ended) {
      return null;
    }
    Page<T> page = fetcher.fetch(cursor);
    pageNo++;
    String next = page.nextCursor().orElse(null);
    ended = next == null || !page.hasMore().orElse(true);
    if (!ended && !followed.add(next)) {
      pending = new PagingException(PagingException.Reason.REPEATED_CURSOR, pageNo, next, page.rawBody(),
          operation + ": page " + pageNo + " gives the next cursor " + shown(next)
              + " again; following it would loop");
    }
    cursor = next;
    emptyRun = page.items().isEmpty() && !ended ? emptyRun + 1 : 0;
    if (emptyRun > maxEmptyPages) {
      throw new PagingException(PagingException.Reason.TOO_MANY_EMPTY_PAGES, pageNo, next, page.rawBody(),
          operation + ": " + emptyRun + " empty pages in a row though the server says more are coming"
              + " (bound " + maxEmptyPages + ", PagerOptions.maxEmptyPages)");
    }
    return page;
  }

  private static String shown(String cursor) {
    return "\"" + (cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor) + "\"";
  }
}
