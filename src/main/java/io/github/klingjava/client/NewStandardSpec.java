package io.github.klingjava.client;

import io.github.klingjava.generated.model.NewStandardTask;
import io.github.klingjava.paging.SpecPaging;
import io.github.klingjava.validation.EmbeddedSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the new-standard facade reads from the embedded spec instead of retyping it: the batch limit of
 * {@code GET /tasks} (the {@code maxItems} of {@code task_ids}), the parameters of which exactly one must
 * be given ({@code x-kling-exactly-one-of}) and how {@code POST /tasks} pages ({@code x-kling-paging} with the
 * limits of the body property it names as the page size). The generated family metadata does not carry the
 * new standard (its family kind {@code task-v2} is served by this facade), so the recipe is read here, in the
 * same shape {@code families.groovy} gives the generated lists.
 */
final class NewStandardSpec {
  private static volatile NewStandardSpec embedded;

  private static final List<String> PAGING_KEYS =
      List.of("style", "in", "page", "size", "cursor", "next", "hasMore", "items");
  private static final Map<String, String> LIMITS = Map.of("Min", "minimum", "Max", "maximum", "Default", "default");

  private final int batchLimit;
  private final List<String> exactlyOneOf;
  private final SpecPaging listPaging;
  private final boolean acceptsJwt;

  private NewStandardSpec(int batchLimit, List<String> exactlyOneOf, SpecPaging listPaging, boolean acceptsJwt) {
    this.batchLimit = batchLimit;
    this.exactlyOneOf = exactlyOneOf;
    this.listPaging = listPaging;
    this.acceptsJwt = acceptsJwt;
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

  /**
   * Refuses, before anything is sent, a client whose requests carry a JWT signed from an access key when the
   * spec's {@code security} of the new standard's routes does not list {@code klingJwt} (Kling: "the new API
   * supports authentication via API Key only"); the server would answer every call with 401.
   */
  void requireCredentials(boolean signsJwt) {
    if (signsJwt && !acceptsJwt) {
      throw new IllegalStateException("credentials: the new standard (client.newStandard()) takes an API key"
          + " only (the spec's security of its routes names apiKey, not klingJwt); this client signs JWTs from"
          + " an access key + secret key. Build one with Credentials.apiKey(...) for the new standard.");
    }
  }

  /** How {@code POST /tasks} pages, as its {@code x-kling-paging} says. */
  SpecPaging listPaging() {
    return listPaging;
  }

  @SuppressWarnings("unchecked")
  private static NewStandardSpec read() {
    Map<String, Object> spec = EmbeddedSpec.tree();
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
    Map<String, Object> post = map(map(map(spec.get("paths")).get("/tasks")).get("post"));
    return new NewStandardSpec(limit, List.copyOf((List<String>) get.get("x-kling-exactly-one-of")),
        paging(spec, post), acceptsJwt(spec, get) && acceptsJwt(spec, post));
  }

  /** Whether the operation's {@code security} (or the spec's, when it has none) lists {@code klingJwt}. */
  private static boolean acceptsJwt(Map<String, Object> spec, Map<String, Object> op) {
    Object security = op.containsKey("security") ? op.get("security") : spec.get("security");
    if (!(security instanceof List<?> requirements)) {
      return true; // no requirement: nothing to refuse
    }
    return requirements.stream().anyMatch(r -> r instanceof Map<?, ?> m && m.containsKey("klingJwt"));
  }

  /** The recipe of a body-cursor list: the extension's keys, then the limits of its page-size property. */
  private static SpecPaging paging(Map<String, Object> spec, Map<String, Object> post) {
    Map<String, Object> paging = map(post.get("x-kling-paging"));
    List<String> pairs = new ArrayList<>();
    for (String key : PAGING_KEYS) {
      if (paging.get(key) != null) {
        pairs.add(key);
        pairs.add(String.valueOf(paging.get(key)));
      }
    }
    if (paging.get("size") != null) {
      Map<String, Object> size = follow(spec,
          map(map(bodySchema(spec, post).get("properties")).get(paging.get("size"))));
      LIMITS.forEach((suffix, keyword) -> {
        if (size.get(keyword) instanceof Number number) {
          pairs.add("size" + suffix);
          pairs.add(String.valueOf(number.longValue()));
        }
      });
    }
    return SpecPaging.of(NewStandardTask.class, pairs.toArray(String[]::new));
  }

  private static Map<String, Object> bodySchema(Map<String, Object> spec, Map<String, Object> op) {
    return follow(spec, map(map(map(map(op.get("requestBody")).get("content")).get("application/json"))
        .get("schema")));
  }

  private static Map<String, Object> follow(Map<String, Object> spec, Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String name = String.valueOf(ref).substring(String.valueOf(ref).lastIndexOf('/') + 1);
    return map(map(map(spec.get("components")).get("schemas")).get(name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException("the embedded spec lacks the new standard's /tasks routes");
    }
    return (Map<String, Object>) value;
  }
}
