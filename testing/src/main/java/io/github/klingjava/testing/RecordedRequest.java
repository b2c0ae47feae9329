package io.github.klingjava.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One request the {@link LifecycleDouble} received, for assertions. Immutable. */
public final class RecordedRequest {

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Instant time;

  RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
      byte[] body, Instant time) {
    this.method = method;
    this.path = path;
    this.query = query;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.body = body.clone();
    this.time = time;
  }

  /** @return GET, POST, ... */
  public String method() {
    return method;
  }

  /** @return the path as sent, e.g. {@code /kling/v1/videos/image2video/867283741759111202} */
  public String path() {
    return path;
  }

  /** @return the raw query string, or null */
  public String query() {
    return query;
  }

  /** @return the headers; names are case-insensitive */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name case-insensitive
   * @return the first value, or null
   */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** @return the body bytes (a copy) */
  public byte[] body() {
    return body.clone();
  }

  /** @return the body as UTF-8 text */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** @return when it arrived, on the double's clock */
  public Instant time() {
    return time;
  }

  @Override
  public String toString() {
    return method + " " + path + " @" + time;
  }
}
