package io.github.klingjava.client;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okio.Okio;

/**
 * What the new-standard facade reads from the embedded spec instead of retyping it: the batch limit of
 * {@code GET /tasks} (the {@code maxItems} of {@code task_ids}) and the parameters of which exactly one must
 * be given ({@code x-kling-exactly-one-of}).
 */
final class NewStandardSpec {
  private static final String EMBEDDED = "/io/github/klingjava/openapi/kling-api.json";
  private static volatile NewStandardSpec embedded;

  private final int batchLimit;
  private final List<String> exactlyOneOf;

  private NewStandardSpec(int batchLimit, List<String> exactlyOneOf) {
    this.batchLimit = batchLimit;
    this.exactlyOneOf = exactlyOneOf;
  }

  static NewStandardSpec embedded() {
    NewStandardSpec spec = embedded;
    if (spec == null) {
      spec = read();
      embedded = spec;
    }
    return spec;
  }

  /** Ids per {@code GET /tasks} query. */
  int batchLimit() {
    return batchLimit;
  }

  /** The id parameters of {@code GET /tasks}, exactly one of which a query carries. */
  List<String> exactlyOneOf() {
    return exactlyOneOf;
  }

  @SuppressWarnings("unchecked")
  private static NewStandardSpec read() {
    try (InputStream in = NewStandardSpec.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IllegalStateException("the embedded spec " + EMBEDDED + " is missing from the classpath");
      }
      Map<String, Object> spec = (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class)
          .fromJson(Okio.buffer(Okio.source(in)));
      Map<String, Object> get = map(map(map(spec.get("paths")).get("/tasks")).get("get"));
      Integer limit = null;
      for (Object p : (List<Object>) get.get("parameters")) {
        Map<String, Object> parameter = map(p);
        if ("task_ids".equals(parameter.get("name"))) {
          limit = ((Number) map(parameter.get("schema")).get("maxItems")).intValue();
        }
      }
      if (limit == null) {
        throw new IllegalStateException("the spec's GET /tasks has no task_ids parameter with maxItems");
      }
      return new NewStandardSpec(limit, List.copyOf((List<String>) get.get("x-kling-exactly-one-of")));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the embedded spec " + EMBEDDED, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException("the embedded spec lacks the new standard's /tasks routes");
    }
    return (Map<String, Object>) value;
  }
}
