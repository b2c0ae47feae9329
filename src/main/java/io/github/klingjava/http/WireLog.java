package io.github.klingjava.http;

import io.github.klingjava.error.SecretMask;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in wire log: one DEBUG line per request and per answer on the SLF4J logger
 * {@value #LOGGER}, as sent and received on the network (each retry and redirect is its own line).
 * Credential headers show {@code ****}; the URL's query values, the body snippets (at most
 * {@value #SNIPPET} characters) and every header value go through {@link SecretMask}, so the
 * configured key and callback tokens never appear, raw, percent-encoded or JSON-escaped.
 *
 * <pre>{@code
 * KlingClient client = KlingClient.builder().vendor(vendor).credentials(credentials)
 *     .wireLog(true)   // then enable DEBUG for io.github.klingjava.wire in your logging backend
 *     .build();
 * }</pre>
 *
 * <p>A network interceptor; it does nothing unless DEBUG is enabled for the logger. Thread-safe.
 */
public final class WireLog implements Interceptor {

  /** The logger name. */
  public static final String LOGGER = "io.github.klingjava.wire";
  static final int SNIPPET = 512;
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private WireLog() {
  }

  /** @return the interceptor, to add with {@code addNetworkInterceptor} */
  public static WireLog create() {
    return new WireLog();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    LOG.debug("--> {} {} {} body={}", request.method(), url(request), headers(request.headers()),
        requestBody(request));
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- failed {} {} after {} ms: {}", request.method(), url(request), millis(start),
          e.getClass().getSimpleName());
      throw e;
    }
    LOG.debug("<-- {} {} in {} ms {} body={}", response.code(), url(request), millis(start),
        headers(response.headers()), snippet(response.peekBody(SNIPPET * 4L).string()));
    return response;
  }

  private static String url(Request request) {
    okhttp3.HttpUrl url = request.url();
    okhttp3.HttpUrl.Builder masked = url.newBuilder().username("").password("");
    for (String name : url.queryParameterNames()) {
      masked.setQueryParameter(name, "****");
    }
    return masked.build().toString();
  }

  private static String headers(Headers headers) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "****"
          : SecretMask.global().mask(headers.value(i));
      out.append(i == 0 ? "" : ", ").append(name).append(": ").append(value);
    }
    return out.append(']').toString();
  }

  private static String requestBody(Request request) throws IOException {
    if (request.body() == null || request.body().isOneShot() || request.body().isDuplex()) {
      return "(none or streamed)";
    }
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return snippet(buffer.readUtf8(Math.min(buffer.size(), SNIPPET * 4L)));
  }

  private static String snippet(String text) {
    return SecretMask.global().safeSnippet(text, SNIPPET);
  }

  private static long millis(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Override
  public String toString() {
    return "WireLog";
  }
}
