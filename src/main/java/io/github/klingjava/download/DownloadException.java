package io.github.klingjava.download;

import io.github.klingjava.error.KlingException;

/**
 * A result file was not saved. Messages name the URL without its query string, which often
 * carries a signature.
 */
public final class DownloadException extends KlingException {

  private static final long serialVersionUID = 1L;

  /** Why the download stopped. */
  public enum Reason {
    /** The file is, or announced it would be, larger than the configured cap. */
    TOO_LARGE,
    /** The Content-Type is not one accepted for this kind of result. */
    WRONG_CONTENT_TYPE,
    /** The server answered with a non-2xx status (for example an expired URL). */
    HTTP_STATUS,
    /** The URL is missing or not an http(s) URL. */
    BAD_URL,
    /** Reading or writing failed. */
    IO,
    /** The host (or a redirect hop) resolves to an address the {@link AddressPolicy} forbids. */
    FORBIDDEN_ADDRESS
  }

  private final Reason reason;

  DownloadException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  DownloadException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** @return why the download stopped */
  public Reason reason() {
    return reason;
  }
}
