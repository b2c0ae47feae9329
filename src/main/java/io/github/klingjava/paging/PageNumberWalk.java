package io.github.klingjava.paging;

/**
 * Page-number style: pages {@code first, first + 1, ...} of a fixed size. A page shorter than the size
 * (an empty one included) is the last; so is the spec's highest page number. On an exact multiple the
 * walk learns of the end from the empty page after the last full one.
 */
final class PageNumberWalk<T> implements PageWalk<T> {
  private final PageNumberFetcher<T> fetcher;
  private final int size;
  private final int lastPage;
  private int pageNum;
  private boolean ended;

  PageNumberWalk(PageNumberFetcher<T> fetcher, int firstPage, int lastPage, int size) {
    this.fetcher = fetcher;
    this.pageNum = firstPage;
    this.lastPage = lastPage;
    this.size = size;
  }

  @Override
  public Page<T> next() {
    if (ended || pageNum > lastPage) {
      return null;
    }
    Page<T> page = fetcher.fetch(pageNum, size);
    ended = page.items().size() < size || pageNum == lastPage;
    pageNum++;
    return page;
  }
}
