package io.github.klingjava.paging;

/**
 * Bounds of one walk through a list: the page size (unset: the spec's default for the operation), the most
 * pages to fetch, the most items to hand out, and how many empty pages in a row a cursor list may send while
 * saying more are coming. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * PagerOptions options = PagerOptions.defaults().pageSize(100).maxItems(250);
 * }</pre>
 */
public final class PagerOptions {
  /** Empty pages in a row (with hasMore true) a cursor walk accepts before giving up. */
  public static final int DEFAULT_MAX_EMPTY_PAGES = 5;
  private static final PagerOptions DEFAULTS =
      new PagerOptions(null, Long.MAX_VALUE, Long.MAX_VALUE, DEFAULT_MAX_EMPTY_PAGES);

  private final Integer pageSize;
  private final long maxPages;
  private final long maxItems;
  private final int maxEmptyPages;

  private PagerOptions(Integer pageSize, long maxPages, long maxItems, int maxEmptyPages) {
    this.pageSize = pageSize;
    this.maxPages = maxPages;
    this.maxItems = maxItems;
    this.maxEmptyPages = maxEmptyPages;
  }

  /** No bounds but the spec's own (a page-number list ends at the spec's maximum page), default page size. */
  public static PagerOptions defaults() {
    return DEFAULTS;
  }

  /** Items per page to ask for; checked against the operation's limits in the spec before anything is sent. */
  public PagerOptions pageSize(int size) {
    return new PagerOptions(size, maxPages, maxItems, maxEmptyPages);
  }

  /** At most this many pages are fetched (at least 1). */
  public PagerOptions maxPages(long pages) {
    require(pages >= 1, "maxPages must be at least 1, found " + pages);
    return new PagerOptions(pageSize, pages, maxItems, maxEmptyPages);
  }

  /** At most this many items are handed out; no page is fetched once they are (at least 1). */
  public PagerOptions maxItems(long items) {
    require(items >= 1, "maxItems must be at least 1, found " + items);
    return new PagerOptions(pageSize, maxPages, items, maxEmptyPages);
  }

  /** Empty pages in a row a cursor list may send while saying more are coming (at least 0). */
  public PagerOptions maxEmptyPages(int pages) {
    require(pages >= 0, "maxEmptyPages must be at least 0, found " + pages);
    return new PagerOptions(pageSize, maxPages, maxItems, pages);
  }

  /** The page size asked for, or null for the spec's default. */
  public Integer pageSize() {
    return pageSize;
  }

  /** The most pages fetched. */
  public long maxPages() {
    return maxPages;
  }

  /** The most items handed out. */
  public long maxItems() {
    return maxItems;
  }

  /** The most empty pages in a row of a cursor list. */
  public int maxEmptyPages() {
    return maxEmptyPages;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  @Override
  public String toString() {
    return "PagerOptions{pageSize=" + pageSize + ", maxPages=" + maxPages + ", maxItems=" + maxItems
        + ", maxEmptyPages=" + maxEmptyPages + "}";
  }
}
