package io.github.klingjava.paging;

/** One walk through a list, page by page: each call fetches exactly one page, or none at the end. */
interface PageWalk<T> {
  /** @return the next page, fetched now, or null when the previous page ended the list */
  Page<T> next();
}
