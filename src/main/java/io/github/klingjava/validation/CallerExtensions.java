package io.github.klingjava.validation;

import io.github.klingjava.json.AdditionalProperties;
import java.util.Map;

/**
 * Properties a caller added on purpose with {@link AdditionalProperties#putAdditionalProperty}: a
 * field newer than the spec, sent verbatim. They are not judged by the spec (which cannot know
 * them, and whose {@code additionalProperties: false} guards against typos in declared models), so
 * they are taken out of the tree before validation. Only top-level properties of the request are
 * exempt; a name the schema declares is always validated.
 */
final class CallerExtensions {

  private CallerExtensions() {
  }

  /**
   * @param request the request as given by the caller
   * @param tree the request as a JSON tree (changed in place)
   * @param schema the request's schema
   */
  static void exempt(Object request, Object tree, Map<String, Object> schema) {
    if (!(request instanceof AdditionalProperties) || !(tree instanceof Map)) {
      return;
    }
    Object properties = schema.get("properties");
    Map<?, ?> declared = properties instanceof Map ? (Map<?, ?>) properties : Map.of();
    for (String name : ((AdditionalProperties) request).getAdditionalProperties().keySet()) {
      if (!declared.containsKey(name)) {
        ((Map<?, ?>) tree).remove(name);
      }
    }
  }
}
