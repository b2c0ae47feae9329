package io.github.klingjava.client;

import io.github.klingjava.http.RawResponse;
import java.util.Objects;

/**
 * A typed answer together with the raw HTTP view it was parsed from: status, headers, request id and the
 * exact body text. Returned by the {@code raw()} view of every service.
 *
 * @param <T> the parsed body type
 */
public final class KlingResponse<T> {
  private final RawResponse raw;
  private final T body;

  KlingResponse(RawResponse raw, T body) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.body = Objects.requireNonNull(body, "body");
  }

  /** The HTTP status, headers, request id and body text as received. */
  public RawResponse raw() {
    return raw;
  }

  /** The parsed body. */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "KlingResponse{" + raw + "}";
  }
}
