package io.github.klingjava.validation;

import java.util.Collections;
import java.util.Map;

/**
 * The spec this jar embeds ({@value #RESOURCE}), parsed once on first use and shared by everything that
 * reads it at run time: the request validator, the capability matrix and the new standard's facade (its
 * batch limit, paging recipe and security). Each used to parse the same half-megabyte document on its own.
 *
 * <p>Read-only by contract: the top level is unmodifiable and no reader may change a nested node, since
 * every reader sees the same tree.
 */
public final class EmbeddedSpec {
  /** Where the build puts the JSON form of {@code openapi/kling-api.yaml} inside the jar. */
  public static final String RESOURCE = "/io/github/klingjava/openapi/kling-api.json";

  private static volatile Map<String, Object> tree;

  private EmbeddedSpec() {
  }

  /**
   * @return the spec as JSON trees (maps, lists, strings, numbers, booleans)
   * @throws IllegalStateException when the resource is missing from the classpath or unreadable
   */
  public static Map<String, Object> tree() {
    Map<String, Object> t = tree;
    if (t == null) {
      synchronized (EmbeddedSpec.class) {
        t = tree;
        if (t == null) {
          t = Collections.unmodifiableMap(SchemaValidator.loadSpec(RESOURCE));
          tree = t;
        }
      }
    }
    return t;
  }
}
