package io.github.klingjava.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list as the server answered it: its items and, for a cursor list, the cursor of the next
 * page and whether the server says more are coming. The body as received is kept, for errors about it.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextCursor;
  private final Boolean hasMore;
  private final String rawBody;

  private Page(List<T> items, String nextCursor, Boolean hasMore, String rawBody) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.nextCursor = nextCursor;
    this.hasMore = hasMore;
    this.rawBody = rawBody == null ? "" : rawBody;
  }

  /** A page of a page-number list. */
  public static <T> Page<T> of(List<T> items, String rawBody) {
    return new Page<>(items, null, null, rawBody);
  }

  /**
   * A page of a cursor list.
   *
   * @param nextCursor the cursor of the next page, null or empty when the server gave none
   * @param hasMore the server's "more pages" flag, null when the list has none (then the cursor decides)
   */
  public static <T> Page<T> ofCursor(List<T> items, String nextCursor, Boolean hasMore, String rawBody) {
    return new Page<>(items, nextCursor, hasMore, rawBody);
  }

  /** The items of this page, in the server's order (never null, possibly empty). */
  public List<T> items() {
    return items;
  }

  /** The cursor of the next page, when the server gave a non-empty one. */
  public Optional<String> nextCursor() {
    return nextCursor == null || nextCursor.isEmpty() ? Optional.empty() : Optional.of(nextCursor);
  }

  /** The server's "more pages" flag, when the list has one. */
  public Optional<Boolean> hasMore() {
    return Optional.ofNullable(hasMore);
  }

  /** The page's body exactly as received ("" when built without one). */
  public String rawBody() {
    return rawBody;
  }

  @Override
  public String toString() {
    return "Page{" + items.size() + " items" + (nextCursor == null ? "" : ", next " + nextCursor)
        + (hasMore == null ? "" : ", hasMore " + hasMore) + "}";
  }
}
