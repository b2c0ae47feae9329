package io.github.klingjava.paging;

/**
 * Fetches one page of a cursor list ({@code x-kling-paging} style {@code cursor}).
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface CursorFetcher<T> {
  /**
   * @param cursor null for the first page, else the previous page's next cursor
   * @return the page as answered
   */
  Page<T> fetch(String cursor);
}
