package io.github.klingjava.contract.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * A network interceptor that sets the {@code Prefer} header Prism reads, and records every exchange
 * as it crossed the wire: method, URL, the final request body (after the client's own rewrites,
 * e.g. a vendor's renamed fields), the status and Prism's {@code sl-violations} header. No request
 * header is recorded, so no credential can leak through it.
 */
public final class WireLog implements Interceptor {

  /**
   * One request and its answer.
   *
   * @param method GET or POST
   * @param url the URL
   * @param requestBody the body sent, or "" for none
   * @param status the HTTP status
   * @param violations Prism's {@code sl-violations} header, or null
   */
  public record Exchange(String method, String url, String requestBody, int status, String violations) {
    /** @return the violations parsed */
    public List<SlViolation> parsedViolations() {
      return SlViolation.parse(violations);
    }
  }

  private final String prefer;
  private final List<Exchange> exchanges = new ArrayList<>();

  /** @param prefer the {@code Prefer} value (e.g. {@code example=succeed}), or null for none */
  public WireLog(String prefer) {
    this.prefer = prefer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (prefer != null) {
      request = request.newBuilder().header("Prefer", prefer).build();
    }
    String body = "";
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      body = buffer.readUtf8();
    }
    Response response = chain.proceed(request);
    synchronized (this) {
      exchanges.add(new Exchange(request.method(), request.url().toString(), body, response.code(),
          response.header("sl-violations")));
    }
    return response;
  }

  /** @return every exchange so far */
  public synchronized List<Exchange> exchanges() {
    return new ArrayList<>(exchanges);
  }

  /** @return the last exchange; fails when nothing was sent */
  public synchronized Exchange last() {
    if (exchanges.isEmpty()) {
      throw new AssertionError("nothing was sent");
    }
    return exchanges.get(exchanges.size() - 1);
  }
}
