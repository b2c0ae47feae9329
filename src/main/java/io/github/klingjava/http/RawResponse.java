package io.github.klingjava.http;

import io.github.klingjava.error.ErrorEnvelope;
import io.github.klingjava.error.KlingTransportException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.ByteString;

/**
 * One HTTP answer with its body read into memory: what the client keeps to map errors and to
 * parse results without holding a connection open.
 *
 * <pre>{@code
 * RawResponse raw;
 * try (Response response = call.execute()) {
 *   raw = RawResponse.of(response);
 * }
 * if (!raw.isSuccessful()) {
 *   throw errors.toException(raw.status(), raw.headers(), raw.body());
 * }
 * }</pre>
 *
 * <p>Immutable. {@link #toString()} shows status, request id, headers (credential-bearing ones
 * masked) and the body's length, never the body itself.
 */
public final class RawResponse {

  /** Headers whose values are never printed: exact names, then fragments of names. */
  private static final Set<String> SENSITIVE_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Set<String> SENSITIVE_FRAGMENTS = Set.of("token", "secret", "key", "auth");

  private final int status;
  private final Headers headers;
  private final ByteString bytes; // a UTF-8 answer as received, else null
  private volatile String body; // decoded from bytes on first use: a 2xx body is parsed from its bytes
  private volatile String requestId; // worked out on first use: a 2xx body is parsed once, by the caller
  private volatile boolean requestIdKnown;

  private RawResponse(int status, Headers headers, String body, ByteString bytes) {
    this.status = status;
    this.headers = headers == null ? Headers.of() : headers;
    this.body = body == null && bytes == null ? "" : body;
    this.bytes = bytes;
  }

  /**
   * @param status the HTTP status
   * @param headers the response headers (null is read as none)
   * @param body the body text (null is read as empty)
   * @return the response
   */
  public static RawResponse of(int status, Headers headers, String body) {
    return new RawResponse(status, headers, body, null);
  }

  /**
   * Reads the whole body and closes it; the caller still closes the {@link Response}.
   *
   * @param response an OkHttp response
   * @return the response
   * @throws KlingTransportException if the body cannot be read
   */
  public static RawResponse of(Response response) {
    try (ResponseBody responseBody = response.body()) {
      if (!isUtf8(response.header("Content-Type"))) {
        return new RawResponse(response.code(), response.headers(), responseBody.string(), null);
      }
      ByteString bytes = responseBody.byteString();
      if (hasByteOrderMark(bytes)) { // decoded as OkHttp does, the mark telling the charset
        return new RawResponse(response.code(), response.headers(),
            ResponseBody.create(bytes, responseBody.contentType()).string(), null);
      }
      return new RawResponse(response.code(), response.headers(), null, bytes);
    } catch (IOException e) {
      throw KlingTransportException.of(e);
    }
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return true for a 2xx status (the envelope's {@code code} may still be an error) */
  public boolean isSuccessful() {
    return status >= 200 && status <= 299;
  }

  /** @return the response headers, immutable */
  public Headers headers() {
    return headers;
  }

  /** @return the body's {@code request_id}, else an {@code X-Request-Id} header, else null */
  public String requestId() {
    if (!requestIdKnown) {
      requestId = ErrorEnvelope.parse(body()).requestIdOr(headers);
      requestIdKnown = true;
    }
    return requestId;
  }

  /** @return the body as text, "" when there was none */
  public String body() {
    String text = body;
    if (text == null) {
      text = bytes.utf8();
      body = text;
    }
    return text;
  }

  /**
   * The body as UTF-8 bytes, the way a JSON reader takes it: as received when the answer was UTF-8 (no
   * decoding and re-encoding of an answer that is parsed anyway), else its text encoded.
   *
   * @return the body's bytes, empty when there was none
   */
  public ByteString bodyBytes() {
    return bytes != null ? bytes : ByteString.encodeUtf8(body);
  }

  /** No charset named, or UTF-8: OkHttp would decode the bytes as UTF-8 too. */
  private static boolean isUtf8(String contentType) {
    if (contentType == null) {
      return true;
    }
    String lower = contentType.toLowerCase(Locale.ROOT);
    return !lower.contains("charset") || lower.replace(" ", "").contains("charset=utf-8");
  }

  private static boolean hasByteOrderMark(ByteString bytes) {
    if (bytes.size() < 2) {
      return false;
    }
    int first = bytes.getByte(0) & 0xFF;
    return first == 0xEF || first == 0xFE || first == 0xFF || first == 0x00;
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + status + ", requestId=" + requestId() + ", headers=" + safeHeaders()
        + ", body=" + body().length() + " chars}";
  }

  private String safeHeaders() {
    StringJoiner joined = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      joined.add(name + ": " + (isSensitive(name) ? "****" : headers.value(i)));
    }
    return joined.toString();
  }

  private static boolean isSensitive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SENSITIVE_HEADERS.contains(lower) || SENSITIVE_FRAGMENTS.stream().anyMatch(lower::contains);
  }
}
