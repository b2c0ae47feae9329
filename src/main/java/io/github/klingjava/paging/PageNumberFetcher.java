package io.github.klingjava.paging;

/**
 * Fetches one page of a page-number list ({@code x-kling-paging} style {@code page}). The client's list
 * operations implement it; tests implement it with a lambda.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageNumberFetcher<T> {
  /**
   * @param pageNum the page, from the spec's minimum (1)
   * @param pageSize items per page, within the spec's limits
   * @return the page as answered
   */
  Page<T> fetch(int pageNum, int pageSize);
}
