package io.github.klingjava.error;

import java.util.Objects;

/**
 * A list could not be walked to its end: the server handed back a cursor it had already given (walking on
 * would loop forever), too many empty pages in a row, a page without the parts the spec's
 * {@code x-kling-paging} points at, or the iterating thread was interrupted. The page
 * that caused it is kept as received in {@link #rawBody()} (not in the message: it may hold user data).
 *
 * <pre>{@code
 * try {
 *   pager.forEach(this::handle);
 * } catch (PagingException e) {
 *   if (e.reason() == PagingException.Reason.REPEATED_CURSOR) {
 *     log.warn("{}; last page: {}", e.getMessage(), e.rawBody().length());
 *   }
 * }
 * }</pre>
 */
public final class PagingException extends KlingException {
  private static final long serialVersionUID = 1L;

  /** Why the walk stopped. */
  public enum Reason {
    /** A page's next cursor was one the walk had already followed. */
    REPEATED_CURSOR,
    /** More empty pages in a row than the pager's bound, though the server said more were coming. */
    TOO_MANY_EMPTY_PAGES,
    /** The iterating thread was interrupted before the next page was fetched (its flag stays set). */
    INTERRUPTED,
    /** A page lacks what the spec's x-kling-paging points at (items not an array, a cursor not a string). */
    MALFORMED_PAGE
  }

  /** @serial why the walk stopped */
  private final Reason reason;
  /** @serial the page number (from 1) at which it stopped */
  private final long page;
  /** @serial the cursor involved, or null */
  private final String cursor;
  /** @serial the body of the last page received, or "" */
  private final String rawBody;

  /**
   * @param reason why the walk stopped
   * @param page the number of the page (from 1) the walk was about to fetch or had just received
   * @param cursor the cursor involved, or null
   * @param rawBody the last page as received, or null
   * @param message one line naming the operation and what happened, without the body
   */
  public PagingException(Reason reason, long page, String cursor, String rawBody, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.page = page;
    this.cursor = cursor;
    this.rawBody = rawBody == null ? "" : rawBody;
  }

  /** @return why the walk stopped */
  public Reason reason() {
    return reason;
  }

  /** @return the page number, from 1, at which the walk stopped */
  public long page() {
    return page;
  }

  /** @return the repeated cursor (or the last one followed), or null */
  public String cursor() {
    return cursor;
  }

  /** @return the last page's body exactly as received ("" when there was none) */
  public String rawBody() {
    return rawBody;
  }
}
